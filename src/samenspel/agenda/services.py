"""Writes to the agenda: progress updates, milestones and agreement edits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from samenspel.accounts.corrections import can_correct_progress_update
from samenspel.accounts.models import User
from samenspel.agenda.constants import Status
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate
from samenspel.agenda.periods import parse_period
from samenspel.agenda.workflow import may_follow, milestone_refusal
from samenspel.core.dates import today
from samenspel.core.history import changed_by
from samenspel.core.versioning import EditConflict, versioned_update

ORDER = ("-date", "-created_at", "-pk")  # newest first, as the pages and reports order


def _current_status(agreement: Agreement) -> str:
    latest = agreement.updates.standing().order_by(*ORDER).first()
    return latest.status if latest else Status.NOT_STARTED


def _status_error(old: str, new: str) -> ValidationError:
    return ValidationError(
        {
            "status": _("Van '%(old)s' kan niet naar '%(new)s'.")
            % {"old": Status(old).label, "new": Status(new).label}
        }
    )


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
        raise _status_error(current, status)
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
    refusal = milestone_refusal(milestone, reached_on, on=today())
    if refusal:
        raise ValidationError(refusal)
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


def _locked_update(
    update: ProgressUpdate, *, user: User | None, expected_version: int, reason: str
) -> ProgressUpdate:
    """The update, locked with its agreement, after the checks every correction shares:
    who may (`can_correct_progress_update`), a reason, and no one saved it since."""
    Agreement.objects.select_for_update().order_by().filter(pk=update.agreement_id).first()
    locked = ProgressUpdate.objects.select_related("agreement__portfolio").get(pk=update.pk)
    if not can_correct_progress_update(user, locked):
        raise PermissionDenied(_("Je mag deze voortgangsupdate niet (meer) corrigeren."))
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Iemand anders heeft deze update intussen gecorrigeerd. Je eigen invoer staat "
                "nog in het formulier; de opgeslagen versie staat ernaast."
            ),
            current=locked,
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden op.")})
    return locked


def _check_place_in_sequence(update: ProgressUpdate, status: str, date: dt.date) -> None:
    """The corrected status must follow the update before it and lead to the one after it
    (agenda/workflow.py), as if it had been reported that way."""
    others = list(update.agreement.updates.standing().exclude(pk=update.pk))
    key = (date, update.created_at, update.pk)
    earlier = [u for u in others if (u.date, u.created_at, u.pk) < key]
    later = [u for u in others if (u.date, u.created_at, u.pk) > key]
    before = max(earlier, key=lambda u: (u.date, u.created_at, u.pk), default=None)
    after = min(later, key=lambda u: (u.date, u.created_at, u.pk), default=None)
    previous = before.status if before else Status.NOT_STARTED
    if not may_follow(previous, status):
        raise _status_error(previous, status)
    if after is not None and not may_follow(status, after.status):
        raise ValidationError(
            {
                "status": _("Na '%(new)s' kan de update van %(date)s met '%(next)s' niet volgen.")
                % {
                    "new": Status(status).label,
                    "date": dateformat.format(after.date, "j-n-Y"),
                    "next": Status(after.status).label,
                }
            }
        )


@transaction.atomic
def progress_update_correct(
    *,
    update: ProgressUpdate,
    user: User | None,
    expected_version: int,
    reason: str,
    date: dt.date,
    status: str,
    text: str,
    percent: int | None = None,
    link: str = "",
    is_internal: bool = False,
) -> ProgressUpdate:
    """Correct a mistake in an update in place, with a reason. The history keeps the
    version before (with the reason as its change reason), so a report as of an earlier
    date still shows what was reported then."""
    locked = _locked_update(update, user=user, expected_version=expected_version, reason=reason)
    _check_place_in_sequence(locked, status, date)
    if status == Status.DONE and percent is None:
        percent = 100
    locked.date, locked.status, locked.text = date, status, text
    locked.percent, locked.link, locked.is_internal = percent, link, is_internal
    locked.corrected_at = timezone.now()
    locked.correction_reason = reason.strip()
    locked.version += 1
    changed_by(locked, user)
    locked._change_reason = reason.strip()  # type: ignore[attr-defined]
    locked.full_clean(exclude=["author"])  # unchanged; system updates have none
    locked.save()
    return locked


@transaction.atomic
def progress_update_withdraw(
    *, update: ProgressUpdate, user: User | None, expected_version: int, reason: str
) -> ProgressUpdate:
    """Withdraw an update that should not have been made: it is kept, marked withdrawn
    with the reason, and no longer counts for the agreement's status (the latest update
    that is not withdrawn does). Not checked against the workflow: the withdrawn report
    was wrong, so what it moved from and to never happened."""
    locked = _locked_update(update, user=user, expected_version=expected_version, reason=reason)
    locked.withdrawn_at = timezone.now()
    locked.withdrawal_reason = reason.strip()
    locked.version += 1
    changed_by(locked, user)
    locked._change_reason = reason.strip()  # type: ignore[attr-defined]
    locked.save()
    return locked
