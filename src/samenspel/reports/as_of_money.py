"""Money, hours and seats as of a date, from the recorded history (see snapshots.py).

Money: the budget per year (Table 1 lines as recorded), what was invoiced by then
(a year counts as invoiced when `invoiced_on <= as_of`), claims sent and paid by then,
supplier payments made by then. Hours: the staff commitments that hold in the year of
the date and the realised hours of quarters that ended by then. Seats: memberships whose
start and end dates cover the date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from samenspel.agenda.models import Agenda
from samenspel.capacity.constants import CommitmentKind
from samenspel.capacity.models import RealisedHours, StaffCommitment
from samenspel.core.dates import quarter_bounds
from samenspel.finance.models import (
    ZERO,
    BudgetAmount,
    BudgetLine,
    BudgetYear,
    Claim,
    FixedContribution,
    InvoicedContribution,
    Project,
    SupplierPayment,
)
from samenspel.finance.selectors import (
    MemberFigure,
    members_on_dates,
    reference_date_for,
    split_over_members,
)
from samenspel.organisations.models import Association, Membership, Organisation, Person, Post
from samenspel.reports.snapshots import agenda_loaded_before, snapshot


@dataclass
class BudgetYearState:
    year: int
    total_costs: Decimal
    from_running_budget: Decimal
    invoiced_on: dt.date | None
    invoiced: dict[int, Decimal]  # organisation pk -> amount, only once invoiced by as_of
    computed: dict[int, Decimal]  # organisation pk -> share by the year's key (not invoiced)

    def amount_for(self, organisation_pk: int) -> Decimal:
        """What the member pays: the invoiced amount once invoiced, else its computed share."""
        if self.invoiced_on is not None:
            return self.invoiced.get(organisation_pk, ZERO)
        return self.computed.get(organisation_pk, ZERO)

    @property
    def remaining(self) -> Decimal:
        return max(self.total_costs - self.from_running_budget, ZERO)

    @property
    def invoiced_total(self) -> Decimal:
        return sum(self.invoiced.values(), ZERO)


@dataclass
class ClaimTotals:
    sent: Decimal = ZERO
    paid: Decimal = ZERO
    count: int = 0
    paid_count: int = 0

    @property
    def outstanding(self) -> Decimal:
        return self.sent - self.paid

    def add(self, amount: Decimal, paid: bool) -> None:
        self.sent += amount
        self.count += 1
        if paid:
            self.paid += amount
            self.paid_count += 1


@dataclass
class MoneyState:
    as_of: dt.date
    years: list[BudgetYearState]
    claims: ClaimTotals
    claims_by_organisation: dict[int, ClaimTotals]
    claims_by_year: dict[int, ClaimTotals]
    claims_by_project: dict[int | None, ClaimTotals]
    supplier_payments: Decimal
    supplier_payments_by_year: dict[int, Decimal]
    open_claims: list[Any] = field(default_factory=list)  # historical Claim rows, unpaid

    def year(self, year: int) -> BudgetYearState | None:
        return next((y for y in self.years if y.year == year), None)


def _budget_years(agenda: Agenda, as_of: dt.date) -> list[BudgetYearState]:
    loaded = agenda_loaded_before(agenda)
    lines = snapshot(BudgetLine, as_of=as_of, loaded_before=loaded, agenda_id=agenda.pk)
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    amounts = snapshot(BudgetAmount, as_of=as_of, loaded_before=loaded, line_id__in=list(lines))
    for amount in amounts.values():
        totals[amount.year] += amount.amount
    years = snapshot(BudgetYear, as_of=as_of, agenda_id=agenda.pk)
    invoiced: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in snapshot(InvoicedContribution, as_of=as_of, budget_year_id__in=list(years)).values():
        invoiced[row.budget_year_id][row.organisation_id] = row.amount
    # The members of every year to compute, and the fixed contributions, read at once.
    members = members_on_dates(
        agenda.association,
        [reference_date_for(row.reference_date, row.year) for row in years.values()],
    )
    fixed: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for year_id, organisation_id, amount in FixedContribution.objects.filter(
        budget_year_id__in=list(years)
    ).values_list("budget_year_id", "organisation_id", "amount"):
        fixed[year_id][organisation_id] = amount
    result = []
    for pk, row in sorted(years.items(), key=lambda item: item[1].year):
        done = row.invoiced_on is not None and row.invoiced_on <= as_of
        total = totals.get(row.year, ZERO)
        on = reference_date_for(row.reference_date, row.year)
        result.append(
            BudgetYearState(
                year=row.year,
                total_costs=total,
                from_running_budget=row.from_running_budget,
                invoiced_on=row.invoiced_on if done else None,
                invoiced=invoiced[pk] if done else {},
                computed={} if done else _computed_shares(row, total, members[on], fixed[pk]),
            )
        )
    return result


def _computed_shares(
    row: Any, total: Decimal, members: list[MemberFigure], fixed: dict[int, Decimal]
) -> dict[int, Decimal]:
    """The members' shares as finance computes them, from the year as recorded on the date."""
    remaining = max(total - row.from_running_budget, ZERO)
    return split_over_members(
        remaining, key=row.key, members=members, base_amount=row.base_amount, fixed=fixed
    )


def money_on(*, agenda: Agenda, as_of: dt.date) -> MoneyState:
    """The agenda budget, invoices, claims and supplier payments as of `as_of`."""
    claims = ClaimTotals()
    by_org: dict[int, ClaimTotals] = defaultdict(ClaimTotals)
    by_year: dict[int, ClaimTotals] = defaultdict(ClaimTotals)
    by_project: dict[int | None, ClaimTotals] = defaultdict(ClaimTotals)
    open_claims = []
    association_id = agenda.association_id
    for claim in snapshot(Claim, as_of=as_of, association_id=association_id).values():
        if claim.sent_on > as_of:
            continue
        paid = claim.paid_on is not None and claim.paid_on <= as_of
        for totals in (
            claims,
            by_org[claim.organisation_id],
            by_year[claim.year],
            by_project[claim.project_id],
        ):
            totals.add(claim.amount, paid)
        if not paid:
            open_claims.append(claim)
    payments: dict[int, Decimal] = defaultdict(lambda: ZERO)  # year paid -> amount
    projects = list(
        Project.objects.filter(association_id=association_id).values_list("pk", flat=True)
    )
    for payment in snapshot(SupplierPayment, as_of=as_of, project_id__in=projects).values():
        if payment.paid_on <= as_of:
            payments[payment.paid_on.year] += payment.amount
    return MoneyState(
        as_of=as_of,
        years=_budget_years(agenda, as_of),
        claims=claims,
        claims_by_organisation=dict(by_org),
        claims_by_year=dict(by_year),
        claims_by_project=dict(by_project),
        supplier_payments=sum(payments.values(), ZERO),
        supplier_payments_by_year=dict(payments),
        open_claims=sorted(open_claims, key=lambda c: (c.sent_on, c.id)),
    )


# --- hours -------------------------------------------------------------------------------


@dataclass
class HoursState:
    as_of: dt.date
    year: int
    # (organisation pk, portfolio pk or None) -> hours per year committed
    committed: dict[tuple[int, int | None], int]
    # (organisation pk, portfolio pk or None) -> hours realised in quarters ended by as_of
    realised: dict[tuple[int, int | None], Decimal]
    role_hours: dict[tuple[int, str], int]  # (organisation pk, commitment kind) -> hours

    def committed_by_organisation(self) -> dict[int, int]:
        result: dict[int, int] = defaultdict(int)
        for (org, _portfolio), hours in self.committed.items():
            result[org] += hours
        return dict(result)

    def realised_by_organisation(self) -> dict[int, Decimal]:
        result: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for (org, _portfolio), hours in self.realised.items():
            result[org] += hours
        return dict(result)

    def committed_to_portfolio(self, portfolio_id: int) -> int:
        return sum(h for (_org, p), h in self.committed.items() if p == portfolio_id)

    def realised_for_portfolio(self, portfolio_id: int) -> Decimal:
        return sum((h for (_org, p), h in self.realised.items() if p == portfolio_id), ZERO)

    @property
    def committed_total(self) -> int:
        return sum(self.committed.values())

    @property
    def realised_total(self) -> Decimal:
        return sum(self.realised.values(), ZERO)


def quarter_end(year: int, quarter: int) -> dt.date:
    return quarter_bounds(year, quarter)[1]


def hours_on(*, agenda: Agenda, as_of: dt.date, year: int | None = None) -> HoursState:
    """Hours committed for `year` (default: the year of `as_of`) and realised by `as_of`."""
    year = year or as_of.year
    committed: dict[tuple[int, int | None], int] = defaultdict(int)
    roles: dict[tuple[int, str], int] = defaultdict(int)
    loaded = agenda_loaded_before(agenda)
    commitments = snapshot(StaffCommitment, as_of=as_of, loaded_before=loaded, agenda_id=agenda.pk)
    for row in commitments.values():
        if row.year_from <= year and (row.year_to is None or row.year_to >= year):
            committed[(row.organisation_id, row.portfolio_id)] += row.hours_per_year
            if row.kind != CommitmentKind.PORTFOLIO:
                roles[(row.organisation_id, row.kind)] += row.hours_per_year
    realised: dict[tuple[int, int | None], Decimal] = defaultdict(lambda: ZERO)
    realised_rows = snapshot(
        RealisedHours, as_of=as_of, year=year, association_id=agenda.association_id
    )
    for row in realised_rows.values():
        if quarter_end(row.year, row.quarter) <= as_of:
            realised[(row.organisation_id, row.portfolio_id)] += row.hours
    return HoursState(as_of, year, dict(committed), dict(realised), dict(roles))


# --- seats -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    post: Post
    holders: list[str]  # names of the people holding it on the date


def seats_on(
    *, association: Association, as_of: dt.date, organisation: Organisation | None = None
) -> list[Seat]:
    """Posts of the association's bodies (of one organisation, or all) with the people who
    held them on `as_of`."""
    posts = (
        Post.objects.filter(body__association=association)
        .select_related("body__portfolio", "organisation")
        .order_by("body__name", "role")
    )
    if organisation is not None:
        posts = posts.filter(organisation=organisation)
    posts = list(posts)
    holders: dict[int, list[int]] = defaultdict(list)
    for row in snapshot(Membership, as_of=as_of, post_id__in=[p.pk for p in posts]).values():
        if row.start_date <= as_of and (row.end_date is None or row.end_date >= as_of):
            holders[row.post_id].append(row.person_id)

    names = dict(
        Person.objects.filter(pk__in={p for ids in holders.values() for p in ids}).values_list(
            "pk", "name"
        )
    )
    return [Seat(post, sorted(names.get(pk, "?") for pk in holders[post.pk])) for post in posts]
