"""The agenda on a quarter axis, grouped per portfolio: every agreement of the agenda.

An agreement with a planned period is a bar; one without a period but with dated
milestones is shown by its milestones only; one with neither is listed apart (`unplanned`),
so the rows and that list together hold every agreement they were given. A milestone is
reached, missed (its latest date passed unreached) or planned. Positions within a
quarter are in sixths (`part`), for the milestones and the today line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

NO_PORTFOLIO = _("Zonder portefeuille")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"Q{self.number}"


@dataclass(frozen=True)
class Position:
    column: int  # the quarter, from 0
    part: int  # the sixth of the quarter, 0-5


@dataclass
class MilestoneMark:
    at: Position
    title: str
    when: str
    state: str  # reached | missed | planned


@dataclass
class TimelineRow:
    agreement: object
    start: int | None
    end: int | None
    starts_earlier: bool = False
    open_ended: bool = False
    marks: list[MilestoneMark] = field(default_factory=list)


@dataclass
class TimelineGroup:
    portfolio: object  # None: the agreements of no portfolio
    rows: list[TimelineRow]

    @property
    def name(self) -> str:
        return str(self.portfolio or NO_PORTFOLIO)


@dataclass
class Timeline:
    quarters: list[Quarter]
    groups: list[TimelineGroup]
    # Per portfolio, the agreements with neither a period nor a dated milestone.
    unplanned_groups: list[tuple[str, list]]
    today: Position | None  # None: today is outside the agenda's period

    @property
    def rows(self) -> list[TimelineRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def unplanned(self) -> list:
        return [
            agreement for _name, agreements in self.unplanned_groups for agreement in agreements
        ]

    @property
    def total(self) -> int:
        """Every agreement given: on the chart or listed apart."""
        return len(self.rows) + len(self.unplanned)

    @property
    def milestones_only(self) -> int:
        return sum(1 for row in self.rows if row.start is None)


def _position(date: dt.date, first_year: int, final: int) -> Position:
    column = (date.year - first_year) * 4 + (date.month - 1) // 3
    if column < 0:
        return Position(0, 0)
    if column > final:
        return Position(final, 5)
    quarter_start = dt.date(date.year, (date.month - 1) // 3 * 3 + 1, 1)
    part = min((date - quarter_start).days * 6 // 92, 5)
    return Position(column, part)


def _state(milestone, today: dt.date) -> str:
    if milestone.reached_on:
        return "reached"
    if milestone.end and milestone.end < today:
        return "missed"
    return "planned"


def timeline_rows(agenda, agreements, *, today: dt.date, portfolios, portfolio=None) -> Timeline:
    """`agreements` (with `milestones` prefetched and `portfolio` selected) on the agenda's
    quarters, grouped per lead portfolio in the order of `portfolios`; with a `portfolio`
    (the page's filter) all in its group."""
    first, last = agenda.period_start.year, agenda.period_end.year
    quarters = [Quarter(y, q) for y in range(first, last + 1) for q in range(1, 5)]
    final = len(quarters) - 1
    groups = {p.pk: TimelineGroup(p, []) for p in ([portfolio] if portfolio else portfolios)}
    groups[None] = TimelineGroup(None, [])
    unplanned: dict[int | None, list] = {key: [] for key in groups}
    for agreement in agreements:
        row = TimelineRow(agreement=agreement, start=None, end=None)
        if agreement.period_start or agreement.period_end:
            start = agreement.period_start or agenda.period_start
            row.start = _position(start, first, final).column
            row.starts_earlier = start < agenda.period_start
            row.open_ended = agreement.period_end is None
            row.end = (
                _position(agreement.period_end, first, final).column
                if agreement.period_end
                else final
            )
        for milestone in agreement.milestones.all():
            date = milestone.end or milestone.start
            if date is not None:
                row.marks.append(
                    MilestoneMark(
                        _position(date, first, final),
                        milestone.title,
                        milestone.when_text,
                        _state(milestone, today),
                    )
                )
        key = portfolio.pk if portfolio else agreement.portfolio_id
        key = key if key in groups else None
        if row.start is None and not row.marks:
            unplanned[key].append(agreement)
        else:
            groups[key].rows.append(row)
    in_period = agenda.period_start <= today <= agenda.period_end
    return Timeline(
        quarters=quarters,
        groups=[group for group in groups.values() if group.rows],
        unplanned_groups=[(groups[key].name, items) for key, items in unplanned.items() if items],
        today=_position(today, first, final) if in_period else None,
    )
