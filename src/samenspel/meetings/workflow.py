"""The status rules of meetings and minutes, as data and with the Dutch reason why a step
is not possible now. Checked by the services (`meeting_status_set`, `minutes.py`) and by
the views before they show a form; `steps.py` lists the steps a page offers. See
docs/meetings.md for the tables.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from samenspel.meetings.constants import MeetingStatus, MinutesStatus
from samenspel.meetings.models import Meeting, Minutes

ALLOWED: dict[str, set[MeetingStatus]] = {
    MeetingStatus.PLANNED: {MeetingStatus.AGENDA_SENT, MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.AGENDA_SENT: {MeetingStatus.HELD, MeetingStatus.CANCELLED},
    # Approval of the minutes happens at the next meeting (`minutes_approve`).
    MeetingStatus.HELD: {MeetingStatus.MINUTES_APPROVED},
    MeetingStatus.MINUTES_APPROVED: set(),
    # A cancelled meeting can be put back in the schedule.
    MeetingStatus.CANCELLED: {MeetingStatus.PLANNED},
}

# Until it is held, the invitee list follows the rules; afterwards it is what it was.
OPEN_FOR_INVITATIONS = {MeetingStatus.PLANNED, MeetingStatus.AGENDA_SENT}
HAS_TAKEN_PLACE = {MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED}


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())


def next_statuses(current: str) -> list[MeetingStatus]:
    """The statuses a meeting may move to from `current`, in the order of the choices."""
    return [status for status in MeetingStatus if may_follow(current, status)]


def _not_from(current: str, status: str) -> str:
    """Why `status` cannot follow `current` (the move is not in ALLOWED)."""
    if current == status:
        return _("De vergadering heeft de status '%(status)s' al.") % {
            "status": MeetingStatus(status).label
        }
    if current == MeetingStatus.CANCELLED:
        return _("Deze vergadering is geannuleerd; plan haar eerst weer in.")
    if current in HAS_TAKEN_PLACE and status != MeetingStatus.MINUTES_APPROVED:
        return _("Deze vergadering is al gehouden.")
    if status == MeetingStatus.PLANNED:
        return _("Alleen een geannuleerde vergadering wordt weer ingepland.")
    if status == MeetingStatus.MINUTES_APPROVED:
        return _("Notulen worden vastgesteld nadat de vergadering is gehouden.")
    return _("Een vergadering met status '%(old)s' kan niet naar '%(new)s'.") % {
        "old": MeetingStatus(current).label,
        "new": MeetingStatus(status).label,
    }


def status_refusal(meeting: Meeting, status: str, *, on: dt.date) -> str | None:
    """Why `meeting` cannot get `status` now, judged on the date `on` (None: it can)."""
    if status not in MeetingStatus.values:
        return _("Onbekende status: '%(value)s'.") % {"value": status}
    if not may_follow(meeting.status, status):
        return _not_from(meeting.status, status)
    if status == MeetingStatus.HELD and meeting.date > on:
        return _("De vergadering is op %(date)s; pas daarna kan ze als gehouden gelden.") % {
            "date": meeting.date.strftime("%d-%m-%Y")
        }
    if (
        status == MeetingStatus.MINUTES_APPROVED
        and not Minutes.objects.filter(meeting=meeting, status=MinutesStatus.APPROVED).exists()
    ):
        return _(
            "Dat gebeurt vanzelf als de notulen in een volgende vergadering van dit overleg "
            "zijn vastgesteld (bij Notulen: Vaststellen)."
        )
    return None


def agenda_send_refusal(meeting: Meeting) -> str | None:
    """Why the agenda cannot be mailed now (None: it can, also again)."""
    if meeting.status == MeetingStatus.CANCELLED:
        return _("Deze vergadering is geannuleerd; plan haar eerst weer in.")
    if meeting.status in HAS_TAKEN_PLACE:
        return _("Deze vergadering is al gehouden.")
    return None


# --- minutes ----------------------------------------------------------------------------


def minutes_write_refusal(meeting: Meeting, minutes: Minutes | None) -> str | None:
    """Why the minutes cannot be written or changed now (None: they can)."""
    if minutes is not None and minutes.status == MinutesStatus.APPROVED:
        return _("Vastgestelde notulen liggen vast; leg een correctie vast.")
    if meeting.status == MeetingStatus.CANCELLED:
        return _("Een geannuleerde vergadering heeft geen notulen.")
    return None


def minutes_mark_refusal(minutes: Minutes | None) -> str | None:
    """Why the minutes cannot be marked ready for approval now (None: they can)."""
    if minutes is None:
        return _("Schrijf eerst de notulen.")
    if minutes.status == MinutesStatus.APPROVED:
        return _("Deze notulen zijn al vastgesteld.")
    if minutes.status == MinutesStatus.MARKED:
        return _("De notulen zijn al gereed gemeld.")
    if not minutes.text.strip():
        return _("Lege notulen kunnen niet gereed worden gemeld.")
    return None


def later_meetings(meeting: Meeting):
    """The meetings of the same body after `meeting` that take place: where its minutes
    may be approved."""
    return (
        Meeting.objects.taking_place()
        .filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at)
        .order_by("starts_at")
    )


def minutes_approve_refusal(
    minutes: Minutes | None, *, at_meeting_given: bool = False
) -> str | None:
    """Why the minutes cannot be approved now (None: they can). With the meeting named
    (`at_meeting_given`) the service judges that meeting itself, more precisely."""
    if minutes is not None and minutes.status == MinutesStatus.APPROVED:
        return _("Deze notulen zijn al vastgesteld.")
    if minutes is None or minutes.status != MinutesStatus.MARKED:
        return _("De notulist heeft deze notulen nog niet gereed gemeld.")
    if not at_meeting_given and not later_meetings(minutes.meeting).exists():
        return _(
            "Er is nog geen volgende vergadering van dit overleg om de notulen in vast te stellen."
        )
    return None


def minutes_correct_refusal(minutes: Minutes | None) -> str | None:
    """Why no correction can be recorded (None: it can, on approved minutes)."""
    if minutes is None or minutes.status != MinutesStatus.APPROVED:
        return _("Alleen vastgestelde notulen krijgen een correctie; conceptnotulen pas je aan.")
    return None
