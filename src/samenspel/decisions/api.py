"""Proposals and executive decisions as API resources: voorstellen (with their deelnemers)
and besluiten (read, and recorded by an account holder with the page's rules).

The state of a proposal is `selectors.proposal_state`, the one the pages show; the cost
shares are `selectors.state_costs`, as on the proposal page. A decision is recorded by
`services.executive_decision_record` under `can_record_decision`, as on the decision page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from samenspel.accounts.permissions import can_record_decision
from samenspel.api.framework import ResourceSerializer, ResourceViewSet, etag_of
from samenspel.api.models import Scope
from samenspel.api.problems import PreconditionFailed
from samenspel.api.query import MAX_ID, Sorting, number_param
from samenspel.core.dates import FIRST_YEAR, LAST_YEAR
from samenspel.decisions import selectors, services
from samenspel.decisions.constants import DecisionOutcome, Result, Stage
from samenspel.decisions.costs import CostRow, CostTable
from samenspel.decisions.models import ExecutiveDecision, Proposal
from samenspel.decisions.search import proposals_matching
from samenspel.finance.selectors import inhabitant_series

# --- voorstellen -------------------------------------------------------------------------------


@dataclass
class ParticipantRow:
    state: selectors.ParticipantState
    costs: CostRow | None
    deadline: dt.date | None

    @property
    def per_year(self) -> list[dict[str, Any]]:
        if self.costs is None:
            return []
        return [{"jaar": y, "bedrag": self.costs.shares.get(y)} for y in self.costs.years]


@dataclass
class ProposalRow:
    """A proposal as it stands today (the page's state) with its cost table."""

    state: selectors.ProposalState
    costs: CostTable
    participants: list[ParticipantRow]

    @property
    def pk(self) -> int:
        return self.state.proposal.pk

    @property
    def amounts(self) -> list[dict[str, Any]]:
        return [{"jaar": y, "bedrag": self.costs.year_total(y)} for y in self.costs.years]


def proposal_rows(states: list[selectors.ProposalState]) -> list[ProposalRow]:
    """States with their costs; the inhabitants are read once for all of them."""
    series = inhabitant_series({p.organisation.pk for s in states for p in s.participants})
    rows = []
    for state in states:
        costs = selectors.state_costs(state, series=series)
        deadline = state.proposal.decision_deadline if state.stage != Stage.DRAFT else None
        participants = [
            ParticipantRow(p, costs.row_for(p.organisation), deadline) for p in state.participants
        ]
        rows.append(ProposalRow(state, costs, participants))
    return rows


class ProposalRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")


class YearAmountSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    bedrag = serializers.DecimalField(max_digits=14, decimal_places=2)


class ParticipantSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="state.participant.pk")
    organisatie = ProposalRefSerializer(source="state.organisation")
    bedragPerJaar = YearAmountSerializer(source="per_year", many=True)
    bedragTotaal = serializers.DecimalField(
        source="costs.total", max_digits=14, decimal_places=2, allow_null=True
    )
    urenPerJaar = serializers.DecimalField(
        source="costs.hours_per_year", max_digits=8, decimal_places=1, allow_null=True
    )
    doetMee = serializers.BooleanField(
        source="costs.joins", allow_null=True, help_text="Onwaar buiten een coalitie."
    )
    geplandOp = serializers.DateField(source="state.participant.planned_on", allow_null=True)
    besluitGevraagdVoor = serializers.DateField(source="deadline", allow_null=True)
    besluit = serializers.ChoiceField(
        source="state.outcome", choices=DecisionOutcome.choices, allow_null=True
    )
    besluitdatum = serializers.DateField(source="state.decided_on", allow_null=True)
    overTijd = serializers.BooleanField(source="state.is_overdue")


def _date(name: str) -> serializers.DateField:
    """A date of the proposal's process: none until that step is taken."""
    return serializers.DateField(source=f"state.proposal.{name}", allow_null=True)


class ProposalSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:voorstellen-detail")  # row.pk
    id = serializers.IntegerField(source="pk")
    titel = serializers.CharField(source="state.proposal.title")
    onderwerp = serializers.CharField(source="state.proposal.subject")
    portefeuille = ProposalRefSerializer(source="state.proposal.portfolio")
    fase = serializers.ChoiceField(source="state.stage", choices=Stage.choices)
    uitkomst = serializers.ChoiceField(source="state.result", choices=Result.choices)
    aangemaaktOp = serializers.DateField(source="state.proposal.created_on")
    phoBesluitdatum = _date("pho_decided_on")
    phoKenmerk = serializers.CharField(source="state.proposal.pho_reference")
    verstuurdOp = _date("sent_on")
    besluitGevraagdVoor = _date("decision_deadline")
    coalitieBevestigdOp = _date("coalition_confirmed_on")
    afgerondOp = _date("closed_on")
    ingetrokkenOp = _date("withdrawn_on")
    verdeelsleutel = serializers.CharField(source="costs.key")
    bedragen = YearAmountSerializer(source="amounts", many=True)
    aantalBesloten = serializers.IntegerField(source="state.decided_count")
    aantalOverTijd = serializers.IntegerField(source="state.overdue_count")
    deelnemers = ParticipantSerializer(source="participants", many=True)

    class Meta:
        model = Proposal
        fields = [
            "url", "id", "titel", "onderwerp", "portefeuille", "fase", "uitkomst",
            "aangemaaktOp", "phoBesluitdatum", "phoKenmerk", "verstuurdOp",
            "besluitGevraagdVoor", "coalitieBevestigdOp", "afgerondOp", "ingetrokkenOp",
            "verdeelsleutel", "bedragen", "aantalBesloten", "aantalOverTijd", "deelnemers",
        ]  # fmt: skip


PROPOSAL_FILTERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Zoek in titel, onderwerp en kenmerk."),
    OpenApiParameter("portefeuille", OpenApiTypes.STR, description="Code van de portefeuille."),
    OpenApiParameter("fase", OpenApiTypes.STR, enum=Stage.values, description="Fase vandaag."),
    OpenApiParameter("uitkomst", OpenApiTypes.STR, enum=Result.values, description="Uitkomst."),
    OpenApiParameter(
        "jaar", OpenApiTypes.INT, description="Aangemaakt in dit jaar of met een bedrag ervoor."
    ),
    OpenApiParameter("overTijd", OpenApiTypes.BOOL, description="Alleen met deelnemers over tijd."),
]


def _proposal_etag(row: ProposalRow, context: dict[str, Any]) -> str:
    return etag_of(ProposalSerializer(row, context={**context, "fields": None}).data)


@extend_schema_view(list=extend_schema(parameters=PROPOSAL_FILTERS))
class ProposalViewSet(ResourceViewSet):
    """The association's proposals as the proposal list and page show them."""

    serializer_class = ProposalSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {"aangemaaktOp": ("created_on",), "titel": ("title",), "id": ("pk",)}
    ordering = ["-aangemaaktOp"]

    def get_owned_queryset(self) -> Any:
        return selectors.proposals_for_states(association=self.association)

    def filter_queryset(self, queryset: Any) -> Any:
        params = self.request.query_params
        if self.action == "list":
            if params.get("q"):
                queryset = proposals_matching(queryset, params["q"].split())
            if params.get("portefeuille"):
                queryset = queryset.filter(portfolio__slug=params["portefeuille"])
            if params.get("jaar"):
                year = number_param(params["jaar"], "jaar", low=FIRST_YEAR, high=LAST_YEAR)
                queryset = queryset.filter(Q(created_on__year=year) | Q(years__year=year))
                queryset = queryset.distinct()
        return super().filter_queryset(queryset)

    def _states(self, proposals: Any) -> list[selectors.ProposalState]:
        params = self.request.query_params
        states = [selectors.proposal_state(p) for p in proposals]
        # Stage, result and "overdue" are derived from the decisions, as on the list page.
        if params.get("fase"):
            states = [s for s in states if s.stage == params["fase"]]
        if params.get("uitkomst"):
            states = [s for s in states if s.result == params["uitkomst"]]
        if params.get("overTijd") in ("true", "1"):
            states = [s for s in states if s.overdue_count]
        return states

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        states = self._states(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(states)
        serializer = self.get_serializer(proposal_rows(page), many=True)
        return self.get_paginated_response(serializer.data)

    def get_object(self) -> ProposalRow:
        proposal = super().get_object()
        return proposal_rows([selectors.proposal_state(proposal)])[0]

    def current_etag(self, obj: Any) -> str:
        return _proposal_etag(obj, self.get_serializer_context())


# --- besluiten ---------------------------------------------------------------------------------


class DecisionSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:besluiten-detail")
    voorstel = serializers.IntegerField(source="participant.proposal_id")
    organisatie = ProposalRefSerializer(source="participant.organisation")
    besluitdatum = serializers.DateField(source="decided_on")
    besluit = serializers.ChoiceField(source="outcome", choices=DecisionOutcome.choices)
    kenmerk = serializers.CharField(source="reference")
    toelichting = serializers.CharField(source="remark")
    vastgelegdOp = serializers.DateTimeField(source="recorded_at")

    class Meta:
        model = ExecutiveDecision
        fields = [
            "url", "id", "voorstel", "organisatie", "besluitdatum", "besluit", "kenmerk",
            "toelichting", "vastgelegdOp",
        ]  # fmt: skip


class DecisionInputSerializer(serializers.Serializer):
    voorstel = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="Id.")
    organisatie = serializers.CharField(help_text="Code of id van de deelnemende organisatie.")
    besluitdatum = serializers.DateField()
    besluit = serializers.ChoiceField(choices=DecisionOutcome.choices)
    kenmerk = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


# The service's field names as the API names them; its other errors are about the proposal.
SERVICE_FIELDS = {
    "decided_on": "besluitdatum", "outcome": "besluit", "reference": "kenmerk",
    "remark": "toelichting", "__all__": "voorstel",
}  # fmt: skip


def _api_error(error: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(error, "error_dict"):
        detail = {SERVICE_FIELDS.get(k, k): v for k, v in error.message_dict.items()}
    else:
        detail = {"voorstel": error.messages}
    return exceptions.ValidationError(detail)


DECISION_FILTERS = [
    OpenApiParameter("voorstel", OpenApiTypes.INT, description="Id van het voorstel."),
    OpenApiParameter("organisatie", OpenApiTypes.STR, description="Code van de organisatie."),
]


@extend_schema_view(list=extend_schema(parameters=DECISION_FILTERS))
class DecisionViewSet(ResourceViewSet):
    """Every executive's decisions on the association's proposals; an account holder (or the
    bureau) records one for their organisation, as on the decision page."""

    serializer_class = DecisionSerializer
    lookup_value_regex = r"[0-9]+"
    write_scope = Scope.DECISIONS_WRITE
    filter_backends = [Sorting]
    sort_fields = {"besluitdatum": ("decided_on",), "id": ("pk",)}
    ordering = ["besluitdatum"]

    def get_owned_queryset(self) -> Any:
        return ExecutiveDecision.objects.filter(
            participant__proposal__portfolio__association=self.association
        ).select_related("participant__organisation")

    def filter_queryset(self, queryset: Any) -> Any:
        params = self.request.query_params
        if self.action == "list":
            if params.get("voorstel"):
                pk = number_param(params["voorstel"], "voorstel")
                queryset = queryset.filter(participant__proposal_id=pk)
            if params.get("organisatie"):
                queryset = queryset.filter(participant__organisation__slug=params["organisatie"])
        return super().filter_queryset(queryset)

    def get_serializer_class(self) -> Any:
        return DecisionInputSerializer if self.action == "create" else DecisionSerializer

    def _participant(self, data: dict[str, Any]) -> Any:
        proposal = Proposal.objects.filter(
            portfolio__association=self.association, pk=data["voorstel"]
        ).first()
        if proposal is None:
            raise exceptions.ValidationError({"voorstel": _("Dit voorstel bestaat niet.")})
        named = data["organisatie"]
        by = Q(organisation__slug=named)
        if named.isdecimal() and len(named) < 10:
            by |= Q(organisation_id=int(named))
        participant = proposal.participants.select_related("organisation").filter(by).first()
        if participant is None:
            raise exceptions.ValidationError(
                {"organisatie": _("Deze organisatie neemt niet deel aan het voorstel.")}
            )
        return participant

    @extend_schema(
        request=DecisionInputSerializer,
        responses={201: DecisionSerializer},
        parameters=[
            OpenApiParameter(
                "If-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="De ETag van het voorstel (GET /voorstellen/{id}) zoals je het zag.",
            )
        ],
    )
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        given = DecisionInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        participant = self._participant(data)
        organisation = participant.organisation
        token_organisation = getattr(request.auth, "organisation_id", None)
        if token_organisation is not None and token_organisation != organisation.pk:
            raise exceptions.PermissionDenied(
                _("Dit token mag alleen besluiten van zijn eigen organisatie vastleggen.")
            )
        if not can_record_decision(request.user, organisation):
            raise PermissionDenied
        with transaction.atomic():
            self._check_proposal_version(participant.proposal_id)
            try:
                decision = services.executive_decision_record(
                    participant=participant,
                    decided_on=data["besluitdatum"],
                    outcome=data["besluit"],
                    reference=data["kenmerk"],
                    remark=data["toelichting"],
                    user=request.user,
                )
            except DjangoValidationError as error:
                raise _api_error(error) from error
        decision = self.get_owned_queryset().get(pk=decision.pk)
        body = DecisionSerializer(decision, context=self.get_serializer_context()).data
        return Response(body, status=201, headers={"Location": body["url"]})

    def _check_proposal_version(self, pk: int) -> None:
        """If-Match names the proposal's version (GET /voorstellen/{id}), compared after
        locking it, so a decision on a proposal that changed meanwhile gets 412."""
        sent = self.request.headers.get("If-Match")
        Proposal.objects.select_for_update().order_by().get(pk=pk)
        if not sent or sent.strip() == "*":
            return
        proposal = selectors.proposals_for_states(association=self.association).get(pk=pk)
        row = proposal_rows([selectors.proposal_state(proposal)])[0]
        context = {"request": self.request, "format": None, "view": self, "public": False}
        if _proposal_etag(row, context) not in [t.strip() for t in sent.split(",")]:
            raise PreconditionFailed()
