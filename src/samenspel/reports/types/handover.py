"""Handover document per portfolio for the new boards from 2026 (6.2).

Context and goals, running agreements and their state, open decisions and actions,
upcoming milestones, people and bodies, key documents, and the evaluation's lessons.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from samenspel.agenda.constants import ThemeKind
from samenspel.meetings.models import AgendaDocument
from samenspel.organisations.models import Association, Portfolio
from samenspel.reports import parts, selectors
from samenspel.reports.as_of import AgreementState, agenda_on
from samenspel.reports.as_of_money import seats_on
from samenspel.reports.constants import Verdict
from samenspel.reports.document import BulletList, Paragraph, Report, Section, Table, date_nl
from samenspel.reports.snapshots import cutoff
from samenspel.reports.types.common import agenda_or_fail, new_report


def _context(section: Section, agenda, portfolio: Portfolio) -> None:
    programme = agenda.programmes.filter(portfolio=portfolio).first()
    if programme and programme.focus:
        section.add(Paragraph(programme.focus))
    if programme and programme.description:
        section.add(Paragraph(programme.description))
    themes = agenda.themes.filter(
        portfolios=portfolio, kind__in=(ThemeKind.PRIORITY, ThemeKind.SHARED)
    ).order_by("order")
    for theme in themes:
        sub_items = [str(goal) for goal in theme.goals] or [theme.description or theme.name]
        section.add(Paragraph(f"Prioritair thema: {theme.name}"), BulletList(sub_items))
    if not section.blocks:
        section.add(Paragraph(f"De agenda {agenda.name} beschrijft deze portefeuille niet apart."))


def _running(agreements: list[AgreementState]) -> Table:
    running = [a for a in agreements if not a.is_finished]
    return Table(
        "Lopende afspraken",
        ["Afspraak", "Status", "Laatste voortgang"],
        [
            [
                a.title,
                a.status_label + (" (mijlpaal over tijd)" if a.is_overdue else ""),
                f"{date_nl(a.last_update.date)}: {a.last_update.text}" if a.last_update else "—",
            ]
            for a in running
        ],
        empty="Geen lopende afspraken.",
    )


def _people(section: Section, portfolio: Portfolio, as_of: dt.date) -> int:
    seats = [
        s
        for s in seats_on(association=portfolio.association, as_of=as_of)
        if s.post.body.portfolio_id == portfolio.pk
    ]
    rows = [
        [
            s.post.body.short_name or s.post.body.name,
            s.post.get_role_display(),
            s.post.organisation.display_name if s.post.organisation else "",
            ", ".join(s.holders) or "vacant",
        ]
        for s in seats
    ]
    section.add(
        Table("Zetels en wie ze bezetten", ["Overleg", "Rol", "Namens", "Bezet door"], rows)
    )
    return len(seats)


def _meeting_documents(portfolio: Portfolio, as_of: dt.date) -> list[list[str]]:
    """Documents of the portfolio's meetings in the year before the date (at most 30)."""
    start = timezone.make_aware(dt.datetime.combine(as_of - dt.timedelta(days=365), dt.time.min))
    documents = (
        AgendaDocument.objects.filter(
            item__meeting__body__portfolio=portfolio,
            item__meeting__starts_at__gte=start,
            item__meeting__starts_at__lt=cutoff(as_of),
            is_confidential=False,
        )
        .select_related("item__meeting__body")
        .order_by("-item__meeting__starts_at")[:30]
    )
    return [
        [
            date_nl(d.item.meeting.date),
            d.title,
            d.item.meeting.body.short_name or d.item.meeting.body.name,
        ]
        for d in documents
    ]


def _documents(agreements: list[AgreementState], states, portfolio, as_of) -> Table:
    rows = _meeting_documents(portfolio, as_of)
    rows += [
        [u.date and date_nl(u.date), a.title, u.link]
        for a in agreements
        for u in a.updates
        if u.link
    ]
    rows += [
        [date_nl(s.proposal.created_on), f"Voorstel: {s.proposal.title}", s.result_label]
        for s in states
    ]
    rows.append(["", "Samenwerkingsagenda 2023-2027 (hoofdstuk 3 en bijlage 2)", "de agenda"])
    return Table("Belangrijke stukken", ["Datum", "Stuk", "Waar"], rows)


def _lessons(
    section: Section, association: Association, portfolio: Portfolio, as_of: dt.date
) -> None:
    evaluation_round = selectors.current_round(association=association, on=as_of)
    if evaluation_round is None:
        section.add(Paragraph("Er is nog geen evaluatieronde.", muted=True))
        return
    agreement_ids = set(
        selectors.evaluated_agreements(evaluation_round, portfolio).values_list("pk", flat=True)
    )
    mine = [
        j
        for j in selectors.judgements_on(evaluation_round, as_of=as_of)
        if j.agreement_id in agreement_ids
    ]
    lessons = sorted({j.lessons for j in mine if j.lessons.strip()})
    counts = {v: sum(1 for j in mine if j.verdict == v) for v in Verdict}
    section.add(
        Paragraph(
            f"{evaluation_round.name}: "
            + ", ".join(f"{v.label.lower()} {n}" for v, n in counts.items())
            + "."
        ),
        BulletList(lessons) if lessons else Paragraph("Nog geen lessen vastgelegd.", muted=True),
    )


def handover_report(
    *, association: Association, as_of: dt.date, portfolio: Portfolio, **_
) -> Report:
    agenda = agenda_or_fail(association)
    state = agenda_on(agenda=agenda, as_of=as_of)
    mine = state.in_portfolio(portfolio.pk)
    report = new_report(
        "overdracht",
        f"Overdrachtsdocument {portfolio.name}",
        f"{agenda.name}: voor de nieuwe bestuurders vanaf 2026",
        as_of,
        association,
    )
    _context(report.section("Context en doelen"), agenda, portfolio)
    report.section("Lopende afspraken").add(
        parts.status_chart(
            state,
            [portfolio],
            chart_id="h-status",
            title="Status van de afspraken",
            unassigned=False,
        ),
        _running(mine),
    )
    states = parts.proposals(association=association, as_of=as_of, portfolio=portfolio)
    actions, action_count = parts.open_actions_table(
        association=association, as_of=as_of, portfolio=portfolio
    )
    report.section("Open besluiten en acties").add(
        parts.proposal_table([s for s in states if s.is_running], caption="Lopende voorstellen"),
        actions,
    )
    report.section("Komende mijlpalen").add(
        parts.upcoming_milestones(mine, as_of=as_of, days=366), parts.missed_milestones(mine)
    )
    seats = _people(report.section("Mensen en overlegorganen"), portfolio, as_of)
    year_ago = as_of - dt.timedelta(days=365)
    decisions = parts.meetings_blocks(
        association=association, start=year_ago, end=as_of, portfolio=portfolio
    )[0][1]
    decisions.caption = "Besluiten uit de besluitenlijsten van het afgelopen jaar"
    report.section("Belangrijke stukken").add(_documents(mine, states, portfolio, as_of), decisions)
    _lessons(report.section("Lessen uit de evaluatie"), association, portfolio, as_of)
    report.figures = {
        "portfolio": portfolio.slug,
        "counts": parts.counts_dict(mine),
        "running": sum(1 for a in mine if not a.is_finished),
        "open_actions": action_count,
        "seats": seats,
    }
    return report.finish()
