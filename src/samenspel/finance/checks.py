"""`samenspel checkagenda`: every stated total against what the budget lines add up to."""

from samenspel.agenda.checks import CheckResult
from samenspel.finance.selectors import stated_vs_computed
from samenspel.web.templatetags.samenspel import format_euro


def stated_totals_check(agenda) -> CheckResult:
    findings = [
        f"{c.figure.get_what_display()} {c.figure.year or '(hele looptijd)'}: het document "
        f"zegt {format_euro(c.figure.amount)}, de posten geven {format_euro(c.computed)} "
        f"({c.figure.source})"
        for c in stated_vs_computed(agenda)
        if c.differs
    ]
    return CheckResult("Genoemde bedragen tegenover de begrotingsposten", findings)
