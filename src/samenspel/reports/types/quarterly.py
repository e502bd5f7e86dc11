"""Quarterly progress report for the circle of municipal secretaries and the board (5.1).

A one-page summary first, then per portfolio what changed this quarter, the proposals
and where each executive stands, the meetings and their decisions, money and hours.
"""

from __future__ import annotations

import datetime as dt

from samenspel.organisations.models import Association
from samenspel.reports import parts
from samenspel.reports.as_of import AgreementState, agenda_on, changes_between
from samenspel.reports.as_of_money import hours_on, money_on
from samenspel.reports.document import Paragraph, Report, Section, Table, date_nl, number
from samenspel.reports.types.common import (
    agenda_or_fail,
    before_quarter,
    new_report,
    portfolios,
    quarter_of,
)


def _portfolio_changes(section: Section, agreements: list[AgreementState], start: dt.date):
    changes = changes_between(agreements, start=start)
    counts = parts.status_counts(agreements)
    section.add(
        Paragraph(
            "Status van de afspraken: "
            + ", ".join(f"{c.label.lower()} {c.count}" for c in counts if c.count)
            + "."
            if agreements
            else "Deze portefeuille heeft geen afspraken."
        ),
        Table(
            "Afspraken met een andere status dan vorig kwartaal",
            ["Afspraak", "Was", "Is nu"],
            [
                [a.title, parts.status_label(before), a.status_label]
                for a, before, _ in changes.moved
            ],
            empty="Geen afspraken van status veranderd.",
        ),
        Table(
            "Mijlpalen bereikt dit kwartaal",
            ["Bereikt op", "Mijlpaal", "Afspraak"],
            [[date_nl(m.reached_on), m.title, a.title] for a, m in changes.reached],
            empty="Geen mijlpalen bereikt.",
        ),
        Table(
            "Mijlpalen gemist dit kwartaal",
            ["Gepland", "Mijlpaal", "Afspraak"],
            [[m.when_text, m.title, a.title] for a, m in changes.missed],
            empty="Geen mijlpalen gemist.",
        ),
        Table(
            "Afspraken nieuw over tijd",
            ["Afspraak", "Status", "Laatste voortgang"],
            [
                [a.title, a.status_label, date_nl(a.last_update.date) if a.last_update else "—"]
                for a in changes.newly_overdue
            ],
            empty="Geen afspraken nieuw over tijd.",
        ),
    )
    return changes


def quarterly_report(*, association: Association, as_of: dt.date, **_) -> Report:
    agenda = agenda_or_fail(association)
    year, quarter = quarter_of(as_of)
    start = before_quarter(as_of)
    state = agenda_on(agenda=agenda, as_of=as_of)
    all_portfolios = portfolios(association)
    report = new_report(
        "kwartaal",
        f"Voortgangsrapportage Q{quarter} {year}",
        f"{agenda.name}: voortgang voor de kring van gemeentesecretarissen en het bestuur",
        as_of,
        association,
    )
    summary = report.section("Samenvatting")
    details = report.section("Voortgang per portefeuille", new_page=True)
    figures: dict = {"portfolios": {}, "period_start": start, "as_of": as_of}
    totals = {"moved": 0, "reached": 0, "missed": 0, "newly_overdue": 0}
    for portfolio in all_portfolios:
        mine = state.in_portfolio(portfolio.pk)
        changes = _portfolio_changes(details.sub(portfolio.name), mine, start)
        figures["portfolios"][portfolio.slug] = {
            "counts": parts.counts_dict(mine),
            "moved": len(changes.moved),
            "reached": len(changes.reached),
            "missed": len(changes.missed),
            "newly_overdue": len(changes.newly_overdue),
        }
        for key in totals:
            totals[key] += figures["portfolios"][portfolio.slug][key]
    figures["counts"] = parts.counts_dict(state.agreements)
    figures["changes"] = totals

    states = parts.proposals(association=association, as_of=as_of)
    running = [s for s in states if s.is_running]
    proposals = report.section("Voorstellen en besluiten van de colleges", new_page=True)
    proposals.add(parts.proposal_table(running, caption="Lopende voorstellen"))
    for proposal_state in running:
        proposals.add(parts.proposal_decisions_table(proposal_state))
    figures["proposals_running"] = len(running)
    figures["decisions_overdue"] = sum(s.overdue_count for s in running)

    meeting_blocks, meeting_figures = parts.meetings_blocks(
        association=association, start=start + dt.timedelta(days=1), end=as_of
    )
    report.section("Overleggen en besluiten").add(*meeting_blocks)
    figures.update(meeting_figures)

    money = money_on(agenda=agenda, as_of=as_of)
    money_blocks, money_figures = parts.money_blocks(money, year=year)
    report.section("Geld").add(*money_blocks)
    figures["money"] = money_figures

    hours = hours_on(agenda=agenda, as_of=as_of)
    chart, hours_figures = parts.hours_chart(hours, all_portfolios, chart_id="q-hours")
    report.section("Uren").add(
        Paragraph(
            f"Toegezegd voor {year}: {number(hours.committed_total)} uur; gerealiseerd in de "
            f"kwartalen tot en met {date_nl(as_of)}: {number(hours.realised_total)} uur."
        ),
        chart,
    )
    figures["hours"] = {
        "committed": hours.committed_total,
        "realised": hours.realised_total,
        "portfolios": hours_figures,
    }

    _summary(summary, report, figures, state, all_portfolios)
    report.figures = figures
    report.has_demo = _has_demo(state, states)
    return report.finish()


def _summary(summary: Section, report: Report, figures: dict, state, all_portfolios) -> None:
    changes, money = figures["changes"], figures["money"]
    summary.add(
        Paragraph(
            f"Stand per {date_nl(report.as_of)}, met de veranderingen sinds "
            f"{date_nl(figures['period_start'])}."
        ),
        Table(
            "Kerncijfers",
            ["Kerncijfer", "Aantal of bedrag"],
            [
                ["Afspraken", number(len(state.agreements))],
                ["Afspraken van status veranderd dit kwartaal", number(changes["moved"])],
                ["Mijlpalen bereikt dit kwartaal", number(changes["reached"])],
                ["Mijlpalen gemist dit kwartaal", number(changes["missed"])],
                ["Afspraken nieuw over tijd", number(changes["newly_overdue"])],
                ["Lopende voorstellen", number(figures["proposals_running"])],
                ["Collegebesluiten te laat", number(figures["decisions_overdue"])],
                ["Overleggen dit kwartaal", number(figures["meetings"])],
                ["Besluiten in besluitenlijsten", number(figures["decisions"])],
                ["Declaraties openstaand", parts.euro(money["claims_outstanding"])],
                ["Uren toegezegd dit jaar", number(figures["hours"]["committed"])],
                ["Uren gerealiseerd dit jaar", number(figures["hours"]["realised"])],
            ],
            numeric=(1,),
        ),
        parts.status_chart(
            state, all_portfolios, chart_id="q-status", title="Status van de afspraken"
        ),
    )


def _has_demo(state, proposal_states) -> bool:
    return any(u.is_demo for a in state.agreements for u in a.updates) or any(
        s.proposal.is_demo for s in proposal_states
    )
