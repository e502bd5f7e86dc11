"""The agenda's panel on the dashboard: status per portfolio, overdue, stale, latest updates."""

from __future__ import annotations

from django.http import HttpRequest

from samenspel.agenda import selectors
from samenspel.agenda.charts import portfolio_status_bars, status_per_portfolio_chart
from samenspel.agenda.models import ProgressUpdate
from samenspel.organisations.models import Portfolio


def agenda_panel(request: HttpRequest) -> dict:
    agenda = selectors.current_agenda(request.association)
    if agenda is None:
        return {"agenda": None}
    agreements = list(
        selectors.agreements_with_progress(agenda.agreements.select_related("portfolio"))
    )
    portfolios = Portfolio.objects.filter(association=request.association).order_by("order")
    rows = portfolio_status_bars(portfolios, agreements)
    stale = [a for a in agreements if a.is_stale]
    # One query for the list and its count: one agenda's overdue milestones are few.
    overdue = list(
        selectors.overdue_milestones()
        .filter(agreement__agenda=agenda)
        .select_related("agreement__portfolio")
        .order_by("end")
    )
    return {
        "agenda": agenda,
        "rows": rows,
        "chart": status_per_portfolio_chart(rows),
        "totals": selectors.status_counts(agreements),
        "overdue": overdue[:10],
        "overdue_count": len(overdue),
        "stale": sorted(stale, key=lambda a: (a.last_update is not None, a.last_update))[:10],
        "stale_count": len(stale),
        "updates": ProgressUpdate.objects.standing()
        .filter(agreement__agenda=agenda)
        .select_related("agreement", "author")[:8],
        "progress": selectors.agenda_year_progress(agenda),
        "today": selectors.today(),
    }
