"""Writes to the agenda: progress updates, milestones and agreement edits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.agenda.constants import Status
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate
from samenspel.agenda.periods import parse_period
from samenspel.agenda.workflow import may_follow
from samenspel.core.history import changed_by
from samenspel.core.versioning import versioned_update


def _current_status(agreement: Agreement) -> str:
    latest = agreement.updates.order_by("-date", "-created_at", "-pk").first()
    return latest.status if latest else Status.NOT_STARTED


@transaction.atomic
def progress_update_add(
    *,
    agreement: Agreement,
    author: User | None,
    date: dt.date,
    status: str,
    text: str,
    percent: int | None = None,
    link: str = "",
    is_internal: bool = False,
    is_demo: bool = False,
) -> ProgressUpdate:
    """Append a progress update; the agreement row is locked so two updates queue up."""
    Agreement.objects.select_for_update().order_by().filter(pk=agreement.pk).first()
    current = _current_status(agreement)
    if not may_follow(current, status):
        raise ValidationError(
            {
                "status": _("Van '%(old)s' kan niet naar '%(new)s'.")
                % {"old": Status(current).label, "new": Status(status).label}
            }
        )
    if status == Status.DONE and percent is None:
        percent = 100
    update = ProgressUpdate(
        agreement=agreement,
        author=author,
        date=date,
        status=status,
        text=text,
        percent=percent,
        link=link,
        is_internal=is_internal,
        is_demo=is_demo,
    )
    changed_by(update, author)
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def milestone_reach(
    *, milestone: Milestone, reached_on: dt.date | None, user: User | None
) -> Milestone:
    """Mark a milestone reached on a date, or (None) not reached after all."""
    milestone.reached_on = reached_on
    milestone.reached_is_demo = False
    changed_by(milestone, user)
    milestone.save(update_fields=["reached_on", "reached_is_demo"])
    return milestone


def agreement_update(
    *, agreement: Agreement, expected_version: int, user: User | None, **values: Any
) -> Agreement:
    if "period_text" in values:
        period = parse_period(values["period_text"])
        values["period_start"] = period.start if period else None
        values["period_end"] = period.end if period else None
    return versioned_update(obj=agreement, expected_version=expected_version, user=user, **values)
