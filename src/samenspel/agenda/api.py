"""The agenda as API resources: portefeuilles and themas here, afspraken in
api_agreements.py, voortgang in api_progress.py, and what they share (sorting, refusals,
errors under the API's names).

Reads are what the pages show: visitors and users without a role here get what /openbaar/
shows; every write goes through the page's form, predicate and service.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema_serializer,
)
from rest_framework import exceptions, serializers

from samenspel.accounts.permissions import is_anyone, is_signed_in, takes_part
from samenspel.agenda import selectors
from samenspel.agenda.models import PortfolioProgramme, Theme
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.api.query import Sorting
from samenspel.organisations.models import Portfolio

# --- shared by the agenda's resources --------------------------------------------------------


def participant_or_refuse(user: Any) -> None:
    """A write needs someone signed in with a role here (a public resource lets anyone in)."""
    if not is_signed_in(user):
        raise exceptions.NotAuthenticated(_("Meld je aan of stuur een API-token mee."))
    if not takes_part(user):
        raise Http404


def renamed(errors: dict[str, Any], names: dict[str, str]) -> exceptions.ValidationError:
    """A form's or service's errors under the API's field names."""
    return exceptions.ValidationError(
        {names.get(field, field): [str(m) for m in messages] for field, messages in errors.items()}
    )


def service_error(error: DjangoValidationError, names: dict[str, str]) -> Exception:
    if hasattr(error, "error_dict"):
        return renamed(error.message_dict, names)
    return exceptions.ValidationError(error.messages)


IF_MATCH_REQUIRED = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="De ETag van de versie die je wijzigt (uit GET); een oudere geeft 412.",
)


# --- portefeuilles ----------------------------------------------------------------------------


@extend_schema_serializer(component_name="Portefeuille")
class PortfolioSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:portefeuilles-detail")
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")
    afkorting = serializers.CharField(source="abbreviation")
    volgorde = serializers.IntegerField(source="order")
    beschrijving = serializers.SerializerMethodField(
        help_text="Wat de huidige agenda over deze portefeuille zegt (leeg als ze niets zegt)."
    )

    class Meta:
        model = Portfolio
        fields = ["url", "id", "code", "naam", "afkorting", "volgorde", "beschrijving"]

    def get_beschrijving(self, portfolio: Portfolio) -> str:
        programmes = portfolio.programmes.all()  # prefetched: the current agenda's only
        return programmes[0].description if programmes else ""


class PortfolioViewSet(ResourceViewSet):
    """The association's portfolios, as the public pages show them (no chairs' names)."""

    permission = staticmethod(is_anyone)
    serializer_class = PortfolioSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {"volgorde": ("order", "name"), "naam": ("name",), "id": ("pk",)}
    ordering = ["volgorde"]

    def get_owned_queryset(self) -> Any:
        agenda = selectors.current_agenda(self.association)
        programmes = PortfolioProgramme.objects.filter(agenda=agenda)
        return Portfolio.objects.filter(association=self.association).prefetch_related(
            Prefetch("programmes", queryset=programmes)
        )

    def public_queryset(self) -> Any:
        return self.get_owned_queryset()


# --- themas -----------------------------------------------------------------------------------


@extend_schema_serializer(component_name="Thema")
class ThemeSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:themas-detail")
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")
    soort = serializers.ChoiceField(source="kind", choices=Theme._meta.get_field("kind").choices)
    beschrijving = serializers.CharField(source="description")
    doelen = serializers.ListField(source="goals", child=serializers.CharField())
    waarom = serializers.CharField(source="why")
    wat = serializers.CharField(source="what")
    wie = serializers.CharField(source="who")
    rol = serializers.CharField(source="role")
    jaren = serializers.CharField(source="years")
    volgorde = serializers.IntegerField(source="order")
    portefeuilles = serializers.HyperlinkedRelatedField(
        source="portfolios", many=True, read_only=True, view_name="api:portefeuilles-detail"
    )

    class Meta:
        model = Theme
        fields = [
            "url",
            "id",
            "code",
            "naam",
            "soort",
            "beschrijving",
            "doelen",
            "waarom",
            "wat",
            "wie",
            "rol",
            "jaren",
            "volgorde",
            "portefeuilles",
        ]


class ThemeViewSet(ResourceViewSet):
    """The current agenda's themes: the agenda is public, so are they."""

    permission = staticmethod(is_anyone)
    serializer_class = ThemeSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {"volgorde": ("order",), "naam": ("name",), "id": ("pk",)}
    ordering = ["volgorde"]

    def get_owned_queryset(self) -> Any:
        agenda = selectors.current_agenda(self.association)
        return Theme.objects.filter(agenda=agenda).prefetch_related("portfolios")

    def public_queryset(self) -> Any:
        return self.get_owned_queryset()
