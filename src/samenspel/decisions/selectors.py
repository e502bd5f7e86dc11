"""Reads of proposals: where each stands as of a date, and who pays what.

The state as of a date is derived from the business dates on the proposal (PHO
decision, sending, closing, withdrawal) and the decisions dated on or before that
date, so a report as of a past date gives the same figures however often it is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from samenspel.core.dates import today
from samenspel.decisions.constants import FINAL_OUTCOMES, DecisionOutcome, Result, Stage
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.decisions.outcome import is_overdue, proposal_result
from samenspel.organisations.models import Organisation


@dataclass
class ParticipantState:
    participant: Participant
    decision: ExecutiveDecision | None
    is_overdue: bool

    @property
    def organisation(self) -> Organisation:
        return self.participant.organisation

    @property
    def outcome(self) -> str | None:
        return self.decision.outcome if self.decision else None

    @property
    def outcome_label(self) -> str:
        return DecisionOutcome(self.outcome).label if self.outcome else ""

    @property
    def decided_on(self) -> dt.date | None:
        return self.decision.decided_on if self.decision else None

    @property
    def has_decided(self) -> bool:
        return self.outcome in FINAL_OUTCOMES


@dataclass
class ProposalState:
    proposal: Proposal
    on: dt.date
    stage: str
    result: Result
    participants: list[ParticipantState] = field(default_factory=list)

    @property
    def result_label(self) -> str:
        return Result(self.result).label

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label

    @property
    def participant_count(self) -> int:
        return len(self.participants)

    @property
    def decided_count(self) -> int:
        return sum(1 for p in self.participants if p.has_decided)

    @property
    def agreed_count(self) -> int:
        return sum(1 for p in self.participants if p.outcome in {"agreed", "amended"})

    @property
    def overdue_count(self) -> int:
        return sum(1 for p in self.participants if p.is_overdue)

    @property
    def is_running(self) -> bool:
        return self.result in {Result.PENDING, Result.COALITION_TO_CONFIRM}


def proposals_for_states() -> QuerySet[Proposal]:
    """Proposals with what `proposal_state` needs, in three queries whatever their number."""
    participants = Participant.objects.select_related("organisation").prefetch_related(
        Prefetch("decisions", queryset=ExecutiveDecision.objects.order_by("decided_on", "pk"))
    )
    return Proposal.objects.select_related("portfolio").prefetch_related(
        Prefetch("participants", queryset=participants), "years"
    )


def _on_or_before(date: dt.date | None, on: dt.date) -> bool:
    return date is not None and date <= on


def stage_on(proposal: Proposal, on: dt.date) -> str:
    if _on_or_before(proposal.withdrawn_on, on):
        return Stage.WITHDRAWN
    if _on_or_before(proposal.closed_on, on):
        return Stage.CLOSED
    if _on_or_before(proposal.sent_on, on):
        return Stage.SENT
    if _on_or_before(proposal.pho_decided_on, on):
        return Stage.PHO
    return Stage.DRAFT


def proposal_state(proposal: Proposal, *, on: dt.date | None = None) -> ProposalState:
    """Where `proposal` stood on `on` (default today). Use `proposals_for_states()`."""
    on = on or today()
    stage = stage_on(proposal, on)
    deadline = proposal.decision_deadline if stage != Stage.DRAFT else None
    participants = []
    for participant in proposal.participants.all():
        decisions = [d for d in participant.decisions.all() if d.decided_on <= on]
        latest = decisions[-1] if decisions else None
        outcome = latest.outcome if latest else None
        overdue = stage == Stage.SENT and is_overdue(outcome=outcome, deadline=deadline, on=on)
        participants.append(ParticipantState(participant, latest, overdue))
    result = proposal_result(
        stage=stage,
        needs_executive_decisions=proposal.needs_executive_decisions,
        pho_outcome=proposal.pho_outcome if stage != Stage.DRAFT else "",
        outcomes=[p.outcome for p in participants],
        coalition_confirmed=_on_or_before(proposal.coalition_confirmed_on, on),
    )
    return ProposalState(proposal, on, stage, result, participants)


def proposal_states_on(
    *,
    date: dt.date,
    portfolio=None,
    organisation: Organisation | None = None,
    proposals: QuerySet[Proposal] | None = None,
) -> list[ProposalState]:
    """Every proposal that existed on `date`, as it stood then."""
    qs = proposals if proposals is not None else proposals_for_states()
    qs = qs.filter(created_on__lte=date)
    if portfolio is not None:
        qs = qs.filter(portfolio=portfolio)
    if organisation is not None:
        qs = qs.filter(participants__organisation=organisation).distinct()
    return [proposal_state(proposal, on=date) for proposal in qs]


def pending_for(
    *,
    organisation: Organisation,
    on: dt.date | None = None,
    states: list[ProposalState] | None = None,
) -> list[ParticipantState]:
    """The organisation's decisions still to take on proposals sent to the executives."""
    on = on or today()
    if states is None:
        states = proposal_states_on(date=on, organisation=organisation)
    return [
        p
        for state in states
        if state.stage == Stage.SENT and state.is_running
        for p in state.participants
        if p.organisation.pk == organisation.pk and not p.has_decided
    ]


def members_default() -> QuerySet[Organisation]:
    """The default participants: the twelve member municipalities."""
    return Organisation.objects.filter(is_member=True).order_by("name")


ZERO = Decimal("0.00")


def not_joining(state: ProposalState) -> frozenset[int]:
    """Organisations outside a confirmed coalition: their latest decision is not agreeing."""
    if state.result != Result.ADOPTED_BY_COALITION:
        return frozenset()
    agreeing = {DecisionOutcome.AGREED, DecisionOutcome.AMENDED}
    return frozenset(p.organisation.pk for p in state.participants if p.outcome not in agreeing)


def proposal_shares(proposal: Proposal, *, on: dt.date | None = None):
    """The cost table as it stands (on `on`): a coalition's non-members pay nothing."""
    from samenspel.decisions.costs import proposal_costs

    state = proposal_state(proposal, on=on)
    return proposal_costs(proposal, excluded=not_joining(state))
