"""The contributions of one budget year per member, as the contributions page
(`/financien/bijdragen/<year>/`), its exports and the API (`bijdragen`) show them: the
agenda's share (`selectors.year_figures`: the invoiced amount once invoiced) and each
project's share with its surcharge (`project_shares.project_years_shares`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from samenspel.finance import project_shares, selectors
from samenspel.finance.models import ZERO, BudgetYear, ProjectYear
from samenspel.organisations.models import Association, Organisation


def budget_year_projects(year: int, *, association: Association) -> QuerySet[ProjectYear]:
    """The service-desk projects of `association` that ask money in `year`, by name."""
    return (
        ProjectYear.objects.filter(year=year, project__association=association)
        .select_related("project")
        .order_by("project__name")
    )


@dataclass(frozen=True)
class Contribution:
    """One member's line of one year on the contributions page."""

    year: int
    member: selectors.MemberFigure
    agenda: Decimal
    projects: list[dict[str, Any]]  # {"project": name, "bedrag": amount}, by project name
    difference: Decimal
    invoiced: bool

    @property
    def organisation(self) -> Organisation:
        return self.member.organisation

    @property
    def amounts(self) -> list[Decimal]:
        """The agenda's share, then each project's: a column per source."""
        return [self.agenda] + [p["bedrag"] for p in self.projects]

    @property
    def projects_total(self) -> Decimal:
        return sum((p["bedrag"] for p in self.projects), ZERO)

    @property
    def total(self) -> Decimal:
        return self.agenda + self.projects_total


@dataclass(frozen=True)
class YearContributions:
    figures: selectors.YearFigures
    projects: list[str]  # the projects' names, in the order of each row's `projects`
    rows: list[Contribution]


def year_contributions(budget_year: BudgetYear, *, association: Association) -> YearContributions:
    figures = selectors.year_figures(budget_year)
    project_years = project_shares.project_years_shares(
        budget_year_projects(budget_year.year, association=association),
        known={figures.reference_date: figures.members},
    )
    rows = []
    for member in figures.members:
        pk = member.organisation.pk
        projects = [
            {
                "project": ps.project_year.project.name,
                "bedrag": ps.member_shares.get(pk, ZERO) + ps.member_surcharges.get(pk, ZERO),
            }
            for ps in project_years
        ]
        rows.append(
            Contribution(
                year=budget_year.year,
                member=member,
                agenda=figures.amount_for(pk),
                projects=projects,
                difference=figures.difference(pk),
                invoiced=figures.frozen,
            )
        )
    return YearContributions(figures, [ps.project_year.project.name for ps in project_years], rows)
