"""A proposal's process as data: which stage may follow which, which steps a proposal
has now and, for each step that is not possible, the Dutch reason why.

The services in `services.py` refuse a step with the same reason as the page gives
(`edit_refusal`, `pho_refusal`, `send_refusal`, ...); `steps_for` lists the steps of the
proposal page in workflow order. See docs/decisions.md for the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.permissions import can_confirm_coalition, can_manage_proposal, is_bureau
from samenspel.decisions.constants import PhoOutcome, Result, Stage
from samenspel.web.steps import Step, Steps

if TYPE_CHECKING:
    from samenspel.decisions.costs import CostTable
    from samenspel.decisions.models import Proposal
    from samenspel.decisions.selectors import ProposalState

ALLOWED: dict[str, set[Stage]] = {
    # A PHO decision may close a proposal without consequences straight from draft.
    # Draft → sent only for a proposal that asks no money, or with the bureau's reason
    # (`pho_missing`).
    Stage.DRAFT: {Stage.PHO, Stage.SENT, Stage.CLOSED, Stage.WITHDRAWN},
    # A PHO may hold a proposal back (postponed) and decide on it again.
    Stage.PHO: {Stage.PHO, Stage.SENT, Stage.CLOSED, Stage.DRAFT, Stage.WITHDRAWN},
    Stage.SENT: {Stage.CLOSED, Stage.WITHDRAWN},
    Stage.CLOSED: set(),
    Stage.WITHDRAWN: set(),
}
# Before sending, the text and the figures may change; afterwards the executives decide
# on exactly what was sent.
EDITABLE_STAGES = {Stage.DRAFT, Stage.PHO}
# A PHO decision the colleges may follow: anything else is no decision to send on.
FAVOURABLE_PHO = {PhoOutcome.POSITIVE, PhoOutcome.AMENDED}

NOT_EDITABLE = gettext_lazy(
    "Een voorstel dat naar de colleges is verstuurd, verandert niet meer: de colleges "
    "besluiten over deze tekst en deze bedragen. Trek het in en maak een nieuw voorstel."
)


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())


def asks_money(proposal: Proposal) -> bool:
    """Money for the members: the proposal says it has financial consequences, or asks an
    amount in a year that its cost key shares over the participants."""
    return proposal.affects_money or any(year.amount > 0 for year in proposal.years.all())


def _finished(proposal: Proposal) -> str | None:
    if proposal.stage == Stage.CLOSED:
        return _("Dit voorstel is afgerond; er zijn geen stappen meer.")
    if proposal.stage == Stage.WITHDRAWN:
        return _("Dit voorstel is ingetrokken; er zijn geen stappen meer.")
    return None


def edit_refusal(proposal: Proposal) -> str | None:
    """Why the proposal cannot be edited now (None: it can)."""
    if proposal.stage == Stage.SENT:
        return str(NOT_EDITABLE)
    return _finished(proposal)


def pho_refusal(proposal: Proposal) -> str | None:
    """Why the PHO decision cannot be recorded now (None: it can)."""
    if proposal.stage == Stage.SENT:
        return _(
            "Het voorstel ligt al bij de colleges; het PHO-besluit bereidt het versturen "
            "voor en wordt daarna niet meer vastgelegd."
        )
    return _finished(proposal)


def pho_missing(proposal: Proposal) -> str | None:
    """Why a proposal that asks money of the members may not go to the colleges on the
    PHO's word (None: it asks no money, or the PHO advised positively)."""
    if not asks_money(proposal) or proposal.pho_outcome in FAVOURABLE_PHO:
        return None
    if proposal.pho_outcome == PhoOutcome.POSTPONED:
        return _(
            "Het PHO heeft dit voorstel aangehouden. Eerst een nieuw PHO-besluit vastleggen: "
            "dit voorstel vraagt geld van de deelnemers."
        )
    if proposal.pho_outcome == PhoOutcome.NEGATIVE:
        return _("Het PHO gaf een negatief advies, en dit voorstel vraagt geld van de deelnemers.")
    return _("Eerst het PHO-besluit vastleggen: dit voorstel vraagt geld van de deelnemers.")


def send_refusal(proposal: Proposal, *, costs: CostTable | None = None) -> str | None:
    """Why the proposal cannot go to the colleges now, whatever reason is given for
    going without the PHO (None: it can, see `pho_missing` for that reason)."""
    if proposal.stage == Stage.SENT:
        return _("Het voorstel ligt al bij de colleges.")
    finished = _finished(proposal)
    if finished:
        return finished
    if not proposal.needs_executive_decisions:
        return _(
            "Dit voorstel heeft geen gevolgen voor lokaal beleid, geld of personele "
            "capaciteit; het PHO-besluit rondt het af."
        )
    if costs is None:
        from samenspel.decisions.costs import proposal_costs

        costs = proposal_costs(proposal)
    if costs.errors:
        return " ".join([_("Eerst de kostenverdeling in orde maken:"), *costs.errors])
    return None


def coalition_refusal(state: ProposalState) -> str | None:
    """Why the bureau cannot confirm a coalition now (None: it can)."""
    finished = _finished(state.proposal)
    if finished:
        return finished
    if state.stage != Stage.SENT or state.agreed_count * 2 <= state.participant_count:
        return _(
            "Een coalitie kan alleen worden bevestigd als een meerderheid heeft ingestemd "
            "(nu %(agreed)s van %(total)s)."
        ) % {"agreed": state.agreed_count, "total": state.participant_count}
    return None


def withdraw_refusal(proposal: Proposal) -> str | None:
    return _finished(proposal)


ONLY_MANAGERS = gettext_lazy("Alleen het bureau en de voorzitter van de portefeuille.")
ONLY_BUREAU = gettext_lazy("Alleen het bureau.")
ONLY_BUREAU_WITHOUT_PHO = gettext_lazy(
    "Alleen het bureau kan een voorstel zonder PHO-besluit versturen, met een reden."
)


def steps_for(
    proposal: Proposal,
    user: Any,
    *,
    state: ProposalState | None = None,
    costs: CostTable | None = None,
) -> Steps:
    """The steps of the proposal page for `user`, in workflow order, each with why it is
    not possible now. Steps that no longer belong to the stage are left out; a closed or
    withdrawn proposal has none (`Steps.done` says so)."""
    if state is None:
        from samenspel.decisions.selectors import proposal_state, proposals_with_states

        state = proposal_state(proposals_with_states().get(pk=proposal.pk))
    finished = _finished(proposal)
    if finished:
        return Steps(done=finished)
    manages = can_manage_proposal(user, proposal)
    only_managers = "" if manages else str(ONLY_MANAGERS)
    pk = proposal.pk
    steps = [
        Step(
            "edit",
            _("Bewerken"),
            reverse("decisions:edit", args=[pk]),
            edit_refusal(proposal) or only_managers,
            lead=False,
        ),
        Step(
            "pho",
            _("PHO-besluit vastleggen"),
            reverse("decisions:pho", args=[pk]),
            pho_refusal(proposal) or only_managers,
            # Once the PHO advised positively, recording it again is a correction.
            lead=proposal.pho_outcome not in FAVOURABLE_PHO,
        ),
    ]
    if proposal.stage in EDITABLE_STAGES:
        send_url = reverse("decisions:send", args=[pk])
        blocked = send_refusal(proposal, costs=costs)
        missing = pho_missing(proposal)
        steps.append(
            Step(
                "send",
                _("Versturen naar de colleges"),
                send_url,
                blocked or missing or only_managers,
            )
        )
        if missing and not blocked:
            reason = "" if is_bureau(user) else str(ONLY_BUREAU_WITHOUT_PHO)
            steps.append(
                Step(
                    "send_without_pho",
                    _("Zonder PHO-besluit versturen"),
                    send_url,
                    reason,
                    quiet=True,
                )
            )
    else:
        reason = coalition_refusal(state) or (
            "" if can_confirm_coalition(user) else str(ONLY_BUREAU)
        )
        # Before everyone has decided, confirming is possible but not the next step.
        early = state.result != Result.COALITION_TO_CONFIRM
        url = reverse("decisions:coalition", args=[pk])
        steps.append(Step("coalition", _("Coalitie bevestigen"), url, reason, quiet=early))
    steps.append(
        Step(
            "withdraw",
            _("Intrekken"),
            reverse("decisions:withdraw", args=[pk]),
            withdraw_refusal(proposal) or only_managers,
            quiet=True,
        )
    )
    return Steps(steps)
