"""Project financing: each member's share of a project year by the project's key, and
every funder's 5% surcharge on top, in Decimal (the members and keys: selectors.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from samenspel.finance.models import ZERO, ProjectFunder, ProjectYear
from samenspel.finance.selectors import (
    MemberFigure,
    members_on,
    reference_date_for,
    split_over_members,
)
from samenspel.finance.shares import split_by_weight, to_cents
from samenspel.organisations.models import Organisation


@dataclass
class ProjectShares:
    project_year: ProjectYear
    members: list[MemberFigure]
    member_shares: dict[int, Decimal]
    member_surcharges: dict[int, Decimal]
    funders: list[tuple[Organisation, Decimal, Decimal]]  # organisation, amount, surcharge

    @property
    def surcharge_total(self) -> Decimal:
        return sum(self.member_surcharges.values(), ZERO) + sum(
            (s for _, _, s in self.funders), ZERO
        )

    @property
    def financing_total(self) -> Decimal:
        return self.project_year.members_amount + sum((a for _, a, _ in self.funders), ZERO)


def project_year_shares(
    project_year: ProjectYear, *, members: list[MemberFigure] | None = None
) -> ProjectShares:
    """Members' shares by the project's key, and every funder's 5% surcharge on top;
    `members` as `members_on` gives them for the project year's reference date."""
    project = project_year.project
    if members is None:
        on = reference_date_for(project_year.reference_date, project_year.year)
        members = members_on(project.association, on)
    shares = split_over_members(project_year.members_amount, key=project.key, members=members)
    rate = project.surcharge_percent / Decimal(100)
    member_surcharge_total = to_cents(project_year.members_amount * rate)
    surcharges = (
        split_by_weight(member_surcharge_total, shares)
        if any(shares.values())
        else {pk: ZERO for pk in shares}
    )
    funders = [
        (f.organisation, f.amount, to_cents(f.amount * rate)) for f in _funders(project_year)
    ]
    return ProjectShares(project_year, members, shares, surcharges, funders)


def _funders(project_year: ProjectYear):
    if "funders" in getattr(project_year, "_prefetched_objects_cache", {}):
        return project_year.funders.all()  # prefetched by project_years_shares
    return project_year.funders.select_related("organisation")


def project_years_shares(
    project_years: QuerySet[ProjectYear], *, known: Mapping[dt.date, list[MemberFigure]]
) -> list[ProjectShares]:
    """`project_year_shares` of many project years of one association in a fixed number
    of queries: funders in one query, the members once per reference date (`known`: the
    members already read for a date, e.g. the budget year's)."""
    members = dict(known)
    result = []
    years = project_years.select_related("project__association").prefetch_related(
        Prefetch("funders", queryset=ProjectFunder.objects.select_related("organisation"))
    )
    for project_year in years:
        on = reference_date_for(project_year.reference_date, project_year.year)
        if on not in members:
            members[on] = members_on(project_year.project.association, on)
        result.append(project_year_shares(project_year, members=members[on]))
    return result
