"""The tables of the staff pages, built once and used twice: on screen and as CSV/XLSX.

A `Table` has its columns and rows; `capacity/includes/table.html` draws it and
`table_response` exports it, so the download has exactly the columns of the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

from samenspel.capacity.models import ExternalHire
from samenspel.capacity.realised import PlannedRealised, PlanRow
from samenspel.capacity.selectors import HoursTable, MemberTotal
from samenspel.web.exports import table_response


@dataclass(frozen=True)
class Col:
    label: str
    title: str = ""
    format: str = "text"  # text | hours | euro | percent

    @property
    def numeric(self) -> bool:
        return self.format != "text"


@dataclass(frozen=True)
class Row:
    header: str
    values: list[Any]
    url: str = ""
    is_demo: bool = False


@dataclass(frozen=True)
class Table:
    key: str
    caption: str
    columns: list[Col]
    rows: list[Row]
    foot: Row | None = None
    filename: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def html_id(self) -> str:
        return "tabel-" + self.key.replace(".", "-")

    @property
    def body(self) -> list[tuple[Row, list[tuple[Col, Any]]]]:
        """Each row with its cells paired with their column, for the template."""
        return [(row, list(zip(self.columns[1:], row.values, strict=True))) for row in self.rows]

    @property
    def foot_cells(self) -> list[tuple[Col, Any]]:
        return list(zip(self.columns[1:], self.foot.values, strict=True)) if self.foot else []

    @property
    def export_columns(self) -> list[str]:
        return [c.label for c in self.columns]

    def export_rows(self) -> Iterable[list[Any]]:
        for row in [*self.rows, *([self.foot] if self.foot else [])]:
            header = f"{row.header} (demo)" if row.is_demo else row.header
            yield [header, *row.values]

    def response(self, fmt: str) -> HttpResponse:
        return table_response(
            fmt=fmt,
            filename=self.filename or f"inzet-{self.key}",
            columns=self.export_columns,
            rows=self.export_rows(),
        )


def _member_column() -> Col:
    return Col(_("Gemeente"))


def hours_table(table: HoursTable, *, key: str, caption: str) -> Table:
    """Table 2.1 or 2.2 as on paper, with a total per member and per column."""
    return Table(
        key=key,
        caption=caption,
        columns=[
            _member_column(),
            *(Col(c.label, title=c.title, format="hours") for c in table.columns),
            Col(_("Totaal"), format="hours"),
        ],
        rows=[
            Row(
                r.organisation.display_name,
                [*r.cells, r.total],
                url=r.organisation.get_absolute_url(),
            )
            for r in table.rows
        ],
        foot=Row(_("Totaal"), [*table.column_totals, table.total]),
        filename=f"inzet-tabel-{key.replace('.', '-')}-{table.year}",
    )


def member_totals_table(totals: list[MemberTotal], *, year: int) -> Table:
    with_other = any(t.other for t in totals)
    columns = [
        _member_column(),
        Col(_("Portefeuilles"), title=_("Tabel 2.1"), format="hours"),
        Col(_("Rollen"), title=_("Tabel 2.2"), format="hours"),
        *([Col(_("Tijdelijk"), format="hours")] if with_other else []),
        Col(_("Totaal"), format="hours"),
    ]

    def values(portfolios: int, roles: int, other: int, total: int) -> list[int]:
        return [portfolios, roles, *([other] if with_other else []), total]

    return Table(
        key="totaal",
        caption=_("Totale structurele inzet per gemeente, uren in %(year)s") % {"year": year},
        columns=columns,
        rows=[
            Row(
                t.organisation.display_name,
                values(t.portfolios, t.roles, t.other, t.total),
                url=t.organisation.get_absolute_url(),
            )
            for t in totals
        ],
        foot=Row(
            _("Totaal"),
            values(
                sum(t.portfolios for t in totals),
                sum(t.roles for t in totals),
                sum(t.other for t in totals),
                sum(t.total for t in totals),
            ),
        ),
        filename=f"inzet-totaal-{year}",
    )


def portfolio_chart_table(table: HoursTable) -> Table:
    """The data of the chart 'Uren per portefeuille': one row per column of Table 2.1."""
    return Table(
        key="portefeuilles",
        caption=_(
            "Uren per portefeuille in %(year)s, alle gemeenten samen (gegevens van de grafiek)"
        )
        % {"year": table.year},
        columns=[Col(_("Kolom")), Col(_("Portefeuille")), Col(_("Uren per jaar"), format="hours")],
        rows=[
            Row(c.label, [c.title, total])
            for c, total in zip(table.columns, table.column_totals, strict=True)
        ],
        foot=Row(_("Totaal"), ["", table.total]),
        filename=f"inzet-per-portefeuille-{table.year}",
    )


def _plan_columns(first: str) -> list[Col]:
    return [
        Col(first),
        Col(_("Gepland"), title=_("Geplande uren in het jaar"), format="hours"),
        *(Col(f"Q{q}", title=_("Kwartaal %(q)s") % {"q": q}, format="hours") for q in range(1, 5)),
        Col(_("Gerealiseerd"), format="hours"),
        Col(_("% van gepland"), format="percent"),
    ]


def _plan_row(row: PlanRow, url: str = "") -> Row:
    realised = row.realised if row.quarter_count else None
    return Row(
        row.label,
        [row.planned, *row.quarters, realised, row.percent if row.quarter_count else None],
        url=url,
        is_demo=row.has_demo,
    )


def realised_members_table(data: PlannedRealised, *, url_for=None) -> Table:
    return Table(
        key="realisatie",
        caption=_("Gepland en gerealiseerd per gemeente in %(year)s") % {"year": data.year},
        columns=_plan_columns(_("Gemeente")),
        rows=[
            _plan_row(r, url_for(r.organisation) if url_for and r.organisation else "")
            for r in data.members
        ],
        foot=_plan_row(data.total),
        filename=f"inzet-realisatie-{data.year}",
    )


def realised_portfolios_table(data: PlannedRealised) -> Table:
    return Table(
        key="realisatie-portefeuille",
        caption=_("Gepland en gerealiseerd per portefeuille in %(year)s") % {"year": data.year},
        columns=_plan_columns(_("Portefeuille")),
        rows=[_plan_row(r) for r in data.portfolios],
        foot=_plan_row(data.total),
        filename=f"inzet-realisatie-portefeuille-{data.year}",
    )


def organisation_quarters_table(rows: list[PlanRow], total: PlanRow, *, name: str, year: int):
    return Table(
        key="kwartalen",
        caption=_("%(name)s: gepland en gerealiseerd per portefeuille in %(year)s")
        % {"name": name, "year": year},
        columns=_plan_columns(_("Portefeuille")),
        rows=[_plan_row(r) for r in rows],
        foot=_plan_row(total),
        filename=f"inzet-{name.lower().replace(' ', '-')}-{year}",
    )


def _funders(hire: ExternalHire, member_ids: set[int]) -> str:
    funders = list(hire.funded_by.all())
    ids = {o.pk for o in funders}
    names = []
    if member_ids and member_ids <= ids:
        names.append(_("alle gemeenten"))
        funders = [o for o in funders if o.pk not in member_ids]
    names += sorted(o.display_name for o in funders)
    return ", ".join(names)


def _unit(hire: ExternalHire) -> str:
    if hire.hours is None:
        return ""
    return hire.get_hours_per_display() if hire.hours_per else _("in de periode")


def external_hires_table(hires: Iterable[ExternalHire], *, member_ids: set[int]) -> Table:
    return Table(
        key="inhuur",
        caption=_("Externe inhuur: uren, bedragen en wie betaalt"),
        columns=[
            Col(_("Inhuur")),
            Col(_("Portefeuille")),
            Col(_("Uren"), format="hours"),
            Col(_("Eenheid")),
            Col(_("Bedrag"), format="euro"),
            Col(_("Periode")),
            Col(_("Ingevuld door")),
            Col(_("Gefinancierd door")),
        ],
        rows=[
            Row(
                h.title,
                [
                    h.portfolio.name if h.portfolio else "",
                    h.hours,
                    _unit(h),
                    h.amount,
                    " ".join(filter(None, [h.frequency, h.period_text])),
                    h.provided_by.display_name if h.provided_by else "",
                    " · ".join(filter(None, [_funders(h, member_ids), h.funding_status])),
                ],
            )
            for h in hires
        ],
        filename="inzet-externe-inhuur",
    )
