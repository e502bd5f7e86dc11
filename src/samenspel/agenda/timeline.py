"""The agenda on a quarter axis: a bar per agreement's planned period, a mark per milestone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"Q{self.number}"


@dataclass
class MilestoneMark:
    column: int
    title: str
    when: str
    state: str  # reached | overdue | upcoming


@dataclass
class TimelineRow:
    agreement: object
    start: int | None
    end: int | None
    starts_earlier: bool = False
    open_ended: bool = False
    marks: list[MilestoneMark] = field(default_factory=list)


@dataclass
class Timeline:
    quarters: list[Quarter]
    rows: list[TimelineRow]
    undated: int
    today_column: int | None


def _index(date: dt.date, first_year: int) -> int:
    return (date.year - first_year) * 4 + (date.month - 1) // 3


def timeline_rows(agenda, agreements, *, today: dt.date) -> Timeline:
    first, last = agenda.period_start.year, agenda.period_end.year
    quarters = [Quarter(y, q) for y in range(first, last + 1) for q in range(1, 5)]
    final = len(quarters) - 1

    def clamp(i: int) -> int:
        return min(max(i, 0), final)

    rows, undated = [], 0
    for agreement in agreements:
        row = TimelineRow(agreement=agreement, start=None, end=None)
        if agreement.period_start or agreement.period_end:
            start = agreement.period_start or agenda.period_start
            row.start = clamp(_index(start, first))
            row.starts_earlier = start < agenda.period_start
            row.open_ended = agreement.period_end is None
            row.end = clamp(_index(agreement.period_end, first)) if agreement.period_end else final
        for milestone in agreement.milestones.all():
            date = milestone.end or milestone.start
            if date is None:
                continue
            if milestone.reached_on:
                state = "reached"
            elif milestone.end and milestone.end < today:
                state = "overdue"
            else:
                state = "upcoming"
            row.marks.append(
                MilestoneMark(
                    clamp(_index(date, first)), milestone.title, milestone.when_text, state
                )
            )
        if row.start is None and not row.marks:
            undated += 1
            continue
        rows.append(row)
    in_period = agenda.period_start <= today <= agenda.period_end
    return Timeline(quarters, rows, undated, _index(today, first) if in_period else None)
