"""One generated association's agenda: themes, agreements (with portfolios, partners and
milestones) and their progress updates 2023 up to the reference date, with history rows so
the reports as of a date see them."""

from __future__ import annotations

import datetime as dt

from samenspel.agenda.constants import AgreementKind, AssociationRole, Status, ThemeKind
from samenspel.agenda.models import (
    Agenda,
    Agreement,
    Milestone,
    PortfolioProgramme,
    ProgressUpdate,
    Theme,
)
from samenspel.demo.national import text
from samenspel.demo.national.bulk import Progress, history, insert, insert_leaf, through
from samenspel.demo.national.structure import Built
from samenspel.demo.progress import FINAL, TEXTS
from samenspel.organisations.models import Portfolio

AGREEMENTS = 245  # per association: 49 of them make the national ~12,000
PERIOD = (dt.date(2023, 1, 1), dt.date(2027, 12, 31))
THEMES_PER_PORTFOLIO = 3
ROLES = [r for r, _ in AssociationRole.choices]


def agenda_create(built: Built, on: dt.date, progress: Progress) -> Agenda:
    rng, a = built.rng, built.association
    agenda = Agenda(
        association=a,
        slug=f"{a.slug}-2023-2027",
        name=f"Samenwerkingsagenda {a.short_name} 2023-2027",
        period_start=PERIOD[0],
        period_end=PERIOD[1],
        foreword=text.long_text(rng, 2),
        summary=text.long_text(rng, 2),
        introduction=text.long_text(rng, 3),
        mission=text.paragraph(rng, 2),
        vision=text.paragraph(rng, 3),
        progress_monitoring=text.paragraph(rng, 3),
    )
    insert(Agenda, [agenda], progress)  # no signal: its one history row is dated below
    history(Agenda, [agenda], lambda _: PERIOD[0], progress)
    insert_leaf(
        PortfolioProgramme,
        [
            PortfolioProgramme(
                agenda=agenda,
                portfolio=p,
                focus=text.paragraph(rng, 2),
                description=text.long_text(rng, 2),
            )
            for p in built.portfolios
        ],
        progress,
    )
    themes: list[Theme] = []
    home: dict[str, Portfolio] = {}  # theme code -> its portfolio (none: association-wide)
    for p in built.portfolios:
        for n in range(THEMES_PER_PORTFOLIO):
            kind = ThemeKind.PRIORITY if n == 0 else ThemeKind.ANNEX_GROUP
            themes.append(_theme(agenda, rng, len(themes), kind))
            home[themes[-1].slug] = p
    themes.append(_theme(agenda, rng, len(themes), ThemeKind.ASSOCIATION_WIDE))
    themes.append(_theme(agenda, rng, len(themes), ThemeKind.BUREAU))
    insert(Theme, themes, progress)
    through(
        Theme._meta.get_field("portfolios"),
        [(t.pk, home[t.slug].pk) for t in themes if t.slug in home],
        progress,
    )
    history(Theme, themes, lambda _: PERIOD[0], progress)
    agreements = _agreements(built, agenda, themes, home, progress)
    _milestones(built, agreements, on, progress)
    _updates(built, agreements, on, progress)
    return agenda


def _theme(agenda, rng, order, kind) -> Theme:
    name = text.title(rng).capitalize()
    theme = Theme(
        agenda=agenda,
        slug=f"thema-{order + 1:02d}",
        name=name,
        kind=kind,
        order=order,
        description=text.long_text(rng, 2),
        why=text.paragraph(rng, 3),
        what=text.paragraph(rng, 3),
        who=text.paragraph(rng, 2),
        years="2023-2027",
    )
    return theme


KIND_OF_THEME = {
    ThemeKind.PRIORITY: AgreementKind.PRIORITY,
    ThemeKind.ANNEX_GROUP: AgreementKind.EXISTING,
    ThemeKind.ASSOCIATION_WIDE: AgreementKind.ASSOCIATION_WIDE,
    ThemeKind.BUREAU: AgreementKind.BUREAU_TASK,
}


def _agreements(built, agenda, themes, home, progress) -> list[Agreement]:
    rng, munis = built.rng, built.municipalities
    agreements = []
    for n in range(AGREEMENTS):
        theme = themes[n % len(themes)]
        portfolio = home.get(theme.slug) or rng.choice(built.portfolios)
        start = PERIOD[0] + dt.timedelta(days=rng.randint(0, 900))
        end = min(PERIOD[1], start + dt.timedelta(days=rng.randint(180, 1100)))
        lead = rng.choice(munis)
        agreements.append(
            Agreement(
                agenda=agenda,
                slug=f"afspraak-{n + 1:03d}",
                title=text.title(rng),
                topic=rng.choice(text.SUBJECTS),
                description=text.long_text(rng, 3),
                portfolio=portfolio,
                theme=theme,
                kind=KIND_OF_THEME[theme.kind],
                role=rng.choice(ROLES),
                political_lead=lead,
                official_lead=lead,
                political_lead_person=built.aldermen[(lead.slug, portfolio.slug)],
                official_lead_person=built.officials[(lead.slug, portfolio.slug)],
                period_text=f"{start.year}-{end.year}",
                period_start=start,
                period_end=end,
                source="Gegenereerd (demo)",
                order=n,
            )
        )
    insert(Agreement, agreements, progress)
    shared, partners = [], []
    for agreement in agreements:
        if rng.random() < 0.08:
            other = rng.choice([p for p in built.portfolios if p.pk != agreement.portfolio_id])
            shared.append((agreement.pk, other.pk))
        if rng.random() < 0.35:
            for org in rng.sample([*built.partners, built.province], 2):
                partners.append((agreement.pk, org.pk))
    shared_rows = through(
        Agreement._meta.get_field("other_portfolios"), shared, progress, keys=True
    )
    through(Agreement._meta.get_field("partners"), partners, progress)
    rows = history(Agreement, agreements, lambda a: PERIOD[0], progress, keys=True)
    # The reports read an agreement's shared portfolios from its history's m2m rows.
    link = Agreement.history.model._meta.get_field(
        "historicalagreement_other_portfolios"
    ).related_model
    history_of = {row.id: row.history_id for row in rows}
    insert_leaf(
        link,
        [
            link(
                id=r.pk,
                history_id=history_of[r.agreement_id],
                agreement_id=r.agreement_id,
                portfolio_id=r.portfolio_id,
            )
            for r in shared_rows
        ],
        progress,
    )
    return agreements


def _milestones(built, agreements, on, progress) -> None:
    rng, milestones = built.rng, []
    for agreement in agreements:
        span = (agreement.period_end - agreement.period_start).days
        for n in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5])):
            end = agreement.period_start + dt.timedelta(days=span * (n + 1) // 5)
            reached = None
            if end < on and rng.random() < 0.8:  # the rest is overdue
                reached = end - dt.timedelta(days=rng.randint(0, 40))
            milestones.append(
                Milestone(
                    agreement=agreement,
                    title=f"{text.title(rng)} gereed",
                    when_text=f"Q{(end.month - 1) // 3 + 1} {end.year}",
                    start=agreement.period_start,
                    end=end,
                    reached_on=reached,
                    reached_is_demo=reached is not None,
                    order=n,
                    is_demo=True,
                )
            )
    insert(Milestone, milestones, progress)
    history(Milestone, milestones, lambda m: PERIOD[0], progress)


def _updates(built, agreements, on, progress) -> None:
    rng = built.rng
    authors = [built.users["bureau"], built.users["voorzitter"]]
    updates = []
    statuses, weights = [s for s, _ in FINAL], [w for _, w in FINAL]
    for agreement in agreements:
        final = rng.choices(statuses, weights=weights)[0]
        if final == Status.NOT_STARTED:
            continue
        date = agreement.period_start + dt.timedelta(days=rng.randint(10, 60))
        last = on - dt.timedelta(days=200 if rng.random() < 0.15 else rng.randint(3, 40))
        path = [Status.ON_TRACK] * rng.randint(1, 3) + [Status.AT_RISK] * (final != Status.DONE)
        status = Status.ON_TRACK
        while date <= last:
            status = path.pop(0) if path else final
            updates.append(
                ProgressUpdate(
                    agreement=agreement,
                    date=date,
                    status=status,
                    author=rng.choice(authors),
                    text=f"{rng.choice(TEXTS[status])} {text.paragraph(rng, rng.randint(1, 4))}",
                    percent=100 if status == Status.DONE else None,
                    is_internal=rng.random() < 0.1,
                    is_demo=True,
                )
            )
            if status in (Status.DONE, Status.STOPPED):
                break
            date += dt.timedelta(days=rng.randint(45, 100))
    insert(ProgressUpdate, updates, progress)
    history(ProgressUpdate, updates, lambda u: u.date, progress)
