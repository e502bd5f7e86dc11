"""What the site search finds in the meetings: meetings, and the titles of meeting documents
the user may read.

Every signed-in user with a role reads the meetings of the association (the list and its
pages). A document is found only when `accounts.meeting_permissions.can_read_document` would let
the user download it: `readable_documents` asks the same questions for all candidates at
once (three queries whatever their number), and a test holds it to the predicate.
On PostgreSQL the match is Dutch full-text search (`core.fulltext`), best match first, on
the meeting's and the document's title (indexed, migration 0003) and the body's names.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import is_bureau, is_signed_in, roles_of
from samenspel.core.fulltext import by_rank, text_filter
from samenspel.meetings import selectors
from samenspel.meetings.models import AgendaDocument, Invitation, Meeting
from samenspel.organisations.models import Membership
from samenspel.web.search import Hit

# Own columns are indexed on PostgreSQL (migration 0003): change both at once.
MEETING_FIELDS = ("title",)
MEETING_BODY = {"body": ("name", "short_name")}
DOCUMENT_FIELDS = ("title",)


def meetings_matching(qs: QuerySet[Meeting], terms: list[str]) -> QuerySet[Meeting]:
    """The one match of meetings: every term in the title or the body's name or short name."""
    return text_filter(qs, terms, MEETING_FIELDS, MEETING_BODY)


def documents_matching(qs: QuerySet[AgendaDocument], terms: list[str]) -> QuerySet:
    """The one match of documents: their titles."""
    return text_filter(qs, terms, DOCUMENT_FIELDS)


def meetings_found(request: HttpRequest, terms: list[str]) -> QuerySet[Meeting]:
    qs = selectors.meetings_of(association=request.association)  # type: ignore[attr-defined]
    found = meetings_matching(qs.select_related("body"), terms)
    return by_rank(found, terms, MEETING_FIELDS, "-starts_at", "-pk")


def meeting_hit(meeting: Meeting) -> Hit:
    when = date_format(timezone.localtime(meeting.starts_at), "j F Y, H:i")
    context = " · ".join([when, meeting.body.name, meeting.get_status_display()])
    return Hit(meeting.display_title, meeting.get_absolute_url(), _("Vergadering"), context)


def _is_confidential(document: AgendaDocument) -> bool:
    return document.is_confidential or document.item.is_confidential


def readable_documents(user: Any, documents: list[AgendaDocument]) -> list[AgendaDocument]:
    """Those of `documents` (with item, its meeting and body read) that `user` may read:
    `can_read_document` for a list. Open ones for everyone signed in; confidential ones
    for the bureau, who manages the item's body, and, for an item on a meeting, its
    invitees (not removed) and who holds a seat in the meeting's body on its date."""
    if not is_signed_in(user):
        return []
    confidential = [d for d in documents if _is_confidential(d)]
    if not confidential or is_bureau(user):
        return documents
    roles = roles_of(user)
    managed = roles.chair_of | roles.core_group_of
    meetings = {d.item.meeting.pk: d.item.meeting for d in confidential if d.item.meeting}
    person_id = getattr(user, "person_id", None)
    invited: set[int] = set()
    seats: list[tuple[int, Any, Any]] = []
    if person_id is not None and meetings:
        invited = set(
            Invitation.objects.filter(
                person_id=person_id, removed=False, meeting_id__in=meetings
            ).values_list("meeting_id", flat=True)
        )
        seats = list(
            Membership.objects.filter(
                person_id=person_id, post__body_id__in={m.body_id for m in meetings.values()}
            ).values_list("post__body_id", "start_date", "end_date")
        )

    def seated(meeting: Meeting) -> bool:
        on = meeting.date
        return any(
            body == meeting.body_id and start <= on and (end is None or end >= on)
            for body, start, end in seats
        )

    def may_read(document: AgendaDocument) -> bool:
        item, meeting = document.item, document.item.meeting
        if not _is_confidential(document):
            return True
        if meeting is not None and (meeting.pk in invited or seated(meeting)):
            return True
        return item.body.portfolio_id is not None and item.body.portfolio_id in managed

    return [d for d in documents if may_read(d)]


def documents_found(request: HttpRequest, terms: list[str]) -> list[Hit]:
    qs = selectors.documents_of(association=request.association)  # type: ignore[attr-defined]
    qs = qs.select_related("item__meeting__body", "item__body")
    found = documents_matching(qs, terms)
    candidates = list(by_rank(found, terms, DOCUMENT_FIELDS, "-item__meeting__starts_at", "pk"))
    return [_document_hit(d) for d in readable_documents(request.user, candidates)]


def _document_hit(document: AgendaDocument) -> Hit:
    item, meeting = document.item, document.item.meeting
    if meeting is not None:
        url = f"{meeting.get_absolute_url()}#punt-{item.pk}"
        where = str(meeting)
    else:  # a parked item: its body's backlog
        url, where = (
            item.body.get_absolute_url(),
            _("%(body)s, nog niet geagendeerd") % {"body": item.body.name},
        )
    parts = [where, item.title]
    if _is_confidential(document):
        parts.append(_("vertrouwelijk"))
    return Hit(document.title, url, _("Vergaderstuk"), " · ".join(parts))
