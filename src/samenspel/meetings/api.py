"""Meetings as API resources: overleggen, with their agenda items and decision list.

The same reads as the pages: the public sees what `/overleggen/openbaar/` shows (the
schedule of `selectors.public_schedule`: time, body and status; decisions of
`selectors.public_decisions`); who takes part sees the meeting page's agenda, with only
the documents `can_read_document` lets them read.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.meeting_permissions import can_read_document
from samenspel.accounts.permissions import is_anyone
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.api.query import Sorting
from samenspel.meetings import selectors
from samenspel.meetings.models import AgendaDocument, AgendaItem, Meeting

FILTER_PARAMETERS = [
    OpenApiParameter("overleg", OpenApiTypes.STR, description="Code van het overleg."),
    OpenApiParameter("jaar", OpenApiTypes.INT, description="Alleen vergaderingen in dit jaar."),
    OpenApiParameter("vanaf", OpenApiTypes.DATE, description="Vergaderingen vanaf deze datum."),
    OpenApiParameter(
        "totEnMet", OpenApiTypes.DATE, description="Vergaderingen tot en met deze datum."
    ),
]


class MeetingFilters(serializers.Serializer):
    """The query parameters of the list; a wrong one is a 400 naming it."""

    overleg = serializers.SlugField(required=False)
    jaar = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    vanaf = serializers.DateField(required=False)
    totEnMet = serializers.DateField(required=False)


class MeetingBodySerializer(serializers.Serializer):
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")


class MeetingDocumentSerializer(serializers.Serializer):
    titel = serializers.CharField(source="title")
    vertrouwelijk = serializers.SerializerMethodField()
    versie = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="Downloaden (aangemeld, als op de pagina).")

    def get_vertrouwelijk(self, document: AgendaDocument) -> bool:
        return document.is_confidential or document.item.is_confidential

    def get_versie(self, document: AgendaDocument) -> int | None:
        current = document.current
        return current.number if current else None

    def get_url(self, document: AgendaDocument) -> str | None:
        current = document.current
        if current is None:
            return None
        path = reverse("meetings:download", kwargs={"pk": current.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class MeetingOutcomeSerializer(serializers.Serializer):
    soort = serializers.CharField(source="kind")
    besluitnummer = serializers.CharField(source="reference")
    tekst = serializers.CharField(source="text")


class MeetingLeadSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    organisatie = serializers.CharField(source="organisation.display_name")


class MeetingAgendaItemSerializer(serializers.Serializer):
    nummer = serializers.SerializerMethodField()
    titel = serializers.CharField(source="title")
    soort = serializers.CharField(source="kind")
    duurMinuten = serializers.IntegerField(source="duration_minutes")
    vertrouwelijk = serializers.BooleanField(source="is_confidential")
    trekker = MeetingLeadSerializer(source="lead", allow_null=True)
    stukken = serializers.SerializerMethodField()
    uitkomst = serializers.SerializerMethodField()

    def get_nummer(self, item: AgendaItem) -> int:
        # The page numbers the agenda in its order (the meeting's prefetched items).
        meeting = item.meeting
        assert meeting is not None  # agenda items of a meeting, never the backlog
        return [i.pk for i in meeting.items.all()].index(item.pk) + 1

    @extend_schema_field(MeetingDocumentSerializer(many=True))
    def get_stukken(self, item: AgendaItem) -> list[dict[str, Any]]:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        # Confidential documents never reach who may not read them, not even by title.
        readable = [d for d in item.documents.all() if can_read_document(user, d)]
        return MeetingDocumentSerializer(readable, many=True, context=self.context).data

    @extend_schema_field(MeetingOutcomeSerializer(allow_null=True))
    def get_uitkomst(self, item: AgendaItem) -> dict[str, Any] | None:
        outcome = getattr(item, "outcome", None)
        return MeetingOutcomeSerializer(outcome).data if outcome is not None else None


class PublicMeetingSerializer(ResourceSerializer):
    """What the public page and the public feed show of a meeting, and no more."""

    url = serializers.HyperlinkedIdentityField(view_name="api:overleggen-detail")
    overleg = MeetingBodySerializer(source="body")
    begint = serializers.DateTimeField(source="starts_at")
    eindigt = serializers.DateTimeField(source="ends_at")
    status = serializers.CharField()
    statusNaam = serializers.CharField(source="get_status_display")
    besluitenlijst = serializers.HyperlinkedIdentityField(view_name="api:overleggen-besluitenlijst")

    class Meta:
        model = Meeting
        fields = [
            "url",
            "id",
            "overleg",
            "begint",
            "eindigt",
            "status",
            "statusNaam",
            "besluitenlijst",
        ]


class MeetingSerializer(PublicMeetingSerializer):
    """The meeting page: also its title, place and agenda."""

    titel = serializers.CharField(source="display_title", required=False)
    plaats = serializers.CharField(source="place", required=False)
    # Not required: the public representation leaves it out.
    agendapunten = MeetingAgendaItemSerializer(source="items", many=True, required=False)

    class Meta(PublicMeetingSerializer.Meta):
        fields = [*PublicMeetingSerializer.Meta.fields, "titel", "plaats", "agendapunten"]


class MeetingDecisionSerializer(serializers.Serializer):
    nummer = serializers.CharField(source="reference")
    datum = serializers.DateField(source="item.meeting.date")
    overleg = serializers.CharField(source="body.name")
    onderwerp = serializers.CharField(source="item.title")
    besluit = serializers.CharField(source="text")


class MeetingDecisionListSerializer(serializers.Serializer):
    overleg = serializers.URLField()
    besluiten = MeetingDecisionSerializer(many=True)


def meeting_decisions(*, association: Any, meeting: Meeting, public: bool) -> Any:
    """A meeting's numbered decisions: for the public only those its page shows."""
    if public:
        decisions = selectors.public_decisions(association=association, year=meeting.date.year)
    else:
        decisions = selectors.decisions_between(
            association=association, start=meeting.date, end=meeting.date
        )
    return decisions.filter(item__meeting=meeting)


@extend_schema_view(
    list=extend_schema(
        summary="Vergaderingen van de overleggen",
        description=(
            "Zonder aanmelden: de vergaderplanning van de openbare pagina (tijd, overleg, "
            "status). Aangemeld: ook titel, plaats en agenda, met de stukken die je mag lezen."
        ),
        parameters=FILTER_PARAMETERS,
    ),
    retrieve=extend_schema(summary="Eén vergadering"),
)
class MeetingViewSet(ResourceViewSet):
    permission = staticmethod(is_anyone)
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {
        "begint": ("starts_at",),
        "overleg": ("body__name",),
        "status": ("status",),
        "id": ("pk",),
    }
    ordering = ["begint"]

    def get_serializer_class(self) -> Any:
        if self.action == "besluitenlijst":
            return MeetingDecisionListSerializer
        if getattr(self, "swagger_fake_view", False):
            return MeetingSerializer
        return PublicMeetingSerializer if self.reads_public_only() else MeetingSerializer

    def _filtered(self, meetings: Any) -> Any:
        filters = MeetingFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        if "overleg" in data:
            meetings = meetings.filter(body__slug=data["overleg"])
        if "jaar" in data:
            meetings = meetings.filter(starts_at__year=data["jaar"])
        if "vanaf" in data:
            meetings = meetings.filter(starts_at__date__gte=data["vanaf"])
        if "totEnMet" in data:
            meetings = meetings.filter(starts_at__date__lte=data["totEnMet"])
        return meetings

    def get_owned_queryset(self) -> Any:
        items = AgendaItem.objects.select_related("lead__organisation", "outcome").order_by(
            "order", "pk"
        )
        meetings = (
            selectors.meetings_of(association=self.association)
            .select_related("body")
            .prefetch_related(
                Prefetch("items", queryset=items),
                Prefetch(
                    "items__documents",
                    queryset=AgendaDocument.objects.prefetch_related("versions"),
                ),
            )
        )
        return self._filtered(meetings)

    def public_queryset(self) -> Any:
        return self._filtered(selectors.public_schedule(association=self.association))

    @extend_schema(
        summary="De besluitenlijst van een vergadering",
        description=(
            "De genummerde besluiten. Zonder aanmelden alleen wat de openbare pagina toont: "
            "vastgestelde notulen, geen vertrouwelijke agendapunten."
        ),
        responses={
            200: MeetingDecisionListSerializer,
            # A sub-path of one meeting: a meeting that is not there (or not public) is 404.
            (404, "application/problem+json"): OpenApiResponse(
                {"$ref": "#/components/schemas/Probleem"},
                description="Bestaat niet in dit samenwerkingsverband.",
            ),
        },
    )
    @action(
        detail=True,
        url_path="besluitenlijst",
        url_name="besluitenlijst",
        filter_backends=[],
    )
    def besluitenlijst(self, request: Request, pk: str | None = None) -> Response:
        meeting = self.get_object()
        decisions = meeting_decisions(
            association=self.association, meeting=meeting, public=self.reads_public_only()
        )
        data = {
            "overleg": request.build_absolute_uri(
                reverse("api:overleggen-detail", kwargs={"pk": meeting.pk})
            ),
            "besluiten": MeetingDecisionSerializer(decisions, many=True).data,
        }
        return Response(data)
