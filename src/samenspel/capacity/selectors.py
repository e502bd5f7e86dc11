"""Reads of the staff commitment: Tables 2.1 and 2.2 and their totals (planned against
realised hours: `realised.py`).

Every function reads its rows with a fixed number of queries and adds up in Python, so
a page costs the same however many members, portfolios or quarters there are. Functions
that a page calls together accept the commitments and members already read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from samenspel.agenda.models import Agenda
from samenspel.capacity.constants import ROLE_KINDS, CommitmentKind
from samenspel.capacity.models import (
    ExternalHire,
    StaffArrangement,
    StaffCommitment,
    TemporaryCommitment,
)
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.selectors import members_of

ZERO = Decimal("0")


# --- commitments -------------------------------------------------------------------------


def staff_commitments(*, agenda: Agenda, year: int) -> list[StaffCommitment]:
    """The agenda's commitments that hold in `year` (one query)."""
    return list(
        StaffCommitment.objects.filter(agenda=agenda, year_from__lte=year)
        .filter(Q(year_to__isnull=True) | Q(year_to__gte=year))
        .select_related("organisation", "portfolio")
    )


def members(association: Association) -> list[Organisation]:
    """The association's members today, in the tables' order."""
    return sorted(members_of(association), key=lambda o: o.display_name)


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
        members(agenda.association) if member_list is None else member_list,
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
        members(agenda.association) if member_list is None else member_list,
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
    organisations = {
        o.pk: o for o in (members(agenda.association) if member_list is None else member_list)
    }
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
