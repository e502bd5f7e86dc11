"""The report types: what each is called, what it needs and who may see it.

Adding a report type: write
`build(*, association, as_of, portfolio=None, organisation=None) -> Report`
in `types/`, and add a `ReportType` here (docs/reports.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samenspel.accounts.models import User
from samenspel.accounts.permissions import (
    can_store_report,
    can_view_member_report,
    can_view_reports,
)
from samenspel.organisations.models import Association
from samenspel.reports.document import Report
from samenspel.reports.types.annual import annual_report
from samenspel.reports.types.evaluation import evaluation_report
from samenspel.reports.types.handover import handover_report
from samenspel.reports.types.member import member_report
from samenspel.reports.types.portfolio import portfolio_report
from samenspel.reports.types.quarterly import quarterly_report


@dataclass(frozen=True)
class ReportType:
    slug: str
    label: str
    description: str
    build: Callable[..., Report]
    scope: str = ""  # "", "portfolio" or "organisation": what the report is about

    def may_view(self, user: Any, *, organisation: Any = None) -> bool:
        if self.scope == "organisation":
            return can_view_member_report(user, organisation)
        return can_view_reports(user)

    def may_store(self, user: Any, *, portfolio: Any = None, organisation: Any = None) -> bool:
        """Whether `user` may make this report as a file and store it (`can_store_report`)."""
        subject = {"scope": self.scope, "portfolio": portfolio, "organisation": organisation}
        return can_store_report(user, subject)


REPORT_TYPES: dict[str, ReportType] = {}


def register(report_type: ReportType) -> None:
    REPORT_TYPES[report_type.slug] = report_type


register(
    ReportType(
        "kwartaal",
        "Voortgangsrapportage per kwartaal",
        "Voor de kring van gemeentesecretarissen en het bestuur: samenvatting, wat veranderde "
        "per portefeuille, voorstellen, overleggen, geld en uren.",
        quarterly_report,
    )
)
register(
    ReportType(
        "jaar",
        "Jaarverslag samenwerkingsagenda",
        "Wat per portefeuille is gedaan en wat uitliep, de brede thema's, begroting en "
        "uren per lid.",
        annual_report,
    )
)
register(
    ReportType(
        "portefeuille",
        "Portefeuillerapportage",
        "Eén portefeuille voor het PHO: afspraken, mijlpalen, acties, voorstellen en uren.",
        portfolio_report,
        scope="portfolio",
    )
)
register(
    ReportType(
        "lid",
        "Ledenrapportage",
        "Wat één lid inbrengt (geld, uren, zetels) en besluit. Alleen voor het bureau en de "
        "accounthouder van dat lid.",
        member_report,
        scope="organisation",
    )
)
register(
    ReportType(
        "evaluatie",
        "Evaluatierapport",
        "De oordelen van de evaluatieronde per portefeuille en thema, met de lessen.",
        evaluation_report,
    )
)
register(
    ReportType(
        "overdracht",
        "Overdrachtsdocument",
        "Per portefeuille voor de nieuwe bestuurders: context en doelen, lopende afspraken, open "
        "besluiten en acties, mijlpalen, mensen en stukken.",
        handover_report,
        scope="portfolio",
    )
)


def demo_loaded() -> bool:
    return User.objects.filter(is_demo=True).exists()


def report_build(
    *,
    association: Association,
    kind: str,
    as_of: dt.date,
    portfolio: Any = None,
    organisation: Any = None,
) -> Report:
    """Build one report of `association` (KeyError for an unknown kind)."""
    report = REPORT_TYPES[kind].build(
        association=association, as_of=as_of, portfolio=portfolio, organisation=organisation
    )
    report.has_demo = report.has_demo or demo_loaded()
    return report
