"""Building blocks the report types share: status charts, proposals, meetings, money, hours.

Each function returns blocks (document.py) and, where a report wants them, the numbers
behind them for `Report.figures`. Proposals and meetings come from the decisions and
meetings apps' selectors, as of the same date.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenspel.agenda.constants import STATUS_COLOURS, STATUS_ORDER, Status
from samenspel.decisions.models import ExecutiveDecision
from samenspel.decisions.selectors import (
    ProposalState,
    proposal_states_on,
    proposals_for_states,
)
from samenspel.meetings.selectors import decisions_between, meetings_between, open_actions_on
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.reports.as_of import AgendaState, AgreementState, status_counts
from samenspel.reports.as_of_money import HoursState, MoneyState
from samenspel.reports.document import Block, Chart, Paragraph, Table, date_nl, euro, number
from samenspel.reports.snapshots import snapshot
from samenspel.web.charts import Bar, Segment

STATUS_COLUMNS = [str(s.label) for s in STATUS_ORDER]


def counts_dict(agreements: list[AgreementState]) -> dict[str, int]:
    return {c.status: c.count for c in status_counts(agreements)}


NO_PORTFOLIO = "Zonder portefeuille (bestuur, bureau, brede thema's)"


def status_chart(
    state: AgendaState,
    portfolios: list[Portfolio],
    *,
    chart_id: str,
    title: str,
    unassigned: bool = True,
) -> Chart:
    """Status of the agreements per portfolio: stacked bars plus the same numbers as a table.

    Agreements without a portfolio (board and bureau tasks, association-wide themes) get
    a row of their own (`unassigned`), so the table covers every agreement. A shared
    agreement counts with every portfolio that shares it (as on the live pages); the
    footer counts each agreement once.
    """
    groups = [(p.abbreviation, p.name, state.in_portfolio(p.pk)) for p in portfolios]
    if unassigned and state.in_portfolio(None):
        groups.append(("Overig", NO_PORTFOLIO, state.in_portfolio(None)))
    bars, rows = [], []
    for short, name, agreements in groups:
        counts = status_counts(agreements)
        bars.append(
            Bar(short, [Segment(c.label, c.count, STATUS_COLOURS[c.status]) for c in counts])
        )
        rows.append([name, *[number(c.count) for c in counts], number(len(agreements))])
    rows_counted = [a for _, _, agreements in groups for a in agreements]
    unique = {a.pk: a for a in rows_counted}
    totals = status_counts(list(unique.values()))
    table = Table(
        f"{title} (gegevens van de grafiek)",
        ["Portefeuille", *STATUS_COLUMNS, "Totaal"],
        rows,
        numeric=tuple(range(1, len(STATUS_COLUMNS) + 2)),
        # A shared agreement is in the row of each portfolio, in the total once.
        footer=[
            "Totaal (elke afspraak één keer)" if len(unique) < len(rows_counted) else "Totaal",
            *[number(c.count) for c in totals],
            number(sum(c.count for c in totals)),
        ],
    )
    return Chart(chart_id, title, bars, table)


def agreement_table(caption: str, agreements: list[AgreementState], *, empty: str) -> Table:
    rows = [
        [
            a.title,
            a.status_label + (" (mijlpaal over tijd)" if a.is_overdue else ""),
            date_nl(a.last_update.date) if a.last_update else "—",
        ]
        for a in agreements
    ]
    return Table(caption, ["Afspraak", "Status", "Laatste voortgang"], rows, empty=empty)


def upcoming_milestones(
    agreements: list[AgreementState], *, as_of: dt.date, days: int = 183
) -> Table:
    horizon = as_of + dt.timedelta(days=days)
    period = "het komende halfjaar" if days < 300 else "het komende jaar"
    rows = sorted(
        (
            (m.end, [date_nl(m.end), m.title, a.title])
            for a in agreements
            for m in a.milestones
            if m.end and as_of <= m.end <= horizon and m.reached_on is None
        ),
        key=lambda item: item[0],
    )
    return Table(
        f"Mijlpalen in {period}",
        ["Uiterlijk", "Mijlpaal", "Afspraak"],
        [row for _, row in rows],
        empty=f"Geen mijlpalen in {period}.",
    )


def missed_milestones(agreements: list[AgreementState]) -> Table:
    rows = [
        [m.when_text, m.title, a.title] for a in agreements for m in a.milestones if m.is_missed
    ]
    return Table(
        "Mijlpalen over tijd",
        ["Gepland", "Mijlpaal", "Afspraak"],
        rows,
        empty="Geen mijlpalen over tijd.",
    )


# --- proposals ---------------------------------------------------------------------------


def proposals(
    *,
    association: Association,
    as_of: dt.date,
    portfolio=None,
    organisation: Organisation | None = None,
) -> list[ProposalState]:
    """The association's proposals as they stood on `as_of`, each executive decision as it
    was recorded then (a later correction does not change the report)."""
    known = snapshot(
        ExecutiveDecision,
        as_of=as_of,
        participant__proposal__portfolio__association_id=association.pk,
    )
    return proposal_states_on(
        date=as_of,
        portfolio=portfolio,
        organisation=organisation,
        proposals=proposals_for_states(association=association),
        known=known,
    )


def proposal_table(states: list[ProposalState], *, caption: str) -> Table:
    rows = [
        [
            s.proposal.title,
            s.proposal.portfolio.abbreviation,
            str(s.stage_label),
            str(s.result_label),
            f"{s.decided_count} van {s.participant_count}",
            number(s.overdue_count),
        ]
        for s in states
    ]
    return Table(
        caption,
        ["Voorstel", "Portefeuille", "Fase", "Uitkomst", "Besloten", "Te laat"],
        rows,
        numeric=(5,),
        empty="Geen voorstellen.",
    )


def proposal_decisions_table(state: ProposalState) -> Table:
    rows = [
        [
            p.organisation.display_name,
            str(p.outcome_label) or "nog geen besluit",
            date_nl(p.decided_on) if p.decided_on else "—",
            "ja" if p.is_overdue else "",
        ]
        for p in state.participants
    ]
    return Table(
        f"Besluiten van de colleges: {state.proposal.title}",
        ["Deelnemer", "Besluit", "Datum", "Te laat"],
        rows,
        empty="Geen deelnemers.",
    )


# --- meetings ----------------------------------------------------------------------------


def meetings_blocks(
    *, association: Association, start: dt.date, end: dt.date, portfolio=None
) -> tuple[list[Block], dict]:
    window = {"association": association, "start": start, "end": end, "portfolio": portfolio}
    meetings = list(meetings_between(**window))
    decisions = list(decisions_between(**window))
    meeting_rows = [
        [date_nl(m.date), m.body.short_name or m.body.name, m.display_title] for m in meetings
    ]
    decision_rows = [
        [d.reference or "—", d.item.title, d.text[:300], date_nl(d.item.meeting.date)]
        for d in decisions
    ]
    blocks: list[Block] = [
        Table(
            f"Overleggen van {date_nl(start)} tot en met {date_nl(end)}",
            ["Datum", "Overleg", "Vergadering"],
            meeting_rows,
            empty="Geen overleggen in deze periode.",
        ),
        Table(
            "Besluiten uit de besluitenlijsten",
            ["Nummer", "Onderwerp", "Besluit", "Vergadering"],
            decision_rows,
            empty="Geen besluiten in deze periode.",
        ),
    ]
    return blocks, {"meetings": len(meetings), "decisions": len(decisions)}


def open_actions_table(
    *, association: Association, as_of: dt.date, portfolio=None
) -> tuple[Table, int]:
    actions = list(open_actions_on(association=association, date=as_of, portfolio=portfolio))
    rows = [
        [
            a.title,
            a.owner.name if a.owner else "—",
            date_nl(a.due_on) if a.due_on else "—",
            a.body.short_name or a.body.name,
        ]
        for a in actions
    ]
    table = Table(
        "Openstaande acties",
        ["Actie", "Eigenaar", "Uiterlijk", "Overleg"],
        rows,
        empty="Geen openstaande acties.",
    )
    return table, len(actions)


# --- money and hours ---------------------------------------------------------------------


def money_blocks(money: MoneyState, *, year: int) -> tuple[list[Block], dict]:
    budget = money.year(year)
    figures = {
        "budget": budget.total_costs if budget else None,
        "invoiced": budget.invoiced_total if budget else Decimal("0.00"),
        "claims_sent": money.claims.sent,
        "claims_paid": money.claims.paid,
        "claims_outstanding": money.claims.outstanding,
    }
    rows = []
    if budget:
        rows += [
            ["Kosten samenwerkingsagenda (tabel 1)", euro(budget.total_costs)],
            ["Uit de lopende begroting", euro(budget.from_running_budget)],
            ["Te verdelen over de leden", euro(budget.remaining)],
            [
                "Gefactureerd aan de leden"
                + (f" (op {date_nl(budget.invoiced_on)})" if budget.invoiced_on else ""),
                euro(budget.invoiced_total) if budget.invoiced_on else "nog niet gefactureerd",
            ],
        ]
    rows += [
        ["Declaraties verstuurd (alle jaren)", euro(money.claims.sent)],
        ["Daarvan betaald", euro(money.claims.paid)],
        ["Nog openstaand", euro(money.claims.outstanding)],
    ]
    blocks: list[Block] = [
        Table(f"Geld in {year}, stand per {date_nl(money.as_of)}", ["Post", "Bedrag"], rows, (1,))
    ]
    if not budget:
        blocks.insert(0, Paragraph(f"Voor {year} is geen begrotingsjaar vastgelegd.", muted=True))
    return blocks, figures


def hours_chart(
    hours: HoursState, portfolios: list[Portfolio], *, chart_id: str
) -> tuple[Chart, dict]:
    """Committed hours per portfolio against the hours realised so far this year."""
    bars, rows, figures = [], [], {}
    for portfolio in portfolios:
        committed = hours.committed_to_portfolio(portfolio.pk)
        realised = hours.realised_for_portfolio(portfolio.pk)
        rest = max(Decimal(committed) - realised, Decimal(0))
        bars.append(
            Bar(
                portfolio.abbreviation,
                [
                    Segment("Gerealiseerd", float(realised), "#2f7d46"),
                    Segment("Nog niet gerealiseerd", float(rest), "#8a9aa8"),
                ],
            )
        )
        rows.append([portfolio.name, number(committed), number(realised)])
        figures[portfolio.slug] = {"committed": committed, "realised": realised}
    table = Table(
        f"Uren per portefeuille in {hours.year} (gegevens van de grafiek)",
        ["Portefeuille", "Toegezegd per jaar", "Gerealiseerd"],
        rows,
        numeric=(1, 2),
    )
    title = f"Toegezegde en gerealiseerde uren per portefeuille, {hours.year}"
    return Chart(chart_id, title, bars, table), figures


def status_label(status: str) -> str:
    return str(Status(status).label)
