"""Who is invited to a meeting: the body's seats on the meeting date and the rules of annex 1.

- Everyone holding a seat in the body on the meeting date, except the seats of a
  government that has no membership (member, partner, observer) of the body's
  association on that date.
- The province: its invited seats (a member of Gedeputeerde Staten at the board and
  every PHO, provincial officials at every officials' meeting) are always invited.
- Seats marked "only when relevant" (`Post.when_relevant`) are invited only when an
  agenda item is marked relevant for the water boards; a water board seat moreover only
  at the board (a dike-reeve) and at the PHO and officials' meeting of Energie, Klimaat
  en Milieu and Ruimte en Wonen.
The bureau adds guests and removes invitees, each with a reason (`services.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from samenspel.meetings.constants import InvitationSource
from samenspel.meetings.models import Meeting
from samenspel.organisations.constants import GOVERNMENT_KINDS, BodyKind, OrganisationKind, Role
from samenspel.organisations.governance import WATER_BOARD_PORTFOLIOS
from samenspel.organisations.models import Body, Person, Post
from samenspel.organisations.selectors import body_posts_on, taking_part_ids


@dataclass(frozen=True)
class Expected:
    person: Person
    post: Post
    source: str
    reason: str


def water_boards_may_join(body: Body) -> bool:
    """Annex 1: a dike-reeve at the board; the water boards at EKM and R&W meetings."""
    if body.kind == BodyKind.GENERAL_BOARD:
        return True
    if body.kind in (BodyKind.PORTFOLIO_MEETING, BodyKind.OFFICIALS_MEETING):
        return body.portfolio is not None and body.portfolio.slug in WATER_BOARD_PORTFOLIOS
    return False


def _source(post: Post, body: Body, relevant_titles: list[str]) -> tuple[str, str] | None:
    """(source, reason) for the holders of `post`, or None when they are not invited."""
    organisation_kind = post.organisation.kind if post.organisation else ""
    if post.when_relevant:
        if not relevant_titles:
            return None
        if organisation_kind == OrganisationKind.WATER_BOARD and not water_boards_may_join(body):
            return None
        reason = _("Agenda: %(titles)s") % {"titles": "; ".join(relevant_titles)}
        return InvitationSource.WATER_BOARD, reason
    if organisation_kind == OrganisationKind.PROVINCE and post.role == Role.INVITED_GUEST:
        return InvitationSource.PROVINCE, post.label
    return InvitationSource.MEMBER, post.get_role_display()


def expected_invitations(meeting: Meeting) -> dict[int, Expected]:
    """Person id → why they are invited, by the rules; the first seat found wins."""
    relevant = [item.title for item in meeting.items.all() if item.water_boards_relevant]
    taking_part = taking_part_ids(meeting.body.association, on=meeting.date)
    expected: dict[int, Expected] = {}
    for post in body_posts_on(body=meeting.body, date=meeting.date):
        organisation = post.organisation
        if (
            organisation is not None
            and organisation.kind in GOVERNMENT_KINDS
            and organisation.pk not in taking_part
        ):
            continue  # a government that is not (or no longer) in the association then
        source = _source(post, meeting.body, relevant)
        if source is None:
            continue
        for membership in post.holders:
            expected.setdefault(
                membership.person_id,
                Expected(membership.person, post, source[0], source[1]),
            )
    return expected
