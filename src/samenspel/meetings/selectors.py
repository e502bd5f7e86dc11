"""Reads of meetings: schedules, decision and action lists, what a person is invited to.

The reports app builds on `meetings_between`, `decisions_between` and `open_actions_on`;
keep their signatures stable.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from samenspel.meetings.constants import NOT_PUBLIC_BODY_KINDS, MinutesStatus, OutcomeKind
from samenspel.meetings.models import Action, AgendaItem, Invitation, Meeting, Outcome


def _day_start(date: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(date, dt.time.min))


def meetings_between(
    *, start: dt.date, end: dt.date, portfolio: Any = None, body: Any = None
) -> QuerySet[Meeting]:
    """Held or planned meetings from `start` to `end` (both included), by date; no cancelled."""
    meetings = (
        Meeting.objects.taking_place()
        .filter(starts_at__gte=_day_start(start), starts_at__lt=_day_start(end + dt.timedelta(1)))
        .select_related("body__portfolio")
        .order_by("starts_at", "pk")
    )
    if portfolio is not None:
        meetings = meetings.filter(body__portfolio=portfolio)
    if body is not None:
        meetings = meetings.filter(body=body)
    return meetings


def decisions_between(
    *, start: dt.date, end: dt.date, portfolio: Any = None, body: Any = None
) -> QuerySet[Outcome]:
    """Numbered decisions of meetings from `start` to `end`, with item, meeting and body.

    `outcome.reference` is the number ("PHO G&W 2024-07"), `outcome.item.title` the title,
    `outcome.item.meeting` the meeting and `outcome.body` the body.
    """
    decisions = (
        Outcome.objects.filter(kind=OutcomeKind.DECISION)
        .filter(
            item__meeting__starts_at__gte=_day_start(start),
            item__meeting__starts_at__lt=_day_start(end + dt.timedelta(1)),
        )
        .select_related("item__meeting__body__portfolio", "body__portfolio", "item__proposal")
        .order_by("item__meeting__starts_at", "body__name", "number")
    )
    if portfolio is not None:
        decisions = decisions.filter(body__portfolio=portfolio)
    if body is not None:
        decisions = decisions.filter(body=body)
    return decisions


def open_actions_on(
    *, date: dt.date, portfolio: Any = None, person: Any = None, body: Any = None
) -> QuerySet[Action]:
    """Actions made on or before `date` and not closed on or before it."""
    actions = (
        Action.objects.open_on(date)
        .select_related("body__portfolio", "meeting", "owner__organisation")
        .order_by("due_on", "created_on", "pk")
    )
    if portfolio is not None:
        actions = actions.filter(body__portfolio=portfolio)
    if person is not None:
        actions = actions.filter(owner=person)
    if body is not None:
        actions = actions.filter(body=body)
    return actions


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


def meetings_of_person(*, person: Any) -> QuerySet[Meeting]:
    """Meetings the person is invited to (and not removed from), cancelled ones included."""
    return (
        Meeting.objects.filter(invitations__person=person, invitations__removed=False)
        .select_related("body__portfolio")
        .order_by("starts_at", "pk")
        .distinct()
    )


def meeting_list(
    *, year: int | None = None, body: Any = None, portfolio: Any = None
) -> QuerySet[Meeting]:
    meetings = (
        Meeting.objects.select_related("body__portfolio")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("starts_at", "pk")
    )
    if year:
        meetings = meetings.filter(
            starts_at__gte=_day_start(dt.date(year, 1, 1)),
            starts_at__lt=_day_start(dt.date(year + 1, 1, 1)),
        )
    if body is not None:
        meetings = meetings.filter(body=body)
    if portfolio is not None:
        meetings = meetings.filter(body__portfolio=portfolio)
    return meetings


def public_decisions(*, year: int, body: Any = None) -> QuerySet[Outcome]:
    """Decisions for the public page: approved minutes only, never a confidential item."""
    return (
        decisions_between(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), body=body)
        .filter(
            item__is_confidential=False,
            item__meeting__minutes__status=MinutesStatus.APPROVED,
        )
        .exclude(item__meeting__body__kind__in=NOT_PUBLIC_BODY_KINDS)
    )


def upcoming_for_person(*, person: Any, today: dt.date) -> QuerySet[Meeting]:
    return meetings_of_person(person=person).filter(starts_at__gte=_day_start(today))
