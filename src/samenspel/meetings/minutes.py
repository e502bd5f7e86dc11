"""Writes of minutes: the draft, marking it ready, approval at a later meeting (then
locked) and corrections beside the approved text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import nh3
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.core.versioning import EditConflict
from samenspel.meetings.constants import MeetingStatus, MinutesStatus
from samenspel.meetings.models import Meeting, Minutes, MinutesCorrection
from samenspel.meetings.services import locked_row, meeting_status_set, saved
from samenspel.meetings.workflow import (
    minutes_approve_refusal,
    minutes_correct_refusal,
    minutes_mark_refusal,
    minutes_write_refusal,
)

# --- minutes ----------------------------------------------------------------------------


def minutes_clean(html: str) -> str:
    """Minutes are rich text: keep headings, lists, emphasis and links; drop everything else."""
    return nh3.clean(
        html,
        tags={"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "table"}
        | {"thead", "tbody", "tr", "th", "td", "blockquote"},
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto"},
    )


def _minutes_locked(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return locked_row(Minutes, minutes.pk)


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    text: str,
    user: User | None,
    minute_taker: Any = None,
    expected_version: int | None = None,
    is_demo: bool = False,
) -> Minutes:
    """Save the draft minutes; approved minutes are locked (use `minutes_correct`)."""
    minutes = _minutes_locked(meeting)
    refusal = minutes_write_refusal(meeting, minutes)
    if refusal:
        raise ValidationError(refusal)
    if expected_version is not None and expected_version != minutes.version:
        raise EditConflict(
            _(
                "Iemand anders heeft de notulen intussen gewijzigd. Je eigen tekst staat nog "
                "in het formulier; de opgeslagen versie staat ernaast."
            ),
            current=minutes,
        )
    minutes.text = minutes_clean(text)
    minutes.minute_taker = minute_taker or minutes.minute_taker
    minutes.status = MinutesStatus.DRAFT
    minutes.is_demo = is_demo
    minutes.version += 1
    return saved(minutes, user)


@transaction.atomic
def minutes_mark(*, minutes: Minutes, user: User | None, on: dt.date | None = None) -> Minutes:
    """The minute-taker marks the draft ready for approval."""
    minutes = locked_row(Minutes, minutes.pk)
    refusal = minutes_mark_refusal(minutes)
    if refusal:
        raise ValidationError(refusal)
    minutes.status, minutes.marked_on = MinutesStatus.MARKED, on or timezone.localdate()
    minutes.version += 1
    return saved(minutes, user)


@transaction.atomic
def minutes_approve(
    *,
    minutes: Minutes,
    at_meeting: Meeting,
    user: User | None,
    with_changes: bool = False,
    text: str | None = None,
) -> Minutes:
    """Approve (with or without changes) at a later meeting of the same body; then locked."""
    minutes = locked_row(Minutes, minutes.pk)
    meeting = minutes.meeting
    refusal = minutes_approve_refusal(minutes, at_meeting_given=True)
    if refusal:
        raise ValidationError(refusal)
    if at_meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("Een geannuleerde vergadering stelt geen notulen vast."))
    if at_meeting.body_id != meeting.body_id or at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError(
            _("Notulen worden vastgesteld in een volgende vergadering van hetzelfde overleg.")
        )
    if with_changes and text is not None:
        minutes.text = minutes_clean(text)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at, minutes.approved_on = at_meeting, at_meeting.date
    minutes.approved_with_changes = with_changes
    minutes.version += 1
    saved(minutes, user)
    if meeting.status == MeetingStatus.HELD:
        meeting_status_set(meeting=meeting, status=MeetingStatus.MINUTES_APPROVED, user=user)
    return minutes


@transaction.atomic
def minutes_correct(
    *, minutes: Minutes, text: str, reason: str, user: User | None
) -> MinutesCorrection:
    """A later correction to approved minutes, recorded as such beside the approved text."""
    refusal = minutes_correct_refusal(minutes)
    if refusal:
        raise ValidationError(refusal)
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden op voor de correctie.")})
    correction = MinutesCorrection(
        minutes=minutes,
        text=minutes_clean(text),
        reason=reason.strip(),
        made_on=timezone.localdate(),
        made_by=user,
    )
    return saved(correction, user)
