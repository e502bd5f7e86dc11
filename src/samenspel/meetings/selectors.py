"""Reads of meetings: schedules, decision and action lists, what a person is invited to.

The reports app builds on `meetings_between`, `decisions_between` and `open_actions_on`;
keep their signatures stable.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Count, Model, Q, QuerySet
from django.utils import timezone

from samenspel.accounts.meeting_permissions import can_manage_meetings
from samenspel.accounts.models import User
from samenspel.meetings.constants import (
    NOT_PUBLIC_BODY_KINDS,
    ActionStatus,
    Attendance,
    MinutesStatus,
    OutcomeKind,
)
from samenspel.meetings.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    CalendarToken,
    DocumentVersion,
    Invitation,
    Meeting,
    MeetingCycle,
    Minutes,
    Outcome,
)
from samenspel.organisations.models import Association, Body, Person

_Row = TypeVar("_Row", bound=Model)


def _day_start(date: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(date, dt.time.min))


def _on_days(field: str, start: dt.date, end: dt.date) -> dict[str, dt.datetime]:
    """Lookups for a moment `field` on the days `start` to `end` (both included)."""
    return {f"{field}__gte": _day_start(start), f"{field}__lt": _day_start(end + dt.timedelta(1))}


# --- what an association owns: every lookup of a view starts here -------------------------


def bodies_of(*, association: Association) -> QuerySet[Body]:
    return Body.objects.filter(association=association)


def meetings_of(*, association: Association) -> QuerySet[Meeting]:
    return Meeting.objects.filter(body__association=association)


def items_of(*, association: Association) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(body__association=association)


def actions_of(*, association: Association) -> QuerySet[Action]:
    return Action.objects.filter(body__association=association)


def invitations_of(*, association: Association) -> QuerySet[Invitation]:
    return Invitation.objects.filter(meeting__body__association=association)


def documents_of(*, association: Association) -> QuerySet[AgendaDocument]:
    return AgendaDocument.objects.filter(item__body__association=association)


def document_versions_of(*, association: Association) -> QuerySet[DocumentVersion]:
    return DocumentVersion.objects.filter(document__item__body__association=association)


def minutes_of_association(*, association: Association) -> QuerySet[Minutes]:
    return Minutes.objects.filter(meeting__body__association=association)


def _scoped(
    rows: QuerySet[_Row],
    *,
    association: Association,
    portfolio: Any = None,
    body: Any = None,
    path: str = "body",
) -> QuerySet[_Row]:
    """Rows of the association's bodies, of `portfolio` and/or of `body` (None: no
    further restriction); `path` leads from a row to its body."""
    rows = rows.filter(**{f"{path}__association": association})
    if portfolio is not None:
        rows = rows.filter(body__portfolio=portfolio)
    if body is not None:
        rows = rows.filter(body=body)
    return rows


def meetings_between(
    *,
    association: Association,
    start: dt.date,
    end: dt.date,
    portfolio: Any = None,
    body: Any = None,
) -> QuerySet[Meeting]:
    """Held or planned meetings from `start` to `end` (both included), by date; no cancelled."""
    meetings = (
        Meeting.objects.taking_place()
        .filter(**_on_days("starts_at", start, end))
        .select_related("body__portfolio")
        .order_by("starts_at", "pk")
    )
    return _scoped(meetings, association=association, portfolio=portfolio, body=body)


def decisions_between(
    *,
    association: Association,
    start: dt.date,
    end: dt.date,
    portfolio: Any = None,
    body: Any = None,
) -> QuerySet[Outcome]:
    """Numbered decisions of meetings from `start` to `end`, with item, meeting and body.

    `outcome.reference` is the number ("PHO G&W 2024-07"), `outcome.item.title` the title,
    `outcome.item.meeting` the meeting and `outcome.body` the body.
    """
    decisions = (
        Outcome.objects.filter(kind=OutcomeKind.DECISION)
        .filter(**_on_days("item__meeting__starts_at", start, end))
        .select_related("item__meeting__body__portfolio", "body__portfolio", "item__proposal")
        .order_by("item__meeting__starts_at", "body__name", "number")
    )
    return _scoped(decisions, association=association, portfolio=portfolio, body=body)


def open_actions_on(
    *,
    association: Association,
    date: dt.date,
    portfolio: Any = None,
    person: Any = None,
    body: Any = None,
) -> QuerySet[Action]:
    """Actions made on or before `date` and not closed on or before it."""
    actions = (
        Action.objects.open_on(date)
        .select_related("body__portfolio", "meeting", "owner__organisation")
        .order_by("due_on", "created_on", "pk")
    )
    if person is not None:
        actions = actions.filter(owner=person)
    return _scoped(actions, association=association, portfolio=portfolio, body=body)


def meeting_open_actions(*, meeting: Meeting) -> QuerySet[Action]:
    """The body's actions still open when this meeting starts: carried over until closed.

    Actions made at this meeting itself are not carried to it.
    """
    return (
        Action.objects.filter(body_id=meeting.body_id, created_on__lt=meeting.date)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=meeting.date))
        .exclude(meeting=meeting)
        .select_related("owner__organisation", "meeting")
        .order_by("due_on", "created_on", "pk")
    )


def meeting_items(*, meeting: Meeting) -> list[AgendaItem]:
    """The agenda in order, with lead, agreements, proposal, documents and outcome."""
    return list(
        meeting.items.select_related("lead__organisation", "proposal", "outcome")
        .prefetch_related("agreements", "documents__versions", "actions__owner")
        .order_by("order", "pk")
    )


def meeting_invitations(*, meeting: Meeting) -> list[Invitation]:
    return list(
        meeting.invitations.select_related("person__organisation", "post")
        .order_by("removed", "source", "person__name")
        .all()
    )


def backlog(*, body: Any) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(body=body, meeting__isnull=True)
        .select_related("lead")
        .order_by("order", "pk")
    )


def previous_meeting(*, meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.taking_place()
        .filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .order_by("-starts_at", "-pk")
        .first()
    )


def proposal_agenda_items(*, association: Association, proposal: Any) -> QuerySet[AgendaItem]:
    """The meetings' agenda items about a proposal (not the backlog), by meeting date."""
    return (
        items_of(association=association)
        .filter(proposal=proposal, meeting__isnull=False)
        .select_related("meeting__body", "outcome")
        .order_by("meeting__starts_at")
    )


def meetings_of_person(*, association: Association, person: Any) -> QuerySet[Meeting]:
    """The association's meetings the person is invited to (and not removed from),
    cancelled ones included."""
    return (
        meetings_of(association=association)
        .filter(invitations__person=person, invitations__removed=False)
        .select_related("body__portfolio")
        .order_by("starts_at", "pk")
        .distinct()
    )


def meeting_list(
    *,
    association: Association,
    year: int | None = None,
    body: Any = None,
    portfolio: Any = None,
) -> QuerySet[Meeting]:
    meetings = (
        Meeting.objects.select_related("body__portfolio")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("starts_at", "pk")
    )
    if year:
        meetings = meetings.filter(
            **_on_days("starts_at", dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
    return _scoped(meetings, association=association, portfolio=portfolio, body=body)


def public_decisions(*, association: Association, year: int, body: Any = None) -> QuerySet[Outcome]:
    """Decisions for the public page: approved minutes only, never a confidential item."""
    return (
        decisions_between(
            association=association,
            start=dt.date(year, 1, 1),
            end=dt.date(year, 12, 31),
            body=body,
        )
        .filter(
            item__is_confidential=False,
            item__meeting__minutes__status=MinutesStatus.APPROVED,
        )
        .exclude(item__meeting__body__kind__in=NOT_PUBLIC_BODY_KINDS)
    )


def upcoming_for_person(
    *, association: Association, person: Any, today: dt.date
) -> QuerySet[Meeting]:
    return meetings_of_person(association=association, person=person).filter(
        starts_at__gte=_day_start(today)
    )


# --- for the pages --------------------------------------------------------------------


def upcoming_and_past(
    meetings: QuerySet[Meeting], *, on: dt.date
) -> tuple[QuerySet[Meeting], QuerySet[Meeting]]:
    """The meetings from `on` onwards (soonest first) and those before it (latest first)."""
    start = _day_start(on)
    upcoming = meetings.filter(starts_at__gte=start)
    return upcoming, meetings.filter(starts_at__lt=start).order_by("-starts_at", "-pk")


def minutes_of(*, meeting: Meeting) -> Minutes | None:
    # The meeting page names the minute taker and the meeting that approved them.
    return (
        Minutes.objects.filter(meeting=meeting)
        .select_related("minute_taker", "approved_at__body")
        .first()
    )


def attendance_counts(invitations: Iterable[Invitation]) -> list[tuple[str, int]]:
    """(label, number) per recorded attendance of the invitees not removed, in the order
    of the choices; attendances nobody has are left out."""
    counts = Counter(i.attendance for i in invitations if not i.removed)
    return [(str(label), counts[value]) for value, label in Attendance.choices if counts[value]]


def agenda_minutes(items: Iterable[AgendaItem]) -> int:
    """How long the agenda takes, in minutes."""
    return sum(item.duration_minutes for item in items)


def bodies_for_planning(*, association: Association, user: User | None) -> QuerySet[Body]:
    """The association's bodies whose meetings `user` may plan (`can_manage_meetings`)."""
    bodies = bodies_of(association=association).select_related("portfolio").order_by("name")
    return bodies.filter(pk__in=[b.pk for b in bodies if can_manage_meetings(user, b)])


def action_list(
    *,
    association: Association,
    year: int,
    only_open: bool = False,
    body: Any = None,
    portfolio: Any = None,
) -> QuerySet[Action]:
    """The action list: every open action (`only_open`), or the actions agreed in `year`."""
    actions = Action.objects.select_related("owner__organisation", "body", "meeting").order_by(
        "created_on", "pk"
    )
    if only_open:
        actions = actions.filter(status=ActionStatus.OPEN)
    else:
        actions = actions.filter(created_on__year=year)
    return _scoped(actions, association=association, portfolio=portfolio, body=body)


def schedule_of_year(*, association: Association, year: int) -> QuerySet[Meeting]:
    """The year's schedule: the meetings that take place, with what they prepare."""
    return meetings_between(
        association=association, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
    ).select_related("prepares__body")


def by_month(meetings: Iterable[Meeting]) -> list[tuple[dt.date, list[Meeting]]]:
    """The meetings per month (the first of the month), months in order."""
    months: dict[dt.date, list[Meeting]] = {}
    for meeting in meetings:
        months.setdefault(meeting.date.replace(day=1), []).append(meeting)
    return sorted(months.items())


def meeting_cycles(*, association: Association) -> QuerySet[MeetingCycle]:
    return (
        MeetingCycle.objects.filter(body__association=association)
        .select_related("body")
        .order_by("body__name", "title")
    )


def public_bodies(*, association: Association) -> QuerySet[Body]:
    """The association's bodies with a public feed (no preparatory or internal groups)."""
    return bodies_of(association=association).exclude(kind__in=NOT_PUBLIC_BODY_KINDS)


def public_schedule(
    *, association: Association, year: int | None = None, body: Body | None = None
) -> QuerySet[Meeting]:
    """The meetings the public sees: the public page (one `year`) and a body's public feed
    (one `body`, every year) both read this. Meetings that take place, no preparatory or
    internal groups. Of each, the public sees only its time, its body's name and its status
    (`meetings/public/index.html`, `ical.public_calendar_response`)."""
    meetings = (
        Meeting.objects.taking_place()
        .exclude(body__kind__in=NOT_PUBLIC_BODY_KINDS)
        .select_related("body__portfolio")
        .order_by("starts_at", "pk")
    )
    if year is not None:
        meetings = meetings.filter(
            **_on_days("starts_at", dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
    return _scoped(meetings, association=association, body=body)


def person_of_calendar_token(*, token: str) -> Person | None:
    """Whose feed a calendar token opens; None for a wrong or reset token."""
    calendar_token = CalendarToken.objects.select_related("person").filter(token=token).first()
    return calendar_token.person if calendar_token else None
