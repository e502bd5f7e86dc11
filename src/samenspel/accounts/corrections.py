"""Who may correct what was recorded: progress updates and executive decisions.

Apart from `permissions.py` (the roles and the other predicates) because corrections
have a period of their own (`SAMENSPEL_CORRECTION_DAYS`) and their own rules per stage.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from samenspel.accounts.permissions import (
    can_edit_agreement,
    can_record_decision,
    is_bureau,
    is_signed_in,
)


def within_correction_period(recorded_at: dt.datetime) -> bool:
    """Recorded at most SAMENSPEL_CORRECTION_DAYS ago (the real clock: how long ago
    someone typed it, not the date the agenda is judged on)."""
    period = dt.timedelta(days=settings.SAMENSPEL_CORRECTION_DAYS)
    return timezone.now() - recorded_at <= period


def can_correct_progress_update(user: Any, update: Any) -> bool:
    """Correct or withdraw a progress update: the bureau at any time; its author within
    the correction period, while they may still edit the agreement. A withdrawn update
    stays as it was withdrawn."""
    if update.withdrawn_at is not None:
        return False
    if is_bureau(user):
        return True
    if not is_signed_in(user) or update.author_id != user.pk:
        return False
    return within_correction_period(update.created_at) and can_edit_agreement(
        user, update.agreement
    )


def can_see_withdrawn_updates(user: Any) -> bool:
    """Withdrawn progress updates, marked as withdrawn with their reason: the bureau."""
    return is_bureau(user)


def can_correct_decision(user: Any, decision: Any) -> bool:
    """Correct a recorded executive decision: while the proposal is with the executives
    (stage "sent"), who may record that organisation's decision; once the decisions closed
    it (stage "closed"), only the bureau, within the correction period after the decision
    was recorded. Never for a withdrawn proposal or one the PHO closed."""
    participant = decision.participant
    proposal = participant.proposal
    if proposal.stage == "sent":
        return can_record_decision(user, participant.organisation)
    if proposal.stage == "closed" and proposal.needs_executive_decisions:
        return is_bureau(user) and within_correction_period(decision.recorded_at)
    return False
