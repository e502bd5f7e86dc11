"""Member report for an account holder or executive: what one member committed and decided.

Money (its invoiced contributions, claims and the shares of proposals it agreed to),
hours (committed per portfolio and realised), seats in bodies, the decisions its
executive took and those still awaited. Only the bureau and the member's account holder
may see it (accounts.permissions.can_view_member_report).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenspel.decisions.constants import AGREEING_OUTCOMES, Stage
from samenspel.decisions.costs import proposal_costs
from samenspel.decisions.selectors import not_joining
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.reports import parts
from samenspel.reports.as_of_money import hours_on, money_on, seats_on
from samenspel.reports.document import Paragraph, Report, Section, Table, date_nl, euro, number
from samenspel.reports.types.common import agenda_or_fail, new_report

ZERO = Decimal("0.00")


def _money(section: Section, organisation: Organisation, agenda, as_of: dt.date) -> dict:
    money = money_on(agenda=agenda, as_of=as_of)
    rows = []
    invoiced_total = ZERO
    for year in money.years:
        amount = year.amount_for(organisation.pk)
        if year.invoiced_on:
            invoiced_total += amount
            when = f"gefactureerd op {date_nl(year.invoiced_on)}"
        else:
            when = "nog niet gefactureerd: berekend met de verdeelsleutel van dat jaar"
        rows.append([str(year.year), euro(amount), when])
    claims = money.claims_by_organisation.get(organisation.pk)
    open_rows = [
        [date_nl(c.sent_on), c.description, euro(c.amount)]
        for c in money.open_claims
        if c.organisation_id == organisation.pk
    ]
    section.add(
        Table("Bijdrage aan de samenwerkingsagenda", ["Jaar", "Bedrag", "Stand"], rows, (1,)),
        Paragraph(
            f"Declaraties: {euro(claims.sent if claims else ZERO)} verstuurd, "
            f"{euro(claims.paid if claims else ZERO)} betaald, "
            f"{euro(claims.outstanding if claims else ZERO)} openstaand."
        ),
        Table("Openstaande declaraties", ["Verstuurd", "Omschrijving", "Bedrag"], open_rows, (2,)),
    )
    return {
        "contributions": {str(y.year): y.amount_for(organisation.pk) for y in money.years},
        "invoiced": invoiced_total,
        "claims_sent": claims.sent if claims else ZERO,
        "claims_paid": claims.paid if claims else ZERO,
        "claims_outstanding": claims.outstanding if claims else ZERO,
    }


def _hours(section: Section, organisation: Organisation, agenda, as_of: dt.date) -> dict:
    hours = hours_on(agenda=agenda, as_of=as_of)
    names = {p.pk: p.name for p in Portfolio.objects.filter(association=agenda.association)}
    keys = sorted(
        {p for (org, p) in [*hours.committed, *hours.realised] if org == organisation.pk},
        key=lambda p: (p is None, names.get(p, "")),
    )
    rows = [
        [
            names.get(p, "Rollen zonder portefeuille"),
            number(hours.committed.get((organisation.pk, p), 0)),
            number(hours.realised.get((organisation.pk, p), ZERO)),
        ]
        for p in keys
    ]
    committed = hours.committed_by_organisation().get(organisation.pk, 0)
    realised = hours.realised_by_organisation().get(organisation.pk, ZERO)
    section.add(
        Table(
            f"Uren in {hours.year}",
            ["Portefeuille", "Toegezegd per jaar", "Gerealiseerd"],
            rows,
            numeric=(1, 2),
            footer=["Totaal", number(committed), number(realised)],
            empty="Geen uren toegezegd.",
        )
    )
    return {"committed": committed, "realised": realised}


def _seats(
    section: Section, association: Association, organisation: Organisation, as_of: dt.date
) -> int:
    seats = seats_on(association=association, as_of=as_of, organisation=organisation)
    rows = [
        [s.post.body.name, s.post.get_role_display(), ", ".join(s.holders) or "vacant"]
        for s in seats
    ]
    section.add(Table("Zetels in overlegorganen", ["Overleg", "Rol", "Bezet door"], rows))
    return len(seats)


def _decisions(
    section: Section, association: Association, organisation: Organisation, as_of: dt.date
) -> dict:
    states = parts.proposals(association=association, as_of=as_of, organisation=organisation)
    taken, awaited, shares = [], [], []
    for state in states:
        mine = next(p for p in state.participants if p.organisation.pk == organisation.pk)
        if mine.decided_on:
            taken.append([state.proposal.title, str(mine.outcome_label), date_nl(mine.decided_on)])
        elif state.stage == Stage.SENT and state.is_running:
            deadline = state.proposal.decision_deadline
            awaited.append(
                [state.proposal.title, date_nl(deadline), "ja" if mine.is_overdue else ""]
            )
        if mine.outcome in AGREEING_OUTCOMES:
            # The shares as they stood on the as-of date (a coalition confirmed later
            # does not change an earlier report).
            costs = proposal_costs(state.proposal, excluded=not_joining(state))
            row = costs.row_for(organisation)
            if row is not None:
                shares.append([state.proposal.title, euro(row.total), number(row.hours_per_year)])
    section.add(
        Table("Genomen besluiten", ["Voorstel", "Besluit", "Datum"], taken, empty="Geen."),
        Table(
            "Besluiten die nog van het college worden gevraagd",
            ["Voorstel", "Besluit gevraagd vóór", "Te laat"],
            awaited,
            empty="Geen.",
        ),
        Table(
            "Toegezegd via voorstellen",
            ["Voorstel", "Bijdrage (alle jaren)", "Uren per jaar"],
            shares,
            numeric=(1, 2),
            empty="Geen.",
        ),
    )
    return {
        "taken": len(taken),
        "awaited": len(awaited),
        "shares": {title: total for title, total, _hours in shares},
    }


def member_report(
    *, association: Association, as_of: dt.date, organisation: Organisation, **_
) -> Report:
    agenda = agenda_or_fail(association)
    report = new_report(
        "lid",
        f"Ledenrapportage {organisation.display_name}",
        f"{agenda.name}: wat {organisation.name} inbrengt en besluit",
        as_of,
        association,
    )
    summary = report.section("Samenvatting")
    figures = {
        "organisation": organisation.slug,
        "money": _money(report.section("Geld"), organisation, agenda, as_of),
        "hours": _hours(report.section("Uren"), organisation, agenda, as_of),
        "seats": _seats(report.section("Zetels"), association, organisation, as_of),
        "decisions": _decisions(
            report.section("Besluiten van het college"), association, organisation, as_of
        ),
    }
    summary.add(
        Table(
            "Kerncijfers",
            ["Kerncijfer", "Aantal of bedrag"],
            [
                ["Gefactureerde bijdragen", euro(figures["money"]["invoiced"])],
                ["Openstaande declaraties", euro(figures["money"]["claims_outstanding"])],
                ["Uren toegezegd dit jaar", number(figures["hours"]["committed"])],
                ["Uren gerealiseerd dit jaar", number(figures["hours"]["realised"])],
                ["Zetels", number(figures["seats"])],
                ["Genomen besluiten", number(figures["decisions"]["taken"])],
                ["Gevraagde besluiten", number(figures["decisions"]["awaited"])],
            ],
            numeric=(1,),
        )
    )
    report.figures = figures
    report.has_demo = organisation.is_demo
    return report.finish()
