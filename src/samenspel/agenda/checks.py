"""Consistency checks of the loaded agenda, for `samenspel checkagenda`.

Each check returns a titled list of findings; an empty list means it is clean. The
governance rules of annex 1 come from the organisations app.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from samenspel.agenda.constants import AgreementKind
from samenspel.agenda.models import Agenda, Milestone
from samenspel.organisations.governance import governance_check
from samenspel.organisations.models import Association


@dataclass
class CheckResult:
    title: str
    findings: list[str]
    summary: str = ""

    @property
    def passed(self) -> bool:
        return not self.findings


# Agreements the association itself carries out; a lead is expected for the others.
LEAD_EXPECTED = (AgreementKind.PRIORITY, AgreementKind.EXISTING, AgreementKind.ASSOCIATION_WIDE)


def missing_leads(agenda: Agenda) -> CheckResult:
    agreements = agenda.agreements.filter(
        kind__in=LEAD_EXPECTED,
        political_lead__isnull=True,
        official_lead__isnull=True,
        political_lead_person__isnull=True,
        official_lead_person__isnull=True,
    ).select_related("portfolio")
    per_portfolio = Counter(a.portfolio.abbreviation if a.portfolio else "—" for a in agreements)
    summary = ", ".join(f"{name}: {count}" for name, count in sorted(per_portfolio.items()))
    return CheckResult(
        "Afspraken zonder bestuurlijk of ambtelijk trekker",
        [f"{a.portfolio.abbreviation if a.portfolio else '—'}: {a.title}" for a in agreements],
        summary,
    )


def dates_outside_period(agenda: Agenda) -> CheckResult:
    start, end = agenda.period_start, agenda.period_end
    findings = []
    for agreement in agenda.agreements.filter(period_end__lt=start) | agenda.agreements.filter(
        period_start__gt=end
    ):
        findings.append(
            f"Afspraak '{agreement.title}': planning '{agreement.period_text}' "
            f"ligt buiten {start.year}-{end.year}."
        )
    milestones = Milestone.objects.filter(agreement__agenda=agenda).exclude(
        end__isnull=True
    ).filter(end__lt=start) | Milestone.objects.filter(agreement__agenda=agenda, start__gt=end)
    for milestone in milestones.select_related("agreement"):
        findings.append(
            f"Mijlpaal '{milestone.title}' ({milestone.when_text}) van "
            f"'{milestone.agreement.title}' ligt buiten {start.year}-{end.year}."
        )
    return CheckResult("Data buiten de looptijd van de agenda", findings)


def governance(date: dt.date, association: Association) -> CheckResult:
    findings = [
        f"{result.rule.title}: {offence}"
        for result in governance_check(date=date, association=association)
        if result.enabled
        for offence in result.offences
    ]
    return CheckResult(f"Structuurregels van bijlage 1 op {date.isoformat()}", findings)


# Apps above the agenda add their checks (finance: stated versus computed totals).
_EXTRA_CHECKS: list[Callable[[Agenda], CheckResult]] = []


def register_check(check: Callable[[Agenda], CheckResult]) -> None:
    if check not in _EXTRA_CHECKS:
        _EXTRA_CHECKS.append(check)


def agenda_checks(
    agenda: Agenda | None, *, date: dt.date, association: Association
) -> list[CheckResult]:
    results = []
    if agenda is not None:
        results += [missing_leads(agenda), dates_outside_period(agenda)]
        results += [check(agenda) for check in _EXTRA_CHECKS]
    results.append(governance(date, association))
    return results
