"""The afspraken resource: the current agenda's agreements with their milestones and
progress, as the list page (signed in) or /openbaar/ (everyone else) shows them: the
status as the public page counts it, where internal updates never count. PATCH changes
what the edit page lets its editors change, through its form, predicate and service."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.permissions import can_edit_agreement, is_anyone
from samenspel.agenda import selectors, services
from samenspel.agenda.api import (
    IF_MATCH_REQUIRED,
    participant_or_refuse,
    renamed,
    service_error,
)
from samenspel.agenda.constants import AgreementKind, AssociationRole, Status
from samenspel.agenda.forms import AgreementFilterForm, AgreementForm
from samenspel.agenda.models import Agreement, Milestone
from samenspel.agenda.views import STATUS_RANK
from samenspel.api.framework import ResourceSerializer, ResourceViewSet, etag_of
from samenspel.api.query import Sorting
from samenspel.core.dates import today
from samenspel.organisations.models import Organisation


@extend_schema_serializer(component_name="Mijlpaal")
class MilestoneSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    wanneer = serializers.CharField(source="when_text")
    toelichting = serializers.CharField(source="when_note")
    begin = serializers.DateField(source="start", allow_null=True)
    uiterlijk = serializers.DateField(source="end", allow_null=True)
    bereiktOp = serializers.DateField(source="reached_on", allow_null=True)
    overTijd = serializers.SerializerMethodField(
        help_text="Niet bereikt en de uiterste datum is voorbij."
    )

    class Meta:
        model = Milestone
        fields = ["titel", "wanneer", "toelichting", "begin", "uiterlijk", "bereiktOp", "overTijd"]

    def get_overTijd(self, milestone: Milestone) -> bool:
        return bool(milestone.reached_on is None and milestone.end and milestone.end < today())


def _organisation_link(**kwargs: Any) -> Any:
    return serializers.HyperlinkedRelatedField(
        view_name="api:organisaties-detail", read_only=True, **kwargs
    )


@extend_schema_serializer(component_name="Afspraak")
class AgreementSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:afspraken-detail")
    code = serializers.CharField(source="slug")
    titel = serializers.CharField(source="title")
    onderwerp = serializers.CharField(source="topic")
    beschrijving = serializers.CharField(source="description")
    soort = serializers.CharField(source="kind")
    rol = serializers.CharField(source="role")
    portefeuille = serializers.HyperlinkedRelatedField(
        source="portfolio", read_only=True, allow_null=True, view_name="api:portefeuilles-detail"
    )
    ookInPortefeuilles = serializers.HyperlinkedRelatedField(
        source="other_portfolios", many=True, read_only=True, view_name="api:portefeuilles-detail"
    )
    thema = serializers.HyperlinkedRelatedField(
        source="theme", read_only=True, view_name="api:themas-detail"
    )
    bestuurlijkTrekker = _organisation_link(source="political_lead", allow_null=True)
    ambtelijkTrekker = _organisation_link(source="official_lead", allow_null=True)
    partners = _organisation_link(many=True)
    planning = serializers.CharField(source="period_text")
    planningBegin = serializers.DateField(source="period_start", allow_null=True)
    planningEinde = serializers.DateField(source="period_end", allow_null=True)
    huidigeStatus = serializers.ChoiceField(source="current_status", choices=Status.choices)
    laatsteUpdate = serializers.DateField(source="last_update", allow_null=True)
    mijlpaalOverTijd = serializers.BooleanField(source="is_overdue")
    geenRecenteUpdate = serializers.BooleanField(source="is_stale")
    mijlpalen = MilestoneSerializer(source="milestones", many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "url",
            "id",
            "code",
            "titel",
            "onderwerp",
            "beschrijving",
            "soort",
            "rol",
            "portefeuille",
            "ookInPortefeuilles",
            "thema",
            "bestuurlijkTrekker",
            "ambtelijkTrekker",
            "partners",
            "planning",
            "planningBegin",
            "planningEinde",
            "huidigeStatus",
            "laatsteUpdate",
            "mijlpaalOverTijd",
            "geenRecenteUpdate",
            "mijlpalen",
        ]


@extend_schema_serializer(component_name="AfspraakWijziging")
class AgreementChangeSerializer(serializers.Serializer):
    """What the agreement's edit page lets its editors change, under the API's names."""

    titel = serializers.CharField(max_length=300)
    beschrijving = serializers.CharField(allow_blank=True)
    rol = serializers.ChoiceField(choices=AssociationRole.choices, allow_blank=True)
    bestuurlijkTrekker = serializers.HyperlinkedRelatedField(
        view_name="api:organisaties-detail", queryset=Organisation.objects.all(), allow_null=True
    )
    ambtelijkTrekker = serializers.HyperlinkedRelatedField(
        view_name="api:organisaties-detail", queryset=Organisation.objects.all(), allow_null=True
    )
    planning = serializers.CharField(max_length=120, allow_blank=True)


# API name → the edit page's form field.
CHANGE_FIELDS = {
    "titel": "title",
    "beschrijving": "description",
    "rol": "role",
    "bestuurlijkTrekker": "political_lead",
    "ambtelijkTrekker": "official_lead",
    "planning": "period_text",
}
FORM_NAMES = {form: api for api, form in CHANGE_FIELDS.items()} | {
    "period_start": "planning",
    "period_end": "planning",
}

# The list page's filters (agenda/forms.py AgreementFilterForm): API name → (form field, help).
FILTERS = {
    "q": ("q", "Zoektekst: elk woord in de titel, beschrijving, het onderwerp of het thema."),
    "portefeuille": ("portefeuille", "Code van een portefeuille (gedeelde afspraken tellen mee)."),
    "thema": ("thema", "Code van een thema."),
    "soort": ("soort", "Soort afspraak: " + ", ".join(AgreementKind.values) + "."),
    "status": ("status", "Huidige status: " + ", ".join(Status.values) + "."),
    "trekker": ("trekker", "Code van de organisatie die bestuurlijk of ambtelijk trekt."),
    "jaar": ("jaar", "Jaar waarin de planning of een mijlpaal valt."),
    "teLaat": ("te_laat", "`true`: alleen afspraken met een mijlpaal over tijd."),
    "stil": ("stil", "`true`: alleen afspraken zonder recente update."),
}
FILTER_TYPES = {"jaar": OpenApiTypes.INT, "teLaat": OpenApiTypes.BOOL, "stil": OpenApiTypes.BOOL}
FILTER_PARAMETERS = [
    OpenApiParameter(name, FILTER_TYPES.get(name, OpenApiTypes.STR), description=text)
    for name, (_field, text) in FILTERS.items()
]


def agreements_read(association: Any, *, public: bool) -> QuerySet[Agreement]:
    """The current agenda's agreements as the pages read them: with their status, last
    update and flags counted as the public page counts them when `public`."""
    agenda = selectors.current_agenda(association)
    qs = Agreement.objects.filter(agenda=agenda).select_related(
        "portfolio", "theme", "political_lead", "official_lead"
    )
    qs = qs.prefetch_related(
        Prefetch("milestones", queryset=Milestone.objects.order_by("order", "pk")),
        "other_portfolios",
        "partners",
    )
    return selectors.agreements_with_progress(qs, public=public)


def agreement_etag(request: Request, agreement: Agreement, *, public: bool) -> str:
    """The ETag GET /afspraken/{id} gives `agreement` (read again, as that call reads it)."""
    current = agreements_read(agreement.agenda.association, public=public).get(pk=agreement.pk)
    context = {"request": request, "public": public}
    return etag_of(AgreementSerializer(current, context=context).data)


@extend_schema_view(
    list=extend_schema(parameters=FILTER_PARAMETERS),
    partial_update=extend_schema(
        request=AgreementChangeSerializer,
        responses=AgreementSerializer,
        parameters=[IF_MATCH_REQUIRED],
    ),
)
class AgreementViewSet(ResourceViewSet):
    """The current agenda's agreements with their milestones and progress, as the list page
    (signed in) or /openbaar/ (everyone else) shows them; PATCH as the edit page."""

    permission = staticmethod(is_anyone)
    write_scope = "progress:write"
    serializer_class = AgreementSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {
        "volgorde": ("order",),
        "titel": ("title",),
        "portefeuille": ("portfolio__abbreviation",),
        "thema": ("theme__name",),
        "soort": ("kind",),
        "planning": ("period_start", "period_end"),
        "huidigeStatus": (STATUS_RANK,),
        "laatsteUpdate": ("last_update",),
        "mijlpaalOverTijd": ("is_overdue",),
        "id": ("pk",),
    }
    ordering = ["volgorde"]

    def get_owned_queryset(self) -> Any:
        return agreements_read(self.association, public=False)

    def public_queryset(self) -> Any:
        return agreements_read(self.association, public=True)

    def filter_queryset(self, queryset: Any) -> Any:
        if self.action != "list":
            return queryset
        params = self.request.query_params
        data = {form: params[api] for api, (form, _text) in FILTERS.items() if api in params}
        form = AgreementFilterForm(data, association=self.association)
        if not form.is_valid():
            raise renamed(form.errors, {field: api for api, (field, _t) in FILTERS.items()})
        return super().filter_queryset(selectors.agreements_filter(queryset, **form.cleaned_data))

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        participant_or_refuse(request.user)
        agreement = self.get_object()
        if not can_edit_agreement(request.user, agreement):
            raise PermissionDenied
        change = AgreementChangeSerializer(
            data=request.data, partial=True, context=self.get_serializer_context()
        )
        change.is_valid(raise_exception=True)
        unknown = set(request.data) - set(CHANGE_FIELDS) if isinstance(request.data, dict) else ()
        if unknown:
            message = _("Dit veld kan hier niet worden gewijzigd.")
            raise exceptions.ValidationError({name: [message] for name in sorted(unknown)})
        with transaction.atomic():
            Agreement.objects.select_for_update().order_by().filter(pk=agreement.pk).first()
            agreement = self.get_object()
            self.check_if_match(agreement, required=True)
            values = self._form_values(agreement, change.validated_data)
            try:
                services.agreement_update(
                    agreement=agreement,
                    expected_version=agreement.version,
                    user=request.user,
                    **values,
                )
            except DjangoValidationError as error:
                raise service_error(error, FORM_NAMES) from error
        agreement = self.get_object()
        response = Response(self.get_serializer(agreement).data)
        response["ETag"] = self.current_etag(agreement)
        return response

    @staticmethod
    def _form_values(agreement: Agreement, change: dict[str, Any]) -> dict[str, Any]:
        """The edit page's form, filled as the page fills it and changed as asked: so the
        same rules hold."""
        data = {name: getattr(agreement, name) for name in AgreementForm.base_fields}
        data |= {CHANGE_FIELDS[api]: value for api, value in change.items()}
        data = {k: v.pk if isinstance(v, Organisation) else v for k, v in data.items()}
        form = AgreementForm({k: "" if v is None else v for k, v in data.items()})
        if not form.is_valid():
            raise renamed(form.errors, FORM_NAMES)
        values = dict(form.cleaned_data)
        values.pop("version")
        return values
