"""The voortgang resource: progress updates of the current agenda's agreements (the standing
ones; for everyone without a role here only those /openbaar/ shows, never an internal
one), and a new update by whoever may edit the agreement, through the page's form,
predicate and service (with its rules on which status may follow which)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
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
from samenspel.agenda.api import participant_or_refuse, renamed, service_error
from samenspel.agenda.api_agreements import agreement_etag
from samenspel.agenda.constants import Status
from samenspel.agenda.forms import ProgressUpdateForm
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.api.problems import PreconditionFailed
from samenspel.api.query import Sorting
from samenspel.core.dates import today


@extend_schema_serializer(component_name="Voortgang")
class ProgressUpdateSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:voortgang-detail")
    afspraak = serializers.HyperlinkedRelatedField(
        source="agreement",
        view_name="api:afspraken-detail",
        queryset=Agreement.objects.none(),  # the current agenda's, set per request
        help_text="De URL van de afspraak (zoals GET /afspraken/{id} hem geeft).",
    )
    datum = serializers.DateField(source="date", required=False, help_text="Standaard: vandaag.")
    status = serializers.ChoiceField(choices=Status.choices)
    toelichting = serializers.CharField(source="text")
    gereed = serializers.IntegerField(
        source="percent", min_value=0, max_value=100, allow_null=True, required=False
    )
    link = serializers.URLField(allow_blank=True, required=False)
    intern = serializers.BooleanField(
        source="is_internal",
        required=False,
        help_text="Intern: niet op de openbare pagina en niet zonder aanmelden in de API.",
    )
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    gecorrigeerdOp = serializers.DateTimeField(
        source="corrected_at", read_only=True, allow_null=True
    )

    class Meta:
        model = ProgressUpdate
        fields = [
            "url",
            "id",
            "afspraak",
            "datum",
            "status",
            "toelichting",
            "gereed",
            "link",
            "intern",
            "aangemaaktOp",
            "gecorrigeerdOp",
        ]


# API name → the page's form field (agenda/forms.py ProgressUpdateForm).
FORM_FIELDS = {
    "datum": "date",
    "status": "status",
    "toelichting": "text",
    "gereed": "percent",
    "link": "link",
    "intern": "is_internal",
}
API_NAMES = {form: api for api, form in FORM_FIELDS.items()}

AFSPRAAK_PARAMETER = OpenApiParameter(
    "afspraak",
    OpenApiTypes.STR,
    description="Alleen de voortgang van deze afspraak: haar id (of URL).",
)
IF_MATCH_OPTIONAL = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description="De ETag van de afspraak (uit GET /afspraken/{id}) waarop deze update "
    "voortbouwt; is zij intussen gewijzigd, dan 412.",
)


@extend_schema_view(
    list=extend_schema(parameters=[AFSPRAAK_PARAMETER]),
    create=extend_schema(
        request=ProgressUpdateSerializer,
        responses={201: ProgressUpdateSerializer},
        parameters=[IF_MATCH_OPTIONAL],
    ),
)
class ProgressUpdateViewSet(ResourceViewSet):
    """Progress updates, newest first; POST adds one as the agreement page does."""

    permission = staticmethod(is_anyone)
    write_scope = "progress:write"
    serializer_class = ProgressUpdateSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {"datum": ("date", "created_at"), "id": ("pk",)}
    ordering = ["-datum"]

    def _agreements(self) -> Any:
        return Agreement.objects.filter(agenda=selectors.current_agenda(self.association))

    def get_owned_queryset(self) -> Any:
        return (
            ProgressUpdate.objects.standing()
            .filter(agreement__in=self._agreements())
            .select_related("agreement")
        )

    def public_queryset(self) -> Any:
        return self.get_owned_queryset().filter(is_internal=False)

    def filter_queryset(self, queryset: Any) -> Any:
        if self.action != "list":
            return queryset
        named = self.request.query_params.get("afspraak")
        if named is not None:
            pk = named.rstrip("/").rsplit("/", 1)[-1]
            if not pk.isdigit():
                raise exceptions.ValidationError(
                    {"afspraak": _("Geef het id of de URL van een afspraak.")}
                )
            # A number past any id matches nothing (and must not overflow the database's).
            queryset = queryset.filter(agreement_id=int(pk)) if len(pk) < 19 else queryset.none()
        return super().filter_queryset(queryset)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        participant_or_refuse(request.user)
        serializer = self.get_serializer(data=request.data)
        field = serializer.fields["afspraak"]
        field.queryset = self._agreements()
        if not isinstance(request.data, dict):
            serializer.is_valid(raise_exception=True)  # not an object: a 400 that says so
        # Who may is judged before the rest of what they sent: a reader gets a 403.
        try:
            agreement = field.run_validation(request.data.get("afspraak", serializers.empty))
        except exceptions.ValidationError as error:
            raise exceptions.ValidationError({"afspraak": error.detail}) from error
        agreement = Agreement.objects.select_related("portfolio").get(pk=agreement.pk)
        if not can_edit_agreement(request.user, agreement):
            raise PermissionDenied
        serializer.is_valid(raise_exception=True)
        cleaned = self._form_values(serializer.validated_data)
        with transaction.atomic():
            Agreement.objects.select_for_update().order_by().filter(pk=agreement.pk).first()
            sent = request.headers.get("If-Match")
            if sent and sent.strip() != "*":
                tag = agreement_etag(request, agreement, public=False)
                if tag not in [t.strip() for t in sent.split(",")]:
                    raise PreconditionFailed()
            try:
                update = services.progress_update_add(
                    agreement=agreement, author=request.user, **cleaned
                )
            except DjangoValidationError as error:
                raise service_error(error, API_NAMES) from error
        body = self.get_serializer(update).data
        return Response(body, status=201, headers={"Location": body["url"]})

    @staticmethod
    def _form_values(validated: dict[str, Any]) -> dict[str, Any]:
        """The page's form, filled with what was sent: so the same rules hold."""
        data = {
            "date": validated.get("date") or today(),
            "status": validated["status"],
            "text": validated["text"],
            "percent": validated.get("percent"),
            "link": validated.get("link", ""),
            "is_internal": validated.get("is_internal", False),
        }
        form = ProgressUpdateForm({k: "" if v is None else v for k, v in data.items()})
        if not form.is_valid():
            raise renamed(form.errors, API_NAMES)
        return form.cleaned_data
