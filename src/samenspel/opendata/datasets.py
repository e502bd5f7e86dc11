"""The datasets an association publishes, their files, and how each file is made.

One list for the page, the downloads and the catalogue (catalogus.jsonld), so the three
always name the same files. CSV follows the advice of data.overheid.nl and RFC 4180:
UTF-8 (without BOM, so every CSV reader gets the header right), a comma between fields,
a header row, dates and times in ISO 8601. Text that a spreadsheet would read as a
formula gets a single quote in front (web/exports.py, the OWASP advice).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenspel.agenda.selectors import current_agenda_or_404
from samenspel.opendata import agenda_data, meeting_data
from samenspel.organisations.models import Association
from samenspel.web.exports import plain_cell

CSV, JSON = "csv", "json"
MEDIA_TYPES = {CSV: "text/csv", JSON: "application/json"}


@dataclass(frozen=True)
class Dataset:
    key: str
    title: Promise
    description: Promise
    files: tuple[tuple[str, str], ...]  # (format, URL name)
    modified: Callable[[Association], dt.datetime | None] | None = None


DATASETS = (
    Dataset(
        "agenda",
        _("Samenwerkingsagenda"),
        _(
            "De hele openbare agenda: portefeuilles, thema's en afspraken, met per afspraak "
            "de openbare stand, de mijlpalen en de openbare voortgang. Wat /openbaar/ toont."
        ),
        ((JSON, "opendata:agenda_json"),),
        agenda_data.agenda_modified,
    ),
    Dataset(
        "afspraken",
        _("Afspraken"),
        _(
            "De afspraken van de agenda, één regel per afspraak: portefeuille, thema, "
            "openbare stand, planning, partners en mijlpalen."
        ),
        ((CSV, "opendata:afspraken_csv"), (JSON, "opendata:afspraken_json")),
        agenda_data.agenda_modified,
    ),
    Dataset(
        "besluitenlijsten",
        _("Besluitenlijsten"),
        _(
            "De besluiten uit vastgestelde besluitenlijsten van de openbare overleggen: "
            "besluitnummer, datum, overleg, onderwerp en besluit."
        ),
        ((CSV, "opendata:besluitenlijsten_csv"), (JSON, "opendata:besluitenlijsten_json")),
        meeting_data.decisions_modified,
    ),
    Dataset(
        "vergaderschema",
        _("Vergaderschema"),
        _(
            "Wanneer de openbare overleggen vergaderen: datum en tijd, overleg en status. "
            "Alle jaren."
        ),
        ((CSV, "opendata:vergaderschema_csv"), (JSON, "opendata:vergaderschema_json")),
        meeting_data.schedule_modified,
    ),
    Dataset(
        "netwerk",
        _("Netwerk"),
        _(
            "De deelnemende organisaties en de overleggen met hun zetels, als Popolo JSON "
            "(zoals Open Raadsinformatie), via de API. Zonder namen van personen."
        ),
        ((JSON, "api:netwerk"),),
    ),
)


def table(key: str, association: Association, *, absolute) -> tuple[list[str], list[dict]]:
    """The columns and rows of a tabular dataset."""
    if key == "afspraken":
        agenda = current_agenda_or_404(association)
        return agenda_data.AGREEMENT_COLUMNS, agenda_data.agreement_rows(agenda, absolute=absolute)
    if key == "besluitenlijsten":
        return meeting_data.DECISION_COLUMNS, meeting_data.decision_rows(association)
    if key == "vergaderschema":
        return meeting_data.SCHEDULE_COLUMNS, meeting_data.schedule_rows(association)
    raise KeyError(key)


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"  # machine-readable, not the "ja"/"nee" of exports
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return plain_cell(value)


def csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # comma, CRLF line ends, quoted where needed (RFC 4180)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return buffer.getvalue()
