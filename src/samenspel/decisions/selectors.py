"""Reads of proposals: where each stands as of a date, and who pays what; what the
proposal pages and the account holder's page show.

The state as of a date is derived from the business dates on the proposal (PHO
decision, sending, closing, withdrawal) and the decisions dated on or before that
date, so a report as of a past date gives the same figures however often it is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.accounts.permissions import is_bureau, organisations_held_by, portfolios_chaired_by
from samenspel.core.dates import today
from samenspel.decisions.constants import FINAL_OUTCOMES, DecisionOutcome, Result, Stage
from samenspel.decisions.costs import CostRow, CostTable, proposal_costs
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.decisions.outcome import is_overdue, proposal_result
from samenspel.decisions.search import proposals_matching
from samenspel.finance.selectors import Series, inhabitant_series
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.selectors import members_of
from samenspel.web.memo import memoised


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
        return str(DecisionOutcome(self.outcome).label) if self.outcome else ""

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
        return str(Result(self.result).label)

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)

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


def proposals_for_states(*, association: Association) -> QuerySet[Proposal]:
    """The proposals of `association`, with what `proposal_state` needs, in three queries
    whatever their number."""
    return proposals_with_states().filter(portfolio__association=association)


def proposals_with_states() -> QuerySet[Proposal]:
    """Every association's proposals with what `proposal_state` needs: only for a proposal
    already in hand (by its pk); a page lists `proposals_for_states(association=…)`."""
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


def proposal_state(
    proposal: Proposal, *, on: dt.date | None = None, known: Mapping[int, Any] | None = None
) -> ProposalState:
    """Where `proposal` stood on `on` (default today). Use `proposals_for_states(association=…)`.

    `known` (decision id → the decision as recorded then, a historical row) puts each
    decision as it was recorded on `on` in place of its current, perhaps corrected, one:
    reports as of a date pass it (reports.snapshots)."""
    on = on or today()
    stage = stage_on(proposal, on)
    deadline = proposal.decision_deadline if stage != Stage.DRAFT else None
    participants = []
    for participant in proposal.participants.all():
        recorded: list[Any] = list(participant.decisions.all())
        if known is not None:
            recorded = sorted(
                (known.get(d.pk, d) for d in recorded), key=lambda d: (d.decided_on, d.id)
            )
        decisions = [d for d in recorded if d.decided_on <= on]
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


def association_states_on(*, association: Association, on: dt.date) -> list[ProposalState]:
    """`proposal_state` on `on` of every proposal of `association`, read once per page
    (`web.memo`): the dashboard's inbox and its panel both need them."""
    return memoised(
        ("proposal_states", association.pk, on),
        lambda: [proposal_state(p, on=on) for p in proposals_for_states(association=association)],
    )


def proposal_states_on(
    *,
    date: dt.date,
    portfolio: Portfolio | None = None,
    organisation: Organisation | None = None,
    proposals: QuerySet[Proposal] | None = None,
    known: Mapping[int, Any] | None = None,
) -> list[ProposalState]:
    """Every proposal that existed on `date`, as it stood then: of `proposals` (pages pass
    `proposals_for_states(association=…)`), or of `portfolio`, which names its association;
    `known` as for `proposal_state`."""
    qs = proposals if proposals is not None else proposals_with_states()
    qs = qs.filter(created_on__lte=date)
    if portfolio is not None:
        qs = qs.filter(portfolio=portfolio)
    if organisation is not None:
        qs = qs.filter(participants__organisation=organisation).distinct()
    return [proposal_state(proposal, on=date, known=known) for proposal in qs]


def pending_for(
    *,
    organisation: Organisation,
    association: Association,
    on: dt.date | None = None,
    states: list[ProposalState] | None = None,
) -> list[ParticipantState]:
    """The organisation's decisions still to take on `association`'s proposals sent to
    the executives."""
    on = on or today()
    if states is None:
        states = proposal_states_on(
            date=on,
            organisation=organisation,
            proposals=proposals_for_states(association=association),
        )
    return [
        p
        for state in states
        if state.stage == Stage.SENT and state.is_running
        for p in state.participants
        if p.organisation.pk == organisation.pk and not p.has_decided
    ]


ZERO = Decimal("0.00")


def not_joining(state: ProposalState) -> frozenset[int]:
    """Organisations outside a confirmed coalition: their latest decision is not agreeing."""
    if state.result != Result.ADOPTED_BY_COALITION:
        return frozenset()
    agreeing = {DecisionOutcome.AGREED, DecisionOutcome.AMENDED}
    return frozenset(p.organisation.pk for p in state.participants if p.outcome not in agreeing)


def state_costs(state: ProposalState, *, series: Series | None = None) -> CostTable:
    """The cost table of a proposal as it stood: a coalition's non-members pay nothing."""
    return proposal_costs(state.proposal, excluded=not_joining(state), series=series)


def proposal_shares(proposal: Proposal, *, on: dt.date | None = None) -> CostTable:
    """The cost table as it stands (on `on`): a coalition's non-members pay nothing."""
    return state_costs(proposal_state(proposal, on=on))


# --- what the pages show ----------------------------------------------------------------


def proposal_states_matching(
    *,
    association: Association,
    q: str = "",
    portfolio: Portfolio | None = None,
    stage: str = "",
    result: str = "",
    overdue: bool = False,
) -> list[ProposalState]:
    """The proposal list: proposals as they stand today, filtered.

    The search (`q`: title, subject, PHO reference) and portfolio filter the query;
    stage, result and "overdue" are derived from the decisions (see `proposal_state`), so
    they filter the states.
    """
    qs = proposals_for_states(association=association)
    if q:
        qs = proposals_matching(qs, q.split())  # the site search's match
    if portfolio:
        qs = qs.filter(portfolio=portfolio)
    states = [proposal_state(p) for p in qs]
    if stage:
        states = [s for s in states if s.stage == stage]
    if result:
        states = [s for s in states if s.result == result]
    if overdue:
        states = [s for s in states if s.overdue_count]
    return states


def proposal_timeline(state: ProposalState) -> list[tuple[dt.date, str]]:
    """The events of a proposal's process, oldest first, as the proposal page lists them."""
    proposal = state.proposal
    events = [(proposal.created_on, _("Voorstel aangemaakt"))]
    if proposal.pho_decided_on:
        text = _("PHO: %(outcome)s") % {"outcome": proposal.get_pho_outcome_display()}
        if proposal.pho_reference:
            text += f" ({proposal.pho_reference})"
        events.append((proposal.pho_decided_on, text))
    if proposal.sent_on and proposal.sent_without_pho_reason:
        text = _("Verstuurd naar de colleges zonder PHO-besluit: %(reason)s")
        events.append((proposal.sent_on, text % {"reason": proposal.sent_without_pho_reason}))
    elif proposal.sent_on:
        events.append((proposal.sent_on, _("Verstuurd naar de colleges")))
    for p in state.participants:
        for decision in p.participant.decisions.all():
            events.append(
                (
                    decision.decided_on,
                    f"{p.organisation.name}: {decision.get_outcome_display()}",
                )
            )
    if proposal.coalition_confirmed_on:
        events.append((proposal.coalition_confirmed_on, _("Coalitie bevestigd door het bureau")))
    if proposal.closed_on:
        events.append((proposal.closed_on, _("Afgerond")))
    if proposal.withdrawn_on:
        events.append((proposal.withdrawn_on, _("Ingetrokken")))
    return sorted(events, key=lambda e: e[0])


def portfolios_for_proposals(user: User | None, *, association: Association) -> QuerySet[Portfolio]:
    """The portfolios of `association` that `user` may write proposals for: the bureau
    all, a chair their own."""
    portfolios = Portfolio.objects.filter(association=association)
    if is_bureau(user):
        return portfolios
    return portfolios.filter(pk__in=portfolios_chaired_by(user))


def organisations_for_page(user: User | None, association: Association) -> QuerySet[Organisation]:
    """The organisations whose account holder's page `user` may pick: the bureau every
    member's of `association`, an account holder the ones they hold."""
    if is_bureau(user):
        return members_of(association)
    return Organisation.objects.filter(pk__in=organisations_held_by(user)).order_by("name")


@dataclass
class RunningShare:
    """One running proposal on the account holder's page, with the organisation's part."""

    state: ProposalState
    costs: CostRow | None
    mine: ParticipantState


@dataclass
class OrganisationDecisions:
    """What the account holder's page shows of one organisation."""

    pending: list[ParticipantState]
    running: list[RunningShare]
    decided: list[ProposalState]


def organisation_decisions(
    organisation: Organisation,
    *,
    association: Association,
    on: dt.date | None = None,
    decided_shown: int = 20,
) -> OrganisationDecisions:
    """The organisation's decisions to take, its money and hours in `association`'s running
    proposals and the latest proposals decided, in a fixed number of queries whatever
    their number."""
    states = proposal_states_on(
        date=on or today(),
        organisation=organisation,
        proposals=proposals_for_states(association=association),
    )
    running = [s for s in states if s.is_running]
    series = inhabitant_series({p.organisation.pk for s in running for p in s.participants})
    rows = []
    for state in running:
        costs = state_costs(state, series=series)
        mine = next(p for p in state.participants if p.organisation.pk == organisation.pk)
        rows.append(RunningShare(state, costs.row_for(organisation), mine))
    return OrganisationDecisions(
        pending=pending_for(organisation=organisation, association=association, states=states),
        running=rows,
        decided=[s for s in states if not s.is_running][:decided_shown],
    )
