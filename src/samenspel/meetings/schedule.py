"""The year's meeting schedule (vergaderplanning), generated from the bodies' cycles.

A cycle of n meetings a year spreads them evenly over the year on the cycle's weekday,
skipping Dutch public holidays and the school summer holiday window (both configurable:
`SAMENSPEL_SCHEDULE_HOLIDAYS`, `SAMENSPEL_SUMMER_HOLIDAY`). A preparing body (core
group, officials' meeting, core group plus) meets `days_before` each meeting of the body
it prepares, and the meetings are linked. The bureau edits the result by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from samenspel.accounts.models import User
from samenspel.meetings.models import Meeting, MeetingCycle
from samenspel.meetings.services import meeting_create
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Association, Body

# Spread over the working year: from mid January to mid December.
FIRST_DAY = (1, 15)
LAST_DAY = (12, 12)


@dataclass(frozen=True)
class ClosedDays:
    """Days without meetings: public holidays and the summer holiday window."""

    holidays: frozenset[dt.date]
    summer: tuple[dt.date, dt.date] | None

    @classmethod
    def for_year(cls, year: int) -> ClosedDays:
        days: frozenset[dt.date] = frozenset()
        if settings.SAMENSPEL_SCHEDULE_HOLIDAYS:
            days = frozenset(holidays.Netherlands(years=[year - 1, year, year + 1]))
        return cls(holidays=days, summer=_summer(year, settings.SAMENSPEL_SUMMER_HOLIDAY))

    def is_closed(self, day: dt.date) -> bool:
        if day.weekday() >= 5 or day in self.holidays:
            return True
        if self.summer and day.year == self.summer[0].year:
            return self.summer[0] <= day <= self.summer[1]
        return False


def _summer(year: int, window: str) -> tuple[dt.date, dt.date] | None:
    """'07-13/08-25' → (13 July, 25 August) of `year`; empty: no summer window."""
    if not window.strip():
        return None
    start, end = (part.strip() for part in window.split("/"))
    return (
        dt.date.fromisoformat(f"{year}-{start}"),
        dt.date.fromisoformat(f"{year}-{end}"),
    )


def open_day_before(target: dt.date, closed: ClosedDays) -> dt.date:
    day = target
    while closed.is_closed(day):
        day -= dt.timedelta(1)
    return day


def cycle_days(
    *, per_year: int, weekday: int, year: int, closed: ClosedDays, month: int | None = None
) -> list[dt.date]:
    """`per_year` open days on `weekday`, spread evenly over the working year's open ones
    (or over one month, for an annual meeting with a month)."""
    first, last = dt.date(year, *FIRST_DAY), dt.date(year, *LAST_DAY)
    if month:
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(1)
    candidates = [
        first + dt.timedelta(offset)
        for offset in range((last - first).days + 1)
        if (first + dt.timedelta(offset)).weekday() == weekday
        and not closed.is_closed(first + dt.timedelta(offset))
    ]
    if per_year >= len(candidates):
        return candidates
    step = len(candidates) / per_year
    return [candidates[int(step * index + step / 2)] for index in range(per_year)]


def prepared_body(body: Body) -> Body | None:
    """The body this one prepares; an officials' meeting prepares its portfolio's PHO (of
    the same association, as the portfolio is)."""
    if body.prepares_id:
        return body.prepares
    if body.kind == BodyKind.OFFICIALS_MEETING and body.portfolio_id:
        return Body.objects.filter(
            association_id=body.association_id,
            kind=BodyKind.PORTFOLIO_MEETING,
            portfolio_id=body.portfolio_id,
        ).first()
    return None


def _at(day: dt.date, cycle: MeetingCycle) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime.combine(day, cycle.start_time))
    return start, start + dt.timedelta(minutes=cycle.duration_minutes)


def _regular_meetings(body: Body, year: int) -> list[Meeting]:
    """The body's ordinary meetings of the year (not its congress or general meeting)."""
    return list(
        Meeting.objects.taking_place()
        .filter(body=body, starts_at__year=year)
        .filter(Q(cycle__isnull=True) | Q(cycle__title=""))
        .order_by("starts_at")
    )


def _order(cycles: list[MeetingCycle]) -> list[MeetingCycle]:
    """Cycles that follow another body after the cycle of that body (core group last)."""

    def depth(cycle: MeetingCycle) -> int:
        steps, body = 0, cycle.body
        while steps < 5 and (body := prepared_body(body)) is not None:
            steps += 1
        return steps if cycle.follows_prepared else 0

    return sorted(cycles, key=lambda c: (depth(c), c.body.name, c.title))


def _create(
    cycle: MeetingCycle, day: dt.date, user: User | None, is_demo: bool, prepares=None
) -> Meeting:
    start, end = _at(day, cycle)
    return meeting_create(
        body=cycle.body,
        starts_at=start,
        ends_at=end,
        place=cycle.place,
        title=cycle.title,
        cycle=cycle,
        prepares=prepares,
        user=user,
        is_demo=is_demo,
    )


def _generate_cycle(
    cycle: MeetingCycle, year: int, closed: ClosedDays, user: User | None, is_demo: bool
) -> list[Meeting]:
    target = prepared_body(cycle.body) if cycle.follows_prepared else None
    if target is not None:
        created = []
        for prepared in _regular_meetings(target, year):
            day = open_day_before(prepared.date - dt.timedelta(cycle.days_before), closed)
            created.append(_create(cycle, day, user, is_demo, prepares=prepared))
        return created
    days = cycle_days(
        per_year=cycle.per_year,
        weekday=cycle.weekday,
        year=year,
        closed=closed,
        month=cycle.month,
    )
    return [_create(cycle, day, user, is_demo) for day in days]


@transaction.atomic
def schedule_generate(
    *,
    association: Association | None = None,
    year: int,
    user: User | None = None,
    bodies: list[Body] | None = None,
    is_demo: bool = False,
) -> list[Meeting]:
    """Create the year's meetings of the association's bodies from their cycles; a body
    that already has meetings that year from its cycle is left alone, so running it twice
    changes nothing.

    `association` is required, except for the demo (`is_demo`, meetings/demo.py does not
    pass it yet): there None means the demo bodies' cycles of every association."""
    if association is None and not is_demo:
        raise TypeError("schedule_generate() needs association= (only the demo may omit it)")
    closed = ClosedDays.for_year(year)
    cycles = MeetingCycle.objects.select_related("body__prepares", "body__portfolio")
    if association is not None:
        cycles = cycles.filter(body__association=association)
    if bodies is not None:
        cycles = cycles.filter(body__in=bodies)
    created: list[Meeting] = []
    for cycle in _order(list(cycles)):
        if Meeting.objects.filter(cycle=cycle, starts_at__year=year).exists():
            continue
        created.extend(_generate_cycle(cycle, year, closed, user, is_demo))
    return created
