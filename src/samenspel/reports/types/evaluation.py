"""Evaluation report: the round's judgements per portfolio and theme, with the lessons (6.2)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from samenspel.agenda.models import Agreement, Theme
from samenspel.organisations.models import Association
from samenspel.reports import selectors
from samenspel.reports.constants import VERDICT_COLOURS, Verdict
from samenspel.reports.document import BulletList, Chart, Paragraph, Report, Table, date_nl, number
from samenspel.reports.types.common import ReportUnavailable, new_report
from samenspel.web.charts import Bar, Segment

VERDICTS = list(Verdict)


def _chart(rows: list[selectors.PortfolioProgress]) -> Chart:
    bars, table_rows = [], []
    for row in rows:
        short = row.portfolio.abbreviation if row.portfolio else "Overig"
        bars.append(
            Bar(short, [Segment(str(v.label), row.count(v), VERDICT_COLOURS[v]) for v in VERDICTS])
        )
        table_rows.append(
            [row.name, *[number(row.count(v)) for v in VERDICTS], f"{row.judged} van {row.total}"]
        )
    table = Table(
        "Oordelen per portefeuille (gegevens van de grafiek)",
        ["Portefeuille", *[str(v.label) for v in VERDICTS], "Beoordeeld"],
        table_rows,
        numeric=tuple(range(1, len(VERDICTS) + 2)),
    )
    return Chart("e-verdicts", "Oordelen per portefeuille", bars, table)


def evaluation_report(*, association: Association, as_of: dt.date, **_) -> Report:
    evaluation_round = selectors.current_round(association=association, on=as_of)
    if evaluation_round is None:
        raise ReportUnavailable("Er is op deze datum nog geen evaluatieronde.")
    judgements = selectors.judgements_on(evaluation_round, as_of=as_of)
    rows = selectors.round_progress(evaluation_round, as_of=as_of)
    report = new_report(
        "evaluatie",
        evaluation_round.name,
        f"{evaluation_round.agenda.name}: oordelen per afspraak en thema, en de lessen",
        as_of,
        association,
    )
    judged, total = sum(r.judged for r in rows), sum(r.total for r in rows)
    counts = Counter(j.verdict for j in judgements)
    report.section("Samenvatting").add(
        Paragraph(
            f"Stand per {date_nl(as_of)}: {judged} van {total} afspraken en thema's beoordeeld "
            f"(een thema van meer portefeuilles telt bij elk ervan)."
        ),
        _chart(rows),
    )
    themes = {t.pk: t for t in Theme.objects.filter(pk__in=[j.theme_id for j in judgements])}
    agreements = {
        a.pk: a
        for a in Agreement.objects.filter(
            pk__in=[j.agreement_id for j in judgements]
        ).select_related("portfolio")
    }
    theme_rows = [
        [themes[j.theme_id].name, str(Verdict(j.verdict).label), j.explanation]
        for j in judgements
        if j.theme_id in themes
    ]
    report.section("Thema's").add(
        Table(
            "Oordelen per thema", ["Thema", "Oordeel", "Toelichting"], theme_rows, empty="Nog geen."
        )
    )
    per_portfolio = report.section("Afspraken per portefeuille", new_page=True)
    for row in rows:
        mine = [
            j
            for j in judgements
            if j.agreement_id in agreements
            and agreements[j.agreement_id].portfolio_id
            == (row.portfolio.pk if row.portfolio else None)
        ]
        per_portfolio.sub(row.name).add(
            Table(
                f"Oordelen: {row.name}",
                ["Afspraak", "Oordeel", "Toelichting"],
                [
                    [agreements[j.agreement_id].title, str(Verdict(j.verdict).label), j.explanation]
                    for j in mine
                ],
                empty="Nog geen oordelen.",
            )
        )
    lessons = [j.lessons for j in judgements if j.lessons.strip()]
    report.section("Lessen").add(
        BulletList(sorted(set(lessons))) if lessons else Paragraph("Nog geen lessen vastgelegd.")
    )
    report.figures = {
        "round": evaluation_round.name,
        "judged": judged,
        "total": total,
        "verdicts": {v.value: counts.get(v.value, 0) for v in VERDICTS},
        "portfolios": {r.slug: {"judged": r.judged, "total": r.total} for r in rows},
    }
    report.has_demo = evaluation_round.is_demo
    return report.finish()
