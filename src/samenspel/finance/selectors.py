"""Reads of the money: a year's budget figures, each member's contribution, stated versus
computed totals, the contingency fund and outstanding claims (project financing with
the 5% surcharge: project_shares.py). Everything is computed from the data, in Decimal."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from samenspel.finance.constants import ContributionKey, StatedWhat
from samenspel.finance.models import (
    ZERO,
    BudgetAmount,
    BudgetYear,
    Claim,
    FundSpending,
    ProjectYear,
    StatedFigure,
)
from samenspel.finance.shares import split_by_weight, to_cents
from samenspel.organisations.constants import AssociationMembershipKind, OrganisationKind
from samenspel.organisations.models import (
    Association,
    AssociationMembership,
    InhabitantCount,
    Organisation,
)
from samenspel.organisations.selectors import members_of


@dataclass
class MemberFigure:
    """An organisation with the inhabitants figure a split uses (see `figures_on`)."""

    organisation: Organisation
    inhabitants: int | None
    reference_date: dt.date | None
    later_than_asked: bool = False
    payer: Hashable | None = None  # what its share is keyed by; default the organisation's pk

    @property
    def code(self) -> str:
        return next((i.value for i in self.organisation.identifiers.all() if i.scheme == "cbs"), "")

    @property
    def share_key(self) -> Hashable:
        return self.organisation.pk if self.payer is None else self.payer

    @property
    def by_inhabitants(self) -> bool:
        """Municipalities share by inhabitants; the province and the water boards have no
        figure of their own here and pay a fixed amount (or nothing) off the top."""
        return self.organisation.kind == OrganisationKind.MUNICIPALITY


Series = dict[int, list[tuple[dt.date, int]]]


def inhabitant_series(organisation_ids: Iterable[int]) -> Series:
    """Every inhabitants figure of these organisations, oldest first: pk → [(date, count)].
    Pages that split many amounts load it once and pass it to `figures_on`."""
    series: Series = defaultdict(list)
    figures = InhabitantCount.objects.filter(organisation__in=list(organisation_ids))
    for figure in figures.order_by("reference_date"):
        series[figure.organisation_id].append((figure.reference_date, figure.count))
    return series


def figures_on(
    organisations: Iterable[Organisation], date: dt.date, *, series: Series | None = None
) -> list[MemberFigure]:
    """The reference-date rule, the one every split by inhabitants uses.

    Each organisation's latest figure on or before `date`. One with no figure that early
    gets its earliest later figure, flagged (`later_than_asked`), so a split can still be
    made and the page says so; one with no figure at all gets none.
    """
    organisations = list(organisations)
    if series is None:
        series = inhabitant_series(o.pk for o in organisations)
    result = []
    for organisation in organisations:
        known = series.get(organisation.pk, [])
        before = [figure for figure in known if figure[0] <= date]
        chosen = before[-1] if before else (known[0] if known else None)
        result.append(
            MemberFigure(
                organisation,
                chosen[1] if chosen else None,
                chosen[0] if chosen else None,
                later_than_asked=bool(chosen) and not before,
            )
        )
    return result


def members_on(association: Association, date: dt.date) -> list[MemberFigure]:
    """Every member of `association` on `date`, with its inhabitants figure for that date
    (the rule of `figures_on`): a member that joins mid-year shares costs whose reference
    date is on or after its joining date, and no others."""
    return figures_on(members_of(association, on=date).prefetch_related("identifiers"), date)


def members_on_dates(
    association: Association, dates: Iterable[dt.date]
) -> dict[dt.date, list[MemberFigure]]:
    """`members_on` for several dates in four queries however many dates (a report over
    the budget years): memberships, organisations, their identifiers, inhabitants."""
    dates = sorted(set(dates))
    if not dates:
        return {}
    # The membership rule of organisations.selectors.member_ids_during, once per date.
    rows = list(
        AssociationMembership.objects.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=dates[-1]),
            Q(end_date__isnull=True) | Q(end_date__gte=dates[0]),
            association=association,
            kind=AssociationMembershipKind.MEMBER,
        ).values_list("organisation_id", "start_date", "end_date")
    )
    organisations = list(
        Organisation.objects.filter(pk__in={pk for pk, _s, _e in rows})
        .order_by("name")
        .prefetch_related("identifiers")
    )
    series = inhabitant_series(o.pk for o in organisations)
    result = {}
    for date in dates:
        ids = {
            pk
            for pk, start, end in rows
            if (start is None or start <= date) and (end is None or end >= date)
        }
        result[date] = figures_on([o for o in organisations if o.pk in ids], date, series=series)
    return result


def split_over_members(
    total: Decimal,
    *,
    key: str,
    members: list[MemberFigure],
    base_amount: Decimal | None = None,
    fixed: Mapping[Any, Decimal | None] | None = None,
    errors: list[str] | None = None,
) -> dict[Any, Decimal]:
    """Apply a cost key: each member's share of `total`, keyed by `MemberFigure.share_key`.

    The one place a key is applied (budget years, projects, proposals):
    - equal: equal parts;
    - fixed: each pays its amount in `fixed` (none: nothing), whatever the total;
    - per inhabitant: the province and the water boards pay their amount in `fixed` (or
      nothing) off the top, the municipalities share the rest by their inhabitants;
    - base plus inhabitant: the same, each municipality paying `base_amount` first.
    Shares are rounded by the largest remainder (`shares.split_by_weight`), so they add
    up to what is split. With `errors`, a split that cannot be made is reported there
    (those shares stay zero) instead of raising ValueError.
    """
    fixed = fixed or {}
    if key == ContributionKey.FIXED:
        return {m.share_key: to_cents(fixed.get(m.share_key) or ZERO) for m in members}
    if key == ContributionKey.EQUAL:
        return _split({m.share_key: 1 for m in members}, total, errors)
    off_top = {
        m.share_key: to_cents(fixed.get(m.share_key) or ZERO)
        for m in members
        if not m.by_inhabitants
    }
    sharing = [m for m in members if m.by_inhabitants]
    if errors is not None and sum(off_top.values(), ZERO) > total:
        errors.append(
            _("De vaste bedragen van provincie en waterschappen zijn hoger dan het totaal.")
        )
    base = to_cents(base_amount or ZERO) if key == ContributionKey.BASE_PLUS_INHABITANT else ZERO
    rest = max(total - sum(off_top.values(), ZERO) - base * len(sharing), ZERO)
    shares = _split({m.share_key: m.inhabitants or 0 for m in sharing}, rest, errors)
    return {**{pk: share + base for pk, share in shares.items()}, **off_top}


def _split(weights: dict[Any, int], total: Decimal, errors: list[str] | None) -> dict[Any, Decimal]:
    if not weights:
        return {}
    try:
        return split_by_weight(total, weights)
    except ValueError as error:
        if errors is None:
            raise
        errors.append(str(error))
        return dict.fromkeys(weights, ZERO)


@dataclass
class YearFigures:
    budget_year: BudgetYear
    total_costs: Decimal
    from_running_budget: Decimal
    remaining: Decimal
    members: list[MemberFigure]
    shares: dict[int, Decimal]
    inhabitants_total: int
    per_inhabitant_exact: Decimal | None
    per_inhabitant_rounded: Decimal | None
    reference_date: dt.date
    invoiced: dict[int, Decimal] = field(default_factory=dict)

    @property
    def frozen(self) -> bool:
        return self.budget_year.invoiced_on is not None

    def amount_for(self, organisation_pk: int) -> Decimal:
        """What the member pays: the invoiced amount once invoiced, else the computed one."""
        if self.frozen and organisation_pk in self.invoiced:
            return self.invoiced[organisation_pk]
        return self.shares.get(organisation_pk, ZERO)

    def difference(self, organisation_pk: int) -> Decimal:
        """Computed now minus invoiced (zero when not invoiced)."""
        if not self.frozen:
            return ZERO
        return self.shares.get(organisation_pk, ZERO) - self.invoiced.get(organisation_pk, ZERO)


def reference_date_for(reference_date: dt.date | None, year: int) -> dt.date:
    """The date inhabitants are counted on: the one set, else 1 January of the (first) year."""
    return reference_date or dt.date(year, 1, 1)


def reference_date_of(budget_year: BudgetYear) -> dt.date:
    return reference_date_for(budget_year.reference_date, budget_year.year)


def line_totals(agenda) -> dict[int, Decimal]:
    rows = (
        BudgetAmount.objects.filter(line__agenda=agenda)
        .values("year")
        .annotate(total=Sum("amount"))
    )
    return {row["year"]: row["total"] for row in rows}


def year_figures(budget_year: BudgetYear, *, totals: dict[int, Decimal] | None = None):
    totals = totals if totals is not None else line_totals(budget_year.agenda)
    total = totals.get(budget_year.year, ZERO)
    remaining = max(total - budget_year.from_running_budget, ZERO)
    on = reference_date_of(budget_year)
    members = members_on(budget_year.agenda.association, on)
    fixed = {f.organisation_id: f.amount for f in budget_year.fixed.all()}
    shares = split_over_members(
        remaining,
        key=budget_year.key,
        members=members,
        base_amount=budget_year.base_amount,
        fixed=fixed,
    )
    inhabitants_total = sum(m.inhabitants or 0 for m in members)
    exact = remaining / inhabitants_total if inhabitants_total else None
    return YearFigures(
        budget_year=budget_year,
        total_costs=total,
        from_running_budget=budget_year.from_running_budget,
        remaining=remaining,
        members=members,
        shares=shares,
        inhabitants_total=inhabitants_total,
        per_inhabitant_exact=exact,
        per_inhabitant_rounded=to_cents(exact) if exact is not None else None,
        reference_date=on,
        invoiced={i.organisation_id: i.amount for i in budget_year.invoiced.all()},
    )


def budget_years(agenda) -> list[YearFigures]:
    totals = line_totals(agenda)
    years = BudgetYear.objects.filter(agenda=agenda).prefetch_related("fixed", "invoiced")
    return [year_figures(by, totals=totals) for by in years]


@dataclass
class Comparison:
    figure: StatedFigure
    computed: Decimal | None

    @property
    def differs(self) -> bool:
        return self.computed is not None and self.computed != self.figure.amount

    @property
    def difference(self) -> Decimal | None:
        return None if self.computed is None else self.figure.amount - self.computed


def stated_vs_computed(agenda) -> list[Comparison]:
    """Every figure the document states next to what the lines add up to (None: not computable)."""
    figures = {f.budget_year.year: f for f in budget_years(agenda)}

    def computed(what: str, year: int | None) -> Decimal | None:
        chosen = (
            [figures[year]]
            if year is not None and year in figures
            else (list(figures.values()) if year is None else [])
        )
        if not chosen:
            return None
        if what == StatedWhat.TOTAL_COSTS:
            return sum((f.total_costs for f in chosen), ZERO)
        if what == StatedWhat.RUNNING_BUDGET:
            return sum((f.from_running_budget for f in chosen), ZERO)
        if what == StatedWhat.REMAINING:
            return sum((f.remaining for f in chosen), ZERO)
        if what == StatedWhat.PER_INHABITANT and year is not None:
            return chosen[0].per_inhabitant_rounded
        return None

    return [
        Comparison(figure, computed(figure.what, figure.year))
        for figure in StatedFigure.objects.filter(agenda=agenda).order_by("what", "year")
    ]


@dataclass
class FundBalance:
    surcharges_in: Decimal
    spent: Decimal
    spendings: list[FundSpending]

    @property
    def balance(self) -> Decimal:
        return self.surcharges_in - self.spent


def contingency_fund(*, association: Association) -> FundBalance:
    """Surcharges raised on `association`'s project financing, minus what it spent from
    its fund (each with a reason).

    The surcharge per project year is computed as on the project page (members' total
    and each funder rounded to cents), in a fixed number of queries.
    """
    surcharges = ZERO
    years = (
        ProjectYear.objects.filter(project__association=association)
        .select_related("project")
        .prefetch_related("funders")
    )
    for project_year in years:
        rate = project_year.project.surcharge_percent / Decimal(100)
        surcharges += to_cents(project_year.members_amount * rate)
        surcharges += sum((to_cents(f.amount * rate) for f in project_year.funders.all()), ZERO)
    spendings = list(FundSpending.objects.filter(association=association))
    return FundBalance(surcharges, sum((s.amount for s in spendings), ZERO), spendings)


def claims_of(association: Association) -> QuerySet[Claim]:
    """The claims `association` sent: for its projects, and its contributions (no project)."""
    return Claim.objects.filter(association=association)


def outstanding_claims(
    organisation: Organisation | None = None, *, association: Association
) -> QuerySet[Claim]:
    claims = (
        claims_of(association)
        .filter(paid_on__isnull=True)
        .select_related("organisation", "project")
    )
    if organisation is not None:
        claims = claims.filter(organisation=organisation)
    return claims.order_by("sent_on")
