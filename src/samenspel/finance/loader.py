"""Loads the `budget` section of an agenda file: Table 1, the stated totals and the
service desk's projects. Registered with the agenda loader in FinanceConfig.ready()."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samenspel.agenda.models import Agenda, Theme
from samenspel.finance.models import (
    BudgetAmount,
    BudgetLine,
    BudgetYear,
    Project,
    StatedFigure,
)
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.structure import LoadCounts, set_m2m, upsert


def budget_load(agenda: Agenda, budget: dict[str, Any], counts: LoadCounts) -> None:
    themes = {t.slug: t for t in Theme.objects.filter(agenda=agenda)}
    for order, item in enumerate(budget.get("lines", [])):
        line = upsert(
            BudgetLine,
            {"agenda": agenda, "slug": item["slug"]},
            {
                "name": item["name"],
                "kind": item.get("kind", "one_off"),
                "theme": themes.get(item.get("theme") or ""),
                "note": item.get("note") or "",
                "order": order,
            },
            counts,
        )
        for year, amount in (item.get("amounts") or {}).items():
            upsert(
                BudgetAmount,
                {"line": line, "year": int(year)},
                {"amount": Decimal(str(amount))},
                counts,
            )
    running = {int(y): Decimal(str(a)) for y, a in (budget.get("running_budget") or {}).items()}
    for year in range(agenda.period_start.year, agenda.period_end.year + 1):
        budget_year = BudgetYear.objects.filter(agenda=agenda, year=year).first()
        if budget_year is None:  # settings the bureau changes later are not overwritten
            BudgetYear.objects.create(
                agenda=agenda, year=year, from_running_budget=running.get(year, Decimal("0.00"))
            )
            counts.add("BudgetYear", created=True)
    for item in budget.get("stated", []):
        upsert(
            StatedFigure,
            {
                "agenda": agenda,
                "what": item["what"],
                "year": item.get("year"),
                "source": item["source"],
            },
            {"amount": Decimal(str(item["amount"])), "printed": item.get("printed") or ""},
            counts,
        )
    _load_projects(agenda.association, budget.get("service_desk_projects", []), counts)


def _load_projects(association: Association, items: list[dict], counts: LoadCounts) -> None:
    organisations = {o.slug: o for o in Organisation.objects.all()}
    portfolios = {p.slug: p for p in Portfolio.objects.filter(association=association)}
    for item in items:
        project = upsert(
            Project,
            # A project's slug is unique per association: another's may be the same.
            {"association": association, "slug": item["slug"]},
            {
                "name": item["name"],
                "description": item.get("description") or "",
                "detail": item.get("detail") or "",
                "supplier": item.get("supplier") or "",
                "portfolio": portfolios.get(item.get("portfolio") or ""),
                "surcharge_percent": Decimal(str(item.get("surcharge_percent", "5.00"))),
                "source": item.get("source") or "",
            },
            counts,
        )
        set_m2m(
            project,
            "commissioners",
            {organisations[s].pk for s in item.get("commissioners", [])},
            counts,
        )
        set_m2m(
            project, "other_funders", {organisations[s].pk for s in item.get("funders", [])}, counts
        )
