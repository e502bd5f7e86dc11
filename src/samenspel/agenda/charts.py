"""The agenda's charts: status per portfolio, as SVG with a data table beside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.agenda import selectors
from samenspel.agenda.constants import STATUS_COLOURS, STATUS_ORDER
from samenspel.web.charts import Bar, Segment, progress_bar, stacked_bar_chart
from samenspel.web.templatetags.samenspel import format_number

NO_PORTFOLIO = gettext_lazy("Zonder portefeuille")
NO_PORTFOLIO_SHORT = gettext_lazy("Overig")


def _segments(agreements) -> list[Segment]:
    counter = Counter(a.current_status for a in agreements)
    return [Segment(str(s.label), counter.get(s.value, 0), STATUS_COLOURS[s]) for s in STATUS_ORDER]


def status_bar(agreements, *, label: str) -> SafeString:
    segments = _segments(agreements)
    summary = ", ".join(f"{s.label}: {format_number(s.value)}" for s in segments if s.value)
    return progress_bar(segments=segments, label=f"{label}: {summary}")


@dataclass(frozen=True)
class PortfolioRow:
    """A portfolio's agreements by status; `portfolio` None: the agreements of no
    portfolio (association-wide themes, tasks of the board and the bureau)."""

    portfolio: object
    bar: SafeString
    counts: list[Segment]
    total: int
    overdue: int
    shared: int = 0  # of `total`, those another portfolio leads


def portfolio_status_bars(portfolios, agreements) -> list[PortfolioRow]:
    """One row per portfolio with the agreements it leads or shares (the rule of
    `selectors.in_portfolio`), then one for the agreements of no portfolio, if any."""
    portfolios = list(portfolios)
    per_portfolio = selectors.agreements_per_portfolio(list(agreements), portfolios)
    rows = []
    for portfolio in [*portfolios, None]:
        mine = per_portfolio[portfolio.pk if portfolio else None]
        if portfolio is None and not mine:
            continue
        label = portfolio.name if portfolio else str(NO_PORTFOLIO)
        rows.append(
            PortfolioRow(
                portfolio=portfolio,
                bar=status_bar(mine, label=label),
                counts=_segments(mine),
                total=len(mine),
                overdue=sum(1 for a in mine if a.is_overdue),
                shared=sum(1 for a in mine if portfolio and a.portfolio_id != portfolio.pk),
            )
        )
    return rows


def status_per_portfolio_chart(rows: list[PortfolioRow], *, chart_id: str = "status-chart"):
    bars = [
        Bar(row.portfolio.abbreviation if row.portfolio else str(NO_PORTFOLIO_SHORT), row.counts)
        for row in rows
    ]
    description = "; ".join(
        f"{row.portfolio.name if row.portfolio else NO_PORTFOLIO}: "
        + ", ".join(f"{s.label} {format_number(s.value)}" for s in row.counts if s.value)
        for row in rows
    )
    return stacked_bar_chart(
        chart_id=chart_id,
        title=_("Status van de afspraken per portefeuille"),
        description=description,
        bars=bars,
    )
