"""The agenda as of a date: each agreement's status, its milestones and its updates.

Everything is read through `snapshots.snapshot`, so edits made after the date (a
corrected or withdrawn update) do not change the figures, and only what is dated on or
before the date counts: updates with `date <= as_of` that were not withdrawn by then,
milestones reached on or before it. The rules match the live pages
(`agenda.selectors`): the status is the latest update's (or 'not started'), a milestone
is missed when its latest date has passed unreached, an agreement is overdue when one of
its milestones is missed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from samenspel.agenda.constants import STATUS_ORDER, Status
from samenspel.agenda.models import Agenda, Agreement, Milestone, ProgressUpdate
from samenspel.agenda.selectors import FINISHED, StatusCount
from samenspel.reports.snapshots import agenda_loaded_before, snapshot


@dataclass
class MilestoneState:
    row: Any  # the historical Milestone row
    as_of: dt.date

    @property
    def title(self) -> str:
        return str(self.row.title)

    @property
    def when_text(self) -> str:
        return self.row.when_text or (self.row.end.isoformat() if self.row.end else "")

    @property
    def end(self) -> dt.date | None:
        return self.row.end

    @property
    def reached_on(self) -> dt.date | None:
        reached = self.row.reached_on
        return reached if reached is not None and reached <= self.as_of else None

    @property
    def is_missed(self) -> bool:
        return self.end is not None and self.end < self.as_of and self.reached_on is None

    def reached_between(self, start: dt.date, end: dt.date) -> bool:
        return self.reached_on is not None and start < self.reached_on <= end

    def missed_between(self, start: dt.date, end: dt.date) -> bool:
        """Its deadline passed in (start, end] without it being reached by `end`."""
        return self.is_missed and start <= self.end < end


@dataclass
class AgreementState:
    row: Any  # the historical Agreement row
    updates: list[Any]  # historical ProgressUpdate rows dated <= as_of, newest first
    milestones: list[MilestoneState] = field(default_factory=list)
    shared_with: set[int] = field(default_factory=set)  # other portfolios, as of the date

    @property
    def pk(self) -> int:
        return self.row.id

    @property
    def title(self) -> str:
        return str(self.row.title)

    @property
    def portfolio_id(self) -> int | None:
        return self.row.portfolio_id

    @property
    def theme_id(self) -> int:
        return self.row.theme_id

    @property
    def status(self) -> str:
        return self.updates[0].status if self.updates else Status.NOT_STARTED

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def last_update(self) -> Any | None:
        return self.updates[0] if self.updates else None

    @property
    def is_overdue(self) -> bool:
        return any(m.is_missed for m in self.milestones)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    def status_on(self, date: dt.date) -> str:
        earlier = [u for u in self.updates if u.date <= date]
        return earlier[0].status if earlier else Status.NOT_STARTED

    def updates_between(self, start: dt.date, end: dt.date) -> list[Any]:
        return [u for u in self.updates if start < u.date <= end]


@dataclass
class AgendaState:
    agenda: Agenda
    as_of: dt.date
    agreements: list[AgreementState]

    def in_portfolio(self, portfolio_id: int | None) -> list[AgreementState]:
        """The agreements `portfolio_id` leads or shares, the rule of the live pages
        (`agenda.selectors.in_portfolio`); None: those of no portfolio at all."""
        if portfolio_id is None:
            return [a for a in self.agreements if a.portfolio_id is None and not a.shared_with]
        return [
            a
            for a in self.agreements
            if a.portfolio_id == portfolio_id or portfolio_id in a.shared_with
        ]

    def in_theme(self, theme_id: int) -> list[AgreementState]:
        return [a for a in self.agreements if a.theme_id == theme_id]


def status_counts(agreements: list[AgreementState]) -> list[StatusCount]:
    counter = Counter(a.status for a in agreements)
    return [StatusCount(s.value, str(s.label), counter.get(s.value, 0)) for s in STATUS_ORDER]


def _latest_first(update: Any) -> tuple:
    # The live pages order updates by (-date, -created_at, -pk).
    return (update.date, update.created_at, update.id)


def agenda_on(*, agenda: Agenda, as_of: dt.date) -> AgendaState:
    """Every agreement of `agenda` as it stood at the end of `as_of` (four queries)."""
    loaded = agenda_loaded_before(agenda)
    agreements = snapshot(Agreement, as_of=as_of, loaded_before=loaded, agenda_id=agenda.pk)
    milestones = snapshot(
        Milestone, as_of=as_of, loaded_before=loaded, agreement_id__in=list(agreements)
    )
    updates = snapshot(ProgressUpdate, as_of=as_of, agreement_id__in=list(agreements))
    by_agreement: dict[int, list[Any]] = {}
    for update in sorted(updates.values(), key=_latest_first, reverse=True):
        # Withdrawn by the end of the date: it no longer counted then.
        if update.date <= as_of and update.withdrawn_at is None:
            by_agreement.setdefault(update.agreement_id, []).append(update)
    states = {
        pk: AgreementState(row, by_agreement.get(pk, []))
        for pk, row in sorted(agreements.items(), key=lambda item: (item[1].order, item[0]))
    }
    for row in sorted(milestones.values(), key=lambda m: (m.order, m.id)):
        if row.agreement_id in states:
            states[row.agreement_id].milestones.append(MilestoneState(row, as_of))
    # The shared portfolios as recorded with each agreement's row of that date.
    links = Agreement.history.model._meta.get_field(
        "historicalagreement_other_portfolios"
    ).related_model
    by_history = {row.history_id: row.id for row in agreements.values()}
    for history_id, portfolio_id in links.objects.filter(
        history_id__in=list(by_history)
    ).values_list("history_id", "portfolio_id"):
        states[by_history[history_id]].shared_with.add(portfolio_id)
    return AgendaState(agenda, as_of, list(states.values()))


@dataclass(frozen=True)
class Changes:
    """What changed in a portfolio between two dates (a quarter)."""

    moved: list[tuple[AgreementState, str, str]]  # agreement, status before, status after
    reached: list[tuple[AgreementState, MilestoneState]]
    missed: list[tuple[AgreementState, MilestoneState]]
    newly_overdue: list[AgreementState]


def changes_between(agreements: list[AgreementState], *, start: dt.date) -> Changes:
    """Changes in (start, as_of] of states computed as of the later date."""
    moved, reached, missed, newly_overdue = [], [], [], []
    for agreement in agreements:
        before = agreement.status_on(start)
        if before != agreement.status:
            moved.append((agreement, before, agreement.status))
        for milestone in agreement.milestones:
            if milestone.reached_between(start, milestone.as_of):
                reached.append((agreement, milestone))
            if milestone.missed_between(start, milestone.as_of):
                missed.append((agreement, milestone))
        overdue_before = any(
            m.end is not None and m.end < start and not (m.reached_on and m.reached_on <= start)
            for m in agreement.milestones
        )
        if agreement.is_overdue and not overdue_before:
            newly_overdue.append(agreement)
    return Changes(moved, reached, missed, newly_overdue)
