"""The agenda's part of the association's annual report (jaarverslag, 6.2).

Per portfolio what was done in the year (agreements completed, milestones reached, key
decisions) and what slipped and why (the latest progress text of delayed and at-risk
agreements); the association-wide themes; the year's budget against what was raised and
spent; hours per member. As of 31 December of the year, or an earlier date in it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenspel.agenda.constants import Status, ThemeKind
from samenspel.organisations.models import Association, Organisation
from samenspel.reports import parts
from samenspel.reports.as_of import AgendaState, AgreementState, agenda_on
from samenspel.reports.as_of_money import HoursState, MoneyState, hours_on, money_on
from samenspel.reports.document import (
    BulletList,
    Chart,
    Paragraph,
    Report,
    Section,
    Table,
    date_nl,
    euro,
    number,
)
from samenspel.reports.types.common import agenda_or_fail, new_report, portfolios
from samenspel.web.charts import Bar, Segment

SLIPPED = (Status.DELAYED, Status.AT_RISK, Status.STOPPED)


def _completed_in(agreement: AgreementState, year: int) -> dt.date | None:
    """The date it became 'done' in `year` (its first 'done' update that year), if so."""
    done = [u for u in agreement.updates if u.status == Status.DONE and u.date.year == year]
    finished = agreement.status == Status.DONE
    return min(u.date for u in done) if (done and finished) else None


def _portfolio_year(section: Section, agreements: list[AgreementState], year: int) -> dict:
    completed = [(a, _completed_in(a, year)) for a in agreements]
    completed = [(a, d) for a, d in completed if d]
    reached = [
        (a, m)
        for a in agreements
        for m in a.milestones
        if m.reached_on and m.reached_on.year == year
    ]
    slipped = [a for a in agreements if a.status in SLIPPED]
    section.add(
        Table(
            f"Afspraken afgerond in {year}",
            ["Afspraak", "Afgerond op"],
            [[a.title, date_nl(d)] for a, d in completed],
            empty="Geen afspraken afgerond.",
        ),
        Table(
            f"Mijlpalen bereikt in {year}",
            ["Bereikt op", "Mijlpaal", "Afspraak"],
            [[date_nl(m.reached_on), m.title, a.title] for a, m in reached],
            empty="Geen mijlpalen bereikt.",
        ),
        Table(
            "Wat uitliep of stopte, en waarom",
            ["Afspraak", "Status", "Toelichting (laatste voortgang)"],
            [
                [a.title, a.status_label, a.last_update.text if a.last_update else ""]
                for a in slipped
            ],
            empty="Niets uitgelopen.",
        ),
    )
    return {
        "counts": parts.counts_dict(agreements),
        "completed": len(completed),
        "reached": len(reached),
        "slipped": len(slipped),
    }


def _themes(section: Section, agenda, state: AgendaState) -> None:
    for theme in agenda.themes.filter(kind=ThemeKind.ASSOCIATION_WIDE).order_by("order"):
        sub = section.sub(theme.name)
        if theme.why:
            sub.add(Paragraph(theme.why))
        sub.add(
            parts.agreement_table(
                f"Afspraken van {theme.name}", state.in_theme(theme.pk), empty="Geen afspraken."
            )
        )


def _budget(section: Section, money: MoneyState, year: int) -> dict:
    budget = money.year(year)
    claims = money.claims_by_year.get(year)
    spent = money.supplier_payments_by_year.get(year, Decimal("0.00"))
    rows = [
        ["Begroot (tabel 1)", euro(budget.total_costs) if budget else "—"],
        ["Uit de lopende begroting", euro(budget.from_running_budget) if budget else "—"],
        ["Gefactureerd aan de leden", euro(budget.invoiced_total) if budget else "—"],
        [f"Declaraties over {year} verstuurd", euro(claims.sent if claims else 0)],
        [f"Declaraties over {year} ontvangen", euro(claims.paid if claims else 0)],
        [f"Betaald aan leveranciers in {year} (servicebureau)", euro(spent)],
    ]
    section.add(
        Table(f"Begroting {year} en wat is opgehaald en uitgegeven", ["Post", "Bedrag"], rows, (1,))
    )
    return {
        "budget": budget.total_costs if budget else None,
        "invoiced": budget.invoiced_total if budget else None,
        "raised": claims.paid if claims else Decimal("0.00"),
        "claimed": claims.sent if claims else Decimal("0.00"),
        "supplier_payments": spent,
    }


def _hours_per_member(section: Section, hours: HoursState) -> dict:
    committed, realised = hours.committed_by_organisation(), hours.realised_by_organisation()
    members = Organisation.objects.filter(pk__in=set(committed) | set(realised)).order_by("name")
    bars, rows, figures = [], [], {}
    for member in members:
        c, r = committed.get(member.pk, 0), realised.get(member.pk, Decimal(0))
        bars.append(
            Bar(
                member.display_name,
                [
                    Segment("Gerealiseerd", float(r), "#2f7d46"),
                    Segment("Nog niet gerealiseerd", float(max(Decimal(c) - r, 0)), "#8a9aa8"),
                ],
            )
        )
        rows.append([member.display_name, number(c), number(r)])
        figures[member.slug] = {"committed": c, "realised": r}
    table = Table(
        f"Uren per lid in {hours.year} (gegevens van de grafiek)",
        ["Lid", "Toegezegd", "Gerealiseerd"],
        rows,
        numeric=(1, 2),
        footer=["Totaal", number(hours.committed_total), number(hours.realised_total)],
    )
    section.add(Chart("a-hours", f"Uren per lid in {hours.year}", bars, table))
    return figures


def annual_report(*, association: Association, as_of: dt.date, **_) -> Report:
    agenda = agenda_or_fail(association)
    year = as_of.year
    state = agenda_on(agenda=agenda, as_of=as_of)
    all_portfolios = portfolios(association)
    report = new_report(
        "jaar",
        f"Jaarverslag samenwerkingsagenda {year}",
        f"{agenda.name}: wat in {year} is gedaan, wat uitliep, geld en uren",
        as_of,
        association,
    )
    summary = report.section("Samenvatting")
    per_portfolio = report.section("Per portefeuille", new_page=True)
    figures: dict = {"year": year, "portfolios": {}}
    for portfolio in all_portfolios:
        sub = per_portfolio.sub(portfolio.name)
        figures["portfolios"][portfolio.slug] = _portfolio_year(
            sub, state.in_portfolio(portfolio.pk), year
        )
        meeting_blocks, _counts = parts.meetings_blocks(
            association=association, start=dt.date(year, 1, 1), end=as_of, portfolio=portfolio
        )
        sub.add(meeting_blocks[1])  # the key decisions of its meetings
    _themes(report.section("Brede thema's", new_page=True), agenda, state)
    figures["money"] = _budget(
        report.section("Begroting en besteding"), money_on(agenda=agenda, as_of=as_of), year
    )
    hours = hours_on(agenda=agenda, as_of=as_of)
    figures["hours"] = {
        "committed": hours.committed_total,
        "realised": hours.realised_total,
        "members": _hours_per_member(report.section("Uren per lid"), hours),
    }
    figures["counts"] = parts.counts_dict(state.agreements)
    done = sum(p["completed"] for p in figures["portfolios"].values())
    reached = sum(p["reached"] for p in figures["portfolios"].values())
    summary.add(
        BulletList(
            [
                f"{number(len(state.agreements))} afspraken; {number(done)} afgerond in {year}.",
                f"{number(reached)} mijlpalen bereikt in {year}.",
                f"Begroot {euro(figures['money']['budget'])}; "
                f"ontvangen op declaraties over {year}: {euro(figures['money']['raised'])}.",
                f"Uren: {number(hours.committed_total)} toegezegd, "
                f"{number(hours.realised_total)} gerealiseerd.",
            ]
        ),
        parts.status_chart(
            state,
            all_portfolios,
            chart_id="a-status",
            title=f"Status van de afspraken, {date_nl(as_of)}",
        ),
    )
    report.figures = figures
    report.has_demo = any(u.is_demo for a in state.agreements for u in a.updates)
    return report.finish()
