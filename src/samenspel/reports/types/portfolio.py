"""Portfolio report for a portfolio meeting (PHO): one portfolio as of a date.

Status and agreements, upcoming and missed milestones, open actions, proposals, the
meetings of the last quarter and the hours committed.
"""

from __future__ import annotations

import datetime as dt

from samenspel.organisations.models import Association, Portfolio
from samenspel.reports import parts
from samenspel.reports.as_of import agenda_on
from samenspel.reports.as_of_money import hours_on
from samenspel.reports.document import Paragraph, Report, date_nl, number
from samenspel.reports.types.common import agenda_or_fail, before_quarter, new_report


def portfolio_report(
    *, association: Association, as_of: dt.date, portfolio: Portfolio, **_
) -> Report:
    agenda = agenda_or_fail(association)
    state = agenda_on(agenda=agenda, as_of=as_of)
    mine = state.in_portfolio(portfolio.pk)
    report = new_report(
        "portefeuille",
        f"Portefeuillerapportage {portfolio.name}",
        f"{agenda.name}: stand van de portefeuille voor het portefeuillehoudersoverleg",
        as_of,
        association,
    )
    programme = agenda.programmes.filter(portfolio=portfolio).first()
    status = report.section("Stand van zaken")
    if programme and programme.focus:
        status.add(Paragraph(programme.focus))
    status.add(
        parts.status_chart(
            state,
            [portfolio],
            chart_id="p-status",
            title=f"Status van de afspraken, {date_nl(as_of)}",
            unassigned=False,
        )
    )
    report.section("Afspraken").add(
        parts.agreement_table("Afspraken van de portefeuille", mine, empty="Geen afspraken.")
    )
    report.section("Mijlpalen").add(
        parts.upcoming_milestones(mine, as_of=as_of), parts.missed_milestones(mine)
    )
    actions, action_count = parts.open_actions_table(
        association=association, as_of=as_of, portfolio=portfolio
    )
    report.section("Openstaande acties").add(actions)
    states = parts.proposals(association=association, as_of=as_of, portfolio=portfolio)
    report.section("Voorstellen").add(parts.proposal_table(states, caption="Voorstellen"))
    start = before_quarter(as_of) + dt.timedelta(days=1)
    blocks, meeting_figures = parts.meetings_blocks(
        association=association, start=start, end=as_of, portfolio=portfolio
    )
    report.section("Overleggen dit kwartaal").add(*blocks)
    hours = hours_on(agenda=agenda, as_of=as_of)
    committed = hours.committed_to_portfolio(portfolio.pk)
    realised = hours.realised_for_portfolio(portfolio.pk)
    report.section("Uren").add(
        Paragraph(
            f"Toegezegd voor {hours.year}: {number(committed)} uur; gerealiseerd tot en met "
            f"{date_nl(as_of)}: {number(realised)} uur."
        )
    )
    report.figures = {
        "portfolio": portfolio.slug,
        "counts": parts.counts_dict(mine),
        "overdue": sum(1 for a in mine if a.is_overdue),
        "open_actions": action_count,
        "proposals": len(states),
        **meeting_figures,
        "hours": {"committed": committed, "realised": realised},
    }
    report.has_demo = any(u.is_demo for a in mine for u in a.updates)
    return report.finish()
