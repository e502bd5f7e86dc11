"""Reads of the staff commitment: Tables 2.1 and 2.2, totals, planned against realised.

Every function reads its rows with a fixed number of queries and adds up in Python, so
a page costs the same however many members, portfolios or quarters there are. Functions
that a page calls together accept the commitments and members already read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from samenspel.agenda.models import Agenda
from samenspel.agenda.selectors import current_agenda
from samenspel.capacity.constants import ROLE_KINDS, CommitmentKind
from samenspel.capacity.models import (
    ExternalHire,
    RealisedHours,
    StaffArrangement,
    StaffCommitment,
    TemporaryCommitment,
)
from samenspel.organisations.models import Organisation, Portfolio

ZERO = Decimal("0")


# --- commitments -------------------------------------------------------------------------


def staff_commitments(*, agenda: Agenda, year: int) -> list[StaffCommitment]:
    """The agenda's commitments that hold in `year` (one query)."""
    return list(
        StaffCommitment.objects.filter(agenda=agenda, year_from__lte=year)
        .filter(Q(year_to__isnull=True) | Q(year_to__gte=year))
        .select_related("organisation", "portfolio")
    )


def members() -> list[Organisation]:
    """The member organisations, in the tables' order (one query)."""
    return sorted(Organisation.objects.filter(is_member=True), key=lambda o: o.display_name)


@dataclass(frozen=True)
class Column:
    label: str
    title: str
    kind: str
    portfolio: Portfolio | None = None
    area: str = ""

    @property
    def key(self) -> tuple:
        return (self.kind, self.portfolio.pk if self.portfolio else None, self.area, self.label)


@dataclass(frozen=True)
class HoursRow:
    organisation: Organisation
    cells: list[int | None]
    total: int


@dataclass(frozen=True)
class HoursTable:
    """A table as on paper: a row per member, a column per portfolio (2.1) or role (2.2)."""

    year: int
    columns: list[Column]
    rows: list[HoursRow]
    column_totals: list[int]
    total: int

    def row(self, slug: str) -> HoursRow:
        return next(r for r in self.rows if r.organisation.slug == slug)

    def column_total(self, label: str) -> int:
        return next(
            t for c, t in zip(self.columns, self.column_totals, strict=True) if c.label == label
        )


def _column(commitment: StaffCommitment) -> Column:
    if commitment.kind == CommitmentKind.PORTFOLIO and commitment.portfolio:
        title = commitment.portfolio.name
        if commitment.area:
            title = f"{title}: {commitment.area}"
    else:
        title = str(CommitmentKind(commitment.kind).label)
    return Column(
        label=commitment.label,
        title=title,
        kind=commitment.kind,
        portfolio=commitment.portfolio,
        area=commitment.area,
    )


def _paper_order(agenda: Agenda, table: str) -> dict[str, int]:
    """Position of each column label in the agenda file's table, as loaded."""
    columns = (agenda.staff or {}).get(table, {}).get("columns", [])
    return {column.get("label"): i for i, column in enumerate(columns)}


def _hours_table(
    year: int,
    commitments: Iterable[StaffCommitment],
    rows_for: list[Organisation],
    sort_key,
) -> HoursTable:
    commitments = list(commitments)
    columns = sorted({_column(c) for c in commitments}, key=sort_key)
    position = {column.key: i for i, column in enumerate(columns)}
    organisations = {o.pk: o for o in rows_for}
    cells: dict[int, list[int | None]] = {o.pk: [None] * len(columns) for o in rows_for}
    for commitment in commitments:
        organisations.setdefault(commitment.organisation_id, commitment.organisation)
        row = cells.setdefault(commitment.organisation_id, [None] * len(columns))
        i = position[_column(commitment).key]
        row[i] = (row[i] or 0) + commitment.hours_per_year
    rows = [
        HoursRow(organisation=org, cells=cells[pk], total=sum(v or 0 for v in cells[pk]))
        for pk, org in organisations.items()
    ]
    rows.sort(key=lambda r: r.organisation.display_name)
    column_totals = [sum(r.cells[i] or 0 for r in rows) for i in range(len(columns))]
    return HoursTable(
        year=year,
        columns=columns,
        rows=rows,
        column_totals=column_totals,
        total=sum(column_totals),
    )


def portfolio_hours_table(
    *,
    agenda: Agenda,
    year: int,
    commitments: list[StaffCommitment] | None = None,
    member_list: list[Organisation] | None = None,
) -> HoursTable:
    """Table 2.1: hours per year per member and portfolio column (Onderwijs en Cultuur has two)."""
    commitments = (
        staff_commitments(agenda=agenda, year=year) if commitments is None else commitments
    )
    order = _paper_order(agenda, "table_2_1")

    def sort_key(column: Column) -> tuple:
        portfolio_order = column.portfolio.order if column.portfolio else 0
        return (order.get(column.label, len(order)), portfolio_order, column.area, column.label)

    return _hours_table(
        year,
        (c for c in commitments if c.kind == CommitmentKind.PORTFOLIO),
        members() if member_list is None else member_list,
        sort_key,
    )


def role_hours_table(
    *,
    agenda: Agenda,
    year: int,
    commitments: list[StaffCommitment] | None = None,
    member_list: list[Organisation] | None = None,
) -> HoursTable:
    """Table 2.2: hours per year per member for chairing, account holding, VNG and staff."""
    commitments = (
        staff_commitments(agenda=agenda, year=year) if commitments is None else commitments
    )
    order = _paper_order(agenda, "table_2_2")

    def sort_key(column: Column) -> tuple:
        return (ROLE_KINDS.index(column.kind), order.get(column.label, len(order)), column.label)

    return _hours_table(
        year,
        (c for c in commitments if c.kind in ROLE_KINDS),
        members() if member_list is None else member_list,
        sort_key,
    )


@dataclass(frozen=True)
class MemberTotal:
    organisation: Organisation
    portfolios: int
    roles: int
    other: int
    total: int


def member_totals(
    *,
    agenda: Agenda,
    year: int,
    commitments: list[StaffCommitment] | None = None,
    member_list: list[Organisation] | None = None,
) -> list[MemberTotal]:
    """Per member: Table 2.1 total, Table 2.2 total, other (temporary) hours and the sum."""
    commitments = (
        staff_commitments(agenda=agenda, year=year) if commitments is None else commitments
    )
    organisations = {o.pk: o for o in (members() if member_list is None else member_list)}
    sums: dict[int, dict[str, int]] = defaultdict(lambda: {"p": 0, "r": 0, "o": 0})
    for commitment in commitments:
        organisations.setdefault(commitment.organisation_id, commitment.organisation)
        if commitment.kind == CommitmentKind.PORTFOLIO:
            part = "p"
        elif commitment.kind in ROLE_KINDS:
            part = "r"
        else:
            part = "o"
        sums[commitment.organisation_id][part] += commitment.hours_per_year
    result = [
        MemberTotal(
            organisation=org,
            portfolios=sums[pk]["p"],
            roles=sums[pk]["r"],
            other=sums[pk]["o"],
            total=sum(sums[pk].values()),
        )
        for pk, org in organisations.items()
    ]
    return sorted(result, key=lambda t: t.organisation.display_name)


# --- planned against realised -----------------------------------------------------------


@dataclass
class PlanRow:
    """Planned hours for a year against the hours realised in its quarters."""

    label: str
    organisation: Organisation | None = None
    portfolio: Portfolio | None = None
    planned: int = 0
    quarters: list[Decimal | None] = field(default_factory=lambda: [None] * 4)
    has_demo: bool = False

    @property
    def realised(self) -> Decimal:
        return sum((q for q in self.quarters if q is not None), ZERO)

    @property
    def quarter_count(self) -> int:
        return sum(1 for q in self.quarters if q is not None)

    @property
    def percent(self) -> int | None:
        """Realised as a share of the year's planned hours."""
        if not self.planned:
            return None
        return int((self.realised * 100 / self.planned).quantize(Decimal("1")))

    def add(self, quarter: int, hours: Decimal, demo: bool) -> None:
        self.quarters[quarter - 1] = (self.quarters[quarter - 1] or ZERO) + hours
        self.has_demo = self.has_demo or demo


@dataclass(frozen=True)
class PlannedRealised:
    year: int
    members: list[PlanRow]
    portfolios: list[PlanRow]
    total: PlanRow

    @property
    def has_realised(self) -> bool:
        return self.total.quarter_count > 0

    @property
    def has_demo(self) -> bool:
        return self.total.has_demo


def _realised(year: int, organisation: Organisation | None = None) -> list[dict]:
    """Realised hours of `year` summed per organisation, portfolio and quarter (one query)."""
    rows = RealisedHours.objects.filter(year=year)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return list(
        rows.values("organisation_id", "portfolio_id", "quarter")
        .annotate(hours=Sum("hours"), demo=Count("pk", filter=Q(is_demo=True)))
        .order_by()
    )


def _roles_row() -> PlanRow:
    return PlanRow(label=_("Rollen zonder portefeuille"))


def planned_vs_realised(
    *,
    agenda: Agenda,
    year: int,
    commitments: list[StaffCommitment] | None = None,
    member_list: list[Organisation] | None = None,
) -> PlannedRealised:
    """Per member and per portfolio: planned hours in `year` and realised hours (its quarters).

    Hours that belong to no portfolio (the roles of Table 2.2) are one row of their own.
    """
    commitments = (
        staff_commitments(agenda=agenda, year=year) if commitments is None else commitments
    )
    organisations = members() if member_list is None else member_list
    by_member = {o.pk: PlanRow(label=o.display_name, organisation=o) for o in organisations}
    by_portfolio = {
        p.pk: PlanRow(label=p.name, portfolio=p) for p in Portfolio.objects.order_by("order")
    }
    by_portfolio[None] = _roles_row()
    total = PlanRow(label=_("Totaal"))
    for commitment in commitments:
        member = by_member.setdefault(
            commitment.organisation_id,
            PlanRow(
                label=commitment.organisation.display_name, organisation=commitment.organisation
            ),
        )
        member.planned += commitment.hours_per_year
        by_portfolio[commitment.portfolio_id].planned += commitment.hours_per_year
        total.planned += commitment.hours_per_year
    for row in _realised(year):
        demo = row["demo"] > 0
        for target in (
            by_member.get(row["organisation_id"]),
            by_portfolio.get(row["portfolio_id"]),
            total,
        ):
            if target is not None:
                target.add(row["quarter"], row["hours"], demo)
    return PlannedRealised(
        year=year,
        members=sorted(by_member.values(), key=lambda r: r.label),
        portfolios=list(by_portfolio.values()),
        total=total,
    )


@dataclass(frozen=True)
class RoleHours:
    kind: str
    label: str
    hours: int


@dataclass(frozen=True)
class OrganisationHours:
    """One organisation's year: planned and realised per portfolio, and its roles."""

    organisation: Organisation
    year: int
    portfolios: list[PlanRow]
    roles: list[RoleHours]
    total: PlanRow

    @property
    def planned(self) -> int:
        return self.total.planned

    @property
    def realised(self) -> Decimal:
        return self.total.realised


def organisation_hours(
    organisation: Organisation, year: int, *, agenda: Agenda | None = None
) -> OrganisationHours:
    """Planned hours of `organisation` in `year` by portfolio and role, with realised quarters.

    The last portfolio row (no portfolio) carries the role hours of Table 2.2.
    """
    agenda = agenda or current_agenda()
    commitments = staff_commitments(agenda=agenda, year=year) if agenda is not None else []
    mine = [c for c in commitments if c.organisation_id == organisation.pk]
    rows = {p.pk: PlanRow(label=p.name, portfolio=p) for p in Portfolio.objects.order_by("order")}
    rows[None] = _roles_row()
    total = PlanRow(label=_("Totaal"), organisation=organisation)
    roles: dict[tuple[str, str], int] = defaultdict(int)
    for commitment in mine:
        rows[commitment.portfolio_id].planned += commitment.hours_per_year
        total.planned += commitment.hours_per_year
        if commitment.kind != CommitmentKind.PORTFOLIO:
            label = str(CommitmentKind(commitment.kind).label)
            roles[(commitment.kind, label)] += commitment.hours_per_year
    for row in _realised(year, organisation):
        for target in (rows.get(row["portfolio_id"]), total):
            if target is not None:
                target.add(row["quarter"], row["hours"], row["demo"] > 0)
    kinds = list(CommitmentKind.values)
    return OrganisationHours(
        organisation=organisation,
        year=year,
        portfolios=list(rows.values()),
        roles=[
            RoleHours(kind=kind, label=label, hours=hours)
            for (kind, label), hours in sorted(roles.items(), key=lambda i: kinds.index(i[0][0]))
        ],
        total=total,
    )


# --- texts around the tables ------------------------------------------------------------


def staff_arrangements(*, agenda: Agenda) -> QuerySet[StaffArrangement]:
    return agenda.staff_arrangements.prefetch_related("providers").order_by("order")


def external_hires(*, agenda: Agenda) -> QuerySet[ExternalHire]:
    return (
        agenda.external_hires.select_related("portfolio", "provided_by")
        .prefetch_related("funded_by")
        .order_by("order")
    )


def temporary_commitments(*, agenda: Agenda) -> QuerySet[TemporaryCommitment]:
    return agenda.temporary_commitments.select_related("portfolio").order_by("order")
