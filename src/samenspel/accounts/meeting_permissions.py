"""Who may do what with meetings: their bodies' agendas, minutes, documents and outcomes.

Apart from `permissions.py` (the roles and the other predicates) to keep both readable;
the same rules hold: one predicate per role and object, used by views, commands and the
search alike.
"""

from __future__ import annotations

from typing import Any

from samenspel.accounts.permissions import (
    can_manage_proposal,
    is_bureau,
    is_signed_in,
    roles_of,
)


def can_manage_meetings(user: Any, body: Any = None) -> bool:
    """Meetings of a body (agenda, invitees, outcomes, minutes): the bureau, and the chair
    and core group of the body's portfolio. Schedules and cycles are the bureau's."""
    if is_bureau(user):
        return True
    if not is_signed_in(user) or body is None or body.portfolio_id is None:
        return False
    roles = roles_of(user)
    return body.portfolio_id in roles.chair_of or body.portfolio_id in roles.core_group_of


def can_read_confidential(user: Any, meeting: Any) -> bool:
    """Confidential meeting documents: the bureau, the meeting's invitees (not removed) and
    the people holding a seat in the body on the meeting date; never other roles."""
    if is_bureau(user):
        return True
    person_id = getattr(user, "person_id", None) if is_signed_in(user) else None
    if person_id is None:
        return False
    if meeting.invitations.filter(person_id=person_id, removed=False).exists():
        return True
    return user.person.memberships.active_on(meeting.date).filter(post__body=meeting.body).exists()


def can_take_minutes(user: Any, meeting: Any) -> bool:
    """Draft minutes and mark them ready: who manages the body's meetings, and the
    minute-taker (named on the minutes, or holding the body's minute-taker seat)."""
    if can_manage_meetings(user, meeting.body):
        return True
    person_id = getattr(user, "person_id", None) if is_signed_in(user) else None
    if person_id is None:
        return False
    minutes = getattr(meeting, "minutes", None)
    if minutes is not None and minutes.minute_taker_id == person_id:
        return True
    seats = user.person.memberships.active_on(meeting.date)
    return seats.filter(post__body=meeting.body, post__role="minute_taker").exists()


def can_plan_meetings(user: Any) -> bool:
    """Plan a meeting for some body: the bureau, and portfolio chairs and core groups (for
    the bodies of their portfolio, see `can_manage_meetings`)."""
    if is_bureau(user):
        return True
    roles = roles_of(user)
    return is_signed_in(user) and bool(roles.chair_of or roles.core_group_of)


def can_generate_schedule(user: Any) -> bool:
    """The year's schedule made from the meeting cycles, and the cycles: the bureau's."""
    return is_bureau(user)


def can_read_document(user: Any, document: Any) -> bool:
    """A meeting document (every version): everyone signed in; a confidential one, or one
    of a confidential agenda item, only who may read the meeting's confidential documents
    (`can_read_confidential`) or manages the body's meetings."""
    if not is_signed_in(user):
        return False
    item = document.item
    if not (document.is_confidential or item.is_confidential):
        return True
    if item.meeting is not None and can_read_confidential(user, item.meeting):
        return True
    return can_manage_meetings(user, item.body)


def can_record_outcome(user: Any, target: dict[str, Any]) -> bool:
    """An agenda item's outcome (`{"item": …, "on_proposal": …}`): who manages the body's
    meetings; the PHO's decision on the item's proposal (`on_proposal`) only who also
    manages that proposal (`can_manage_proposal`)."""
    item = target["item"]
    if not can_manage_meetings(user, item.body):
        return False
    return not target.get("on_proposal") or can_manage_proposal(user, item.proposal)
