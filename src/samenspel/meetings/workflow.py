"""Which meeting status may follow which, as data. Checked by `meeting_status_set`."""

from samenspel.meetings.constants import MeetingStatus

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


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())


def next_statuses(current: str) -> list[MeetingStatus]:
    """The statuses a meeting may move to from `current`, in the order of the choices."""
    return [status for status in MeetingStatus if may_follow(current, status)]
