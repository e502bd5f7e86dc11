"""What every report type starts from: the agenda, the portfolios and the new Report."""

from __future__ import annotations

import datetime as dt

from samenspel.agenda.selectors import current_agenda
from samenspel.organisations.models import Association, Portfolio
from samenspel.reports.document import Report


class ReportUnavailable(Exception):
    """The report cannot be made (no agenda loaded); the message says why, in Dutch."""


def agenda_or_fail(association: Association):
    agenda = current_agenda(association)
    if agenda is None:
        raise ReportUnavailable("Er is nog geen agenda geladen. Draai 'samenspel setup'.")
    return agenda


def portfolios(association: Association) -> list[Portfolio]:
    return list(Portfolio.objects.filter(association=association).order_by("order"))


def new_report(
    kind: str, title: str, subtitle: str, as_of: dt.date, association: Association
) -> Report:
    return Report(kind, title, subtitle, as_of, association.name)


def quarter_of(date: dt.date) -> tuple[int, int]:
    return date.year, (date.month - 1) // 3 + 1


def before_quarter(date: dt.date) -> dt.date:
    """The last day of the previous quarter: changes 'this quarter' are after it."""
    start = dt.date(date.year, 3 * ((date.month - 1) // 3) + 1, 1)
    return start - dt.timedelta(days=1)
