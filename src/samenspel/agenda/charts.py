"""The agenda's charts: status per portfolio, as SVG with a data table beside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.safestring import SafeString

from samenspel.agenda.constants import STATUS_COLOURS, STATUS_ORDER
from samenspel.web.charts import Bar, Segment, progress_bar, stacked_bar_chart


def _segments(agreements) -> list[Segment]:
    counter = Counter(a.current_status for a in agreements)
    return [Segment(str(s.label), counter.get(s.value, 0), STATUS_COLOURS[s]) for s in STATUS_ORDER]


def status_bar(agreements, *, label: str) -> SafeString:
    segments = _segments(agreements)
    summary = ", ".join(f"{s.label}: {s.value:g}" for s in segments if s.value)
    return progress_bar(segments=segments, label=f"{label}: {summary}")


@dataclass(frozen=True)
class PortfolioRow:
    portfolio: object
    bar: SafeString
    counts: list[Segment]
    total: int
    overdue: int


def portfolio_status_bars(portfolios, agreements) -> list[PortfolioRow]:
    """One row per portfolio (main or shared), with its status bar and counts."""
    rows = []
    for portfolio in portfolios:
        mine = [a for a in agreements if a.portfolio_id == portfolio.pk]
        rows.append(
            PortfolioRow(
                portfolio=portfolio,
                bar=status_bar(mine, label=portfolio.name),
                counts=_segments(mine),
                total=len(mine),
                overdue=sum(1 for a in mine if a.is_overdue),
            )
        )
    return rows


def status_per_portfolio_chart(rows: list[PortfolioRow], *, chart_id: str = "status-chart"):
    bars = [Bar(row.portfolio.abbreviation, row.counts) for row in rows]
    description = "; ".join(
        f"{row.portfolio.name}: "
        + ", ".join(f"{s.label} {s.value:g}" for s in row.counts if s.value)
        for row in rows
    )
    return stacked_bar_chart(
        chart_id=chart_id,
        title="Status van de afspraken per portefeuille",
        description=description,
        bars=bars,
    )
