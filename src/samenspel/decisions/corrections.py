"""Correcting a recorded executive decision (docs/decisions.md, "Correcting a decision").

A decision is appended when it is taken; a mistake in recording it (the wrong outcome,
date, reference or document) is corrected in place, with a reason, under the rules of
recording (`services.decision_check`). The history keeps the version before, with the
reason; a report as of an earlier date reads the decision as it was recorded then.

Who and when is `accounts.permissions.can_correct_decision`: while the proposal is with
the executives, who may record that organisation's decision; once the decisions closed
it, the bureau within SAMENSPEL_CORRECTION_DAYS of the decision's recording, and only so
that the proposal stays decided for good (a correction does not reopen it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.corrections import can_correct_decision
from samenspel.accounts.models import User
from samenspel.core.history import changed_by
from samenspel.core.versioning import EditConflict
from samenspel.decisions.constants import Result, Stage
from samenspel.decisions.models import ExecutiveDecision, Proposal
from samenspel.decisions.outcome import proposal_result
from samenspel.decisions.services import _close_when_final, _locked, _save, decision_check

# The results a closed proposal may have after a correction: it stays decided for good.
CLOSED_RESULTS = {Result.ADOPTED_BY_ALL, Result.NOT_ADOPTED, Result.ADOPTED_BY_COALITION}


def decision_version(decision: ExecutiveDecision) -> int:
    """The version a correction form carries: the id of the decision's latest history row
    (a decision has no version field; every save adds a history row)."""
    latest = decision.history.order_by("-history_id").values_list("history_id", flat=True)
    return latest.first() or 0


def _latest_after(proposal: Proposal, corrected: ExecutiveDecision) -> list[Any]:
    """Each participant's latest decision if `corrected` were saved as it is now."""
    from samenspel.decisions.selectors import proposals_with_states

    latest = []
    for participant in proposals_with_states().get(pk=proposal.pk).participants.all():
        decisions = [corrected if d.pk == corrected.pk else d for d in participant.decisions.all()]
        decisions.sort(key=lambda d: (d.decided_on, d.pk))
        latest.append(decisions[-1] if decisions else None)
    return latest


def _keeps_closed(proposal: Proposal, corrected: ExecutiveDecision) -> list[Any]:
    """A closed proposal stays decided for good; returns the latest decisions."""
    latest = _latest_after(proposal, corrected)
    result = proposal_result(
        stage=proposal.stage,
        needs_executive_decisions=proposal.needs_executive_decisions,
        pho_outcome=proposal.pho_outcome,
        outcomes=[d.outcome if d else None for d in latest],
        coalition_confirmed=proposal.coalition_confirmed_on is not None,
    )
    if result not in CLOSED_RESULTS:
        raise ValidationError(
            {
                "outcome": _(
                    "Met deze correctie is het afgeronde voorstel niet meer door iedereen "
                    "besloten (uitkomst: %(result)s). Een afgerond voorstel gaat niet weer "
                    "open; neem contact op met het bureau."
                )
                % {"result": Result(result).label}
            }
        )
    return latest


@transaction.atomic
def executive_decision_correct(
    *,
    decision: ExecutiveDecision,
    user: User | None,
    expected_version: int,
    reason: str,
    decided_on: dt.date,
    outcome: str,
    reference: str = "",
    remark: str = "",
    document: UploadedFile | None = None,
) -> ExecutiveDecision:
    """Correct a recorded decision in place, with `reason` (kept as the history's change
    reason). Without a new `document` the one recorded stays. The proposal's result
    follows from the decisions: a proposal with the executives closes when the correction
    makes everyone's decision final; a closed one keeps its closing date in step."""
    proposal = _locked(decision.participant.proposal)
    locked = ExecutiveDecision.objects.select_related("participant__organisation").get(
        pk=decision.pk
    )
    locked.participant.proposal = proposal
    if proposal.stage not in {Stage.SENT, Stage.CLOSED}:
        raise ValidationError(
            _("Een besluit bij een voorstel in de fase '%(stage)s' wordt niet meer gecorrigeerd.")
            % {"stage": Stage(proposal.stage).label}
        )
    if not can_correct_decision(user, locked):
        raise PermissionDenied(_("Je mag dit besluit niet (meer) corrigeren."))
    version = decision_version(locked)
    if version != expected_version:
        locked.version = version  # type: ignore[attr-defined]
        raise EditConflict(
            _(
                "Iemand anders heeft dit besluit intussen gecorrigeerd. Je eigen invoer staat "
                "nog in het formulier; de opgeslagen versie staat ernaast."
            ),
            current=locked,
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden op.")})
    decision_check(proposal=proposal, decided_on=decided_on, outcome=outcome, document=document)
    locked.decided_on, locked.outcome = decided_on, outcome
    locked.reference, locked.remark = reference, remark
    latest = _keeps_closed(proposal, locked) if proposal.stage == Stage.CLOSED else []
    if document is not None:
        locked.document = document
    changed_by(locked, user)
    locked._change_reason = reason.strip()  # type: ignore[attr-defined]
    locked.full_clean()
    locked.save()
    if proposal.stage == Stage.SENT:
        _close_when_final(proposal, user)
    elif proposal.coalition_confirmed_on is None:
        closed_on = max(d.decided_on for d in latest if d is not None)
        if closed_on != proposal.closed_on:
            proposal.closed_on = closed_on
            proposal._change_reason = reason.strip()  # type: ignore[attr-defined]
            _save(proposal, user)
    return locked
