"""Writes on proposals and decisions. Keyword-only, atomic, locking the proposal row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.decisions.constants import PhoOutcome, Stage
from samenspel.decisions.models import Proposal
from samenspel.decisions.workflow import may_follow


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().order_by().get(pk=proposal.pk)


def _move(proposal: Proposal, stage: str) -> None:
    if not may_follow(proposal.stage, stage):
        raise ValidationError(
            _("Een voorstel in de fase '%(current)s' kan niet naar '%(new)s'.")
            % {"current": Stage(proposal.stage).label, "new": Stage(stage).label}
        )
    proposal.stage = stage


@transaction.atomic
def pho_decision_record(
    *,
    proposal: Proposal,
    decided_on: dt.date,
    outcome: str,
    reference: str = "",
    user: Any = None,
) -> Proposal:
    """Record the portfolio meeting's preparatory decision on a proposal.

    The meetings app calls this when a PHO outcome on an agenda item concerns a
    proposal (with the decision number as `reference`). Without consequences for
    policy, money or staff a positive PHO decision closes the proposal; otherwise it
    is only preparatory and the executives decide next.
    """
    proposal = _locked(proposal)
    if outcome not in PhoOutcome.values:
        raise ValidationError(_("Onbekend PHO-besluit: %(value)s.") % {"value": outcome})
    closes = outcome in {PhoOutcome.POSITIVE, PhoOutcome.AMENDED}
    closes = closes and not proposal.needs_executive_decisions
    _move(proposal, Stage.CLOSED if closes else Stage.PHO)
    proposal.pho_decided_on = decided_on
    proposal.pho_outcome = outcome
    proposal.pho_reference = reference
    proposal.version += 1
    proposal._history_user = user
    proposal.save()
    return proposal
