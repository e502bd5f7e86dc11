"""The public pages: the agenda and its progress for residents and council members.

No sign-in, no internal updates, no names of people: organisations are public, people
are not, and an update marked internal never reaches these pages.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from samenspel.accounts.permissions import public
from samenspel.agenda import selectors
from samenspel.agenda.charts import portfolio_status_bars, status_bar
from samenspel.agenda.constants import ThemeKind
from samenspel.organisations.models import Portfolio


def _portfolios(request: HttpRequest):
    """The portfolios of the request's association."""
    return Portfolio.objects.filter(association=request.association)


@public
def index(request: HttpRequest) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    agreements = list(selectors.agreements_with_progress(agenda.agreements.all(), public=True))
    return render(
        request,
        "agenda/public/index.html",
        {
            "agenda": agenda,
            "challenges": agenda.challenges.all(),
            "rows": portfolio_status_bars(_portfolios(request).order_by("order"), agreements),
            "association_wide": agenda.themes.filter(kind=ThemeKind.ASSOCIATION_WIDE),
            "progress": selectors.agenda_year_progress(agenda),
        },
    )


@public
def portfolio(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    portfolio = get_object_or_404(_portfolios(request), slug=slug)
    agreements = list(
        selectors.agreements_with_progress(
            agenda.agreements.filter(selectors.in_portfolio(portfolio))
            .distinct()
            .select_related("theme"),
            public=True,
        )
    )
    groups: dict = {}
    for agreement in agreements:
        groups.setdefault(agreement.theme, []).append(agreement)
    return render(
        request,
        "agenda/public/portfolio.html",
        {
            "agenda": agenda,
            "portfolio": portfolio,
            "programme": agenda.programmes.filter(portfolio=portfolio).first(),
            "groups": groups.items(),
            "bar": status_bar(agreements, label=portfolio.name),
            "counts": selectors.status_counts(agreements),
            "total": len(agreements),
            "shared": sum(1 for a in agreements if a.portfolio_id != portfolio.pk),
        },
    )


@public
def agreement(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    qs = agenda.agreements.select_related("portfolio", "theme", "political_lead", "official_lead")
    item = get_object_or_404(selectors.agreements_with_progress(qs, public=True), slug=slug)
    return render(
        request,
        "agenda/public/agreement.html",
        {
            "agreement": item,
            "milestones": item.milestones.all(),
            "today": selectors.today(),
            "updates": item.updates.standing().filter(is_internal=False),
            "partners": item.partners.all(),
        },
    )
