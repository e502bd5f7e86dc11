"""Reads of realised hours: planned against realised per member, portfolio and quarter.

Like `selectors.py`, each function reads its rows with a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from samenspel.agenda.models import Agenda
from samenspel.agenda.selectors import current_agenda
from samenspel.capacity.constants import CommitmentKind
from samenspel.capacity.models import RealisedHours, StaffCommitment
from samenspel.capacity.selectors import ZERO, members, staff_commitments
from samenspel.organisations.models import Association, Organisation, Portfolio


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


def _realised(
    year: int, *, association: Association, organisation: Organisation | None = None
) -> list[dict]:
    """Realised hours of `year` recorded for `association` (on its portfolios and, with no
    portfolio, on its roles) summed per organisation, portfolio and quarter (one query)."""
    rows = RealisedHours.objects.filter(association=association, year=year)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return list(
        rows.values("organisation_id", "portfolio_id", "quarter")
        .annotate(hours=Sum("hours"), demo=Count("pk", filter=Q(is_demo=True)))
        .order_by()
    )


def _portfolios(association: Association):
    return Portfolio.objects.filter(association=association).order_by("order")


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
    organisations = members(agenda.association) if member_list is None else member_list
    by_member = {o.pk: PlanRow(label=o.display_name, organisation=o) for o in organisations}
    by_portfolio: dict[int | None, PlanRow] = {
        p.pk: PlanRow(label=p.name, portfolio=p) for p in _portfolios(agenda.association)
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
    for row in _realised(year, association=agenda.association):
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
    organisation: Organisation,
    year: int,
    *,
    association: Association,
    agenda: Agenda | None = None,
) -> OrganisationHours:
    """Planned hours of `organisation` in `year` for `association` by portfolio and role,
    with realised quarters (of `agenda`, default the association's current one).

    The last portfolio row (no portfolio) carries the role hours of Table 2.2.
    """
    agenda = agenda or current_agenda(association)
    commitments = staff_commitments(agenda=agenda, year=year) if agenda is not None else []
    mine = [c for c in commitments if c.organisation_id == organisation.pk]
    rows: dict[int | None, PlanRow] = {
        p.pk: PlanRow(label=p.name, portfolio=p) for p in _portfolios(association)
    }
    rows[None] = _roles_row()
    total = PlanRow(label=_("Totaal"), organisation=organisation)
    roles: dict[tuple[str, str], int] = defaultdict(int)
    for commitment in mine:
        rows[commitment.portfolio_id].planned += commitment.hours_per_year
        total.planned += commitment.hours_per_year
        if commitment.kind != CommitmentKind.PORTFOLIO:
            label = str(CommitmentKind(commitment.kind).label)
            roles[(commitment.kind, label)] += commitment.hours_per_year
    for row in _realised(year, association=association, organisation=organisation):
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
