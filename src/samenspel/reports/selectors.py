"""Reads of the reports app: the stored reports a user may see, and the evaluation round:
what is to be judged, the judgements as of a date, progress.

Judged are all agreements of the agenda, and the themes that carry goals of their own
(priority, shared, association-wide and collaboration themes). A judgement counts on a
date when it was judged on or before it (`judged_on`), as recorded then (snapshots.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from samenspel.accounts.models import User
from samenspel.accounts.permissions import owned_rows_visible_to
from samenspel.agenda.constants import ThemeKind
from samenspel.agenda.models import Agreement, Theme
from samenspel.organisations.models import Association, Portfolio
from samenspel.reports.constants import Verdict
from samenspel.reports.models import EvaluationRound, GeneratedReport, Judgement
from samenspel.reports.snapshots import snapshot

EVALUATED_THEME_KINDS = (
    ThemeKind.PRIORITY,
    ThemeKind.SHARED,
    ThemeKind.ASSOCIATION_WIDE,
    ThemeKind.COLLABORATION,
)
NO_PORTFOLIO_SLUG = "zonder-portefeuille"


def rounds_of(*, association: Association) -> QuerySet[EvaluationRound]:
    """The association's evaluation rounds (of its agendas): every round a URL names is
    looked up here, so another association's round is not found."""
    return EvaluationRound.objects.filter(agenda__association=association)


def current_round(*, association: Association, on: dt.date | None = None) -> EvaluationRound | None:
    rounds = rounds_of(association=association).order_by("-starts_on", "-pk")
    if on is not None:
        rounds = rounds.filter(starts_on__lte=on)
    return rounds.first()


def evaluated_agreements(
    evaluation_round: EvaluationRound, portfolio: Portfolio | None
) -> QuerySet[Agreement]:
    """The round's agreements of one portfolio (None: those without a portfolio)."""
    return Agreement.objects.filter(agenda=evaluation_round.agenda, portfolio=portfolio).order_by(
        "order"
    )


def evaluated_themes(
    evaluation_round: EvaluationRound, portfolio: Portfolio | None
) -> QuerySet[Theme]:
    """Themes of one portfolio; themes of no portfolio (association-wide) belong to None."""
    themes = Theme.objects.filter(
        agenda=evaluation_round.agenda, kind__in=EVALUATED_THEME_KINDS
    ).order_by("order")
    if portfolio is None:
        return themes.filter(portfolios__isnull=True)
    return themes.filter(portfolios=portfolio).distinct()


def judgements_on(evaluation_round: EvaluationRound, *, as_of: dt.date) -> list[Any]:
    """The round's judgements (historical rows) made on or before `as_of`, as recorded then."""
    rows = snapshot(Judgement, as_of=as_of, round_id=evaluation_round.pk)
    return [row for row in rows.values() if row.judged_on <= as_of]


@dataclass
class PortfolioProgress:
    portfolio: Portfolio | None
    agreements: int
    themes: int
    verdicts: Counter[str] = field(default_factory=Counter)

    @property
    def slug(self) -> str:
        return self.portfolio.slug if self.portfolio else NO_PORTFOLIO_SLUG

    @property
    def name(self) -> str:
        return self.portfolio.name if self.portfolio else "Zonder portefeuille"

    @property
    def total(self) -> int:
        return self.agreements + self.themes

    @property
    def judged(self) -> int:
        return sum(self.verdicts.values())

    @property
    def percent(self) -> int:
        return round(100 * self.judged / self.total) if self.total else 100

    def count(self, verdict: str) -> int:
        return self.verdicts.get(verdict, 0)


def round_progress(evaluation_round: EvaluationRound, *, as_of: dt.date) -> list[PortfolioProgress]:
    """Per portfolio (and one row without): how many items, how many judged, which verdicts."""
    agreements = list(
        Agreement.objects.filter(agenda=evaluation_round.agenda).values_list("pk", "portfolio_id")
    )
    portfolio_of = dict(agreements)
    themes = Theme.objects.filter(agenda=evaluation_round.agenda, kind__in=EVALUATED_THEME_KINDS)
    theme_portfolios: dict[int, list[int | None]] = {
        t.pk: [p.pk for p in t.portfolios.all()] for t in themes.prefetch_related("portfolios")
    }
    rows: dict[int | None, PortfolioProgress] = {None: PortfolioProgress(None, 0, 0)}
    portfolios = Portfolio.objects.filter(association_id=evaluation_round.agenda.association_id)
    for portfolio in portfolios.order_by("order"):
        rows[portfolio.pk] = PortfolioProgress(portfolio, 0, 0)
    for _pk, portfolio_id in agreements:
        rows[portfolio_id].agreements += 1
    for portfolio_ids in theme_portfolios.values():
        for owner in portfolio_ids or [None]:
            rows[owner].themes += 1
    for judgement in judgements_on(evaluation_round, as_of=as_of):
        if judgement.agreement_id:
            rows[portfolio_of.get(judgement.agreement_id)].verdicts[judgement.verdict] += 1
        else:
            for owner in theme_portfolios.get(judgement.theme_id) or [None]:
                rows[owner].verdicts[judgement.verdict] += 1
    return [*(r for k, r in rows.items() if k is not None), rows[None]]


VERDICT_ORDER = list(Verdict)


def visible_reports(user: User, *, association: Association) -> QuerySet[GeneratedReport]:
    """The association's stored reports this user may download: member reports only of
    their own members."""
    reports = GeneratedReport.objects.filter(association=association).select_related(
        "created_by", "portfolio", "organisation"
    )
    return owned_rows_visible_to(user, reports, shared=True)
