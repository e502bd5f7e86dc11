"""Importing inhabitants per municipality from CBS StatLine CSV exports or a simple CSV.

Accepted:
- a simple file `code;date;inhabitants` (header optional), e.g. `GM0106;2024-01-01;69691`;
- StatLine's bulk CSV (tables 03759ned, 37230ned, 70072ned): semicolons, UTF-8 with BOM,
  region keys padded with spaces (`'GM1680    '`), periods like `2023JJ00` (1 January)
  or `2023MM01` (first of the month), the figure in a column whose name starts with
  `BevolkingOp1Januari`, `BevolkingAanHetBeginVanDePeriode` or `TotaleBevolking` (the
  `_1` suffix differs per table version, so it is matched by prefix). Other dimension
  columns (Geslacht, Leeftijd, BurgerlijkeStaat) must hold their total codes; other rows
  are passed over.

Every line is checked first; one bad line and nothing is written. Importing the same
file again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction

from samenspel.organisations.models import Identifier, InhabitantCount

MEASURES = ("BevolkingOp1Januari", "BevolkingAanHetBeginVanDePeriode", "TotaleBevolking")
REGION_COLUMNS = ("RegioS", "Regio's", "WijkenEnBuurten")
TOTAL_CODES = {"T001038", "10000", "T001019", "T009002", "T001020", "T001176"}
DIMENSIONS = ("Geslacht", "Leeftijd", "BurgerlijkeStaat", "Migratieachtergrond")
PERIOD = re.compile(r"^(?P<year>\d{4})(?P<kind>JJ|MM|KW)(?P<n>\d{2})$")


@dataclass
class PopulationLine:
    line: int
    code: str
    date: dt.date
    count: int


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


class PopulationImportError(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


def _period_date(value: str) -> dt.date:
    value = value.strip()
    match = PERIOD.match(value)
    if match:
        year, kind, n = int(match["year"]), match["kind"], int(match["n"])
        if kind == "JJ":
            return dt.date(year, 1, 1)
        if kind == "MM":
            return dt.date(year, n, 1)
        return dt.date(year, 3 * (n - 1) + 1, 1)
    return dt.date.fromisoformat(value)


def _count(value: str) -> int:
    text = value.strip().replace(" ", "")
    if "," in text:  # StatLine's decimal comma
        text = text.replace(".", "").replace(",", ".")
    number = Decimal(text)
    if number != number.to_integral_value() or number <= 0:
        raise InvalidOperation
    return int(number)


def parse(text: str) -> tuple[list[PopulationLine], list[str], int]:
    """Lines found, error messages (with line numbers) and how many rows were passed over."""
    text = text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not rows:
        return [], ["Het bestand is leeg."], 0
    header = [h.strip().strip('"') for h in rows[0]]
    measure = next((h for h in header if h.startswith(MEASURES)), None)
    if measure:
        return _parse_statline(rows, header, measure)
    start = 1 if header and header[0].lower() == "code" else 0
    lines, errors = [], []
    for number, row in enumerate(rows[start:], start=start + 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            errors.append(f"Regel {number}: verwacht 3 velden (code;datum;inwoners), {len(row)}.")
            continue
        lines.append(_line(number, row[0], row[1], row[2], errors))
    return [line for line in lines if line], errors, 0


def _line(number: int, code: str, date: str, count: str, errors: list[str]):
    code = code.strip().upper()
    try:
        when = _period_date(date)
    except ValueError:
        errors.append(f"Regel {number}: '{date.strip()}' is geen geldige datum of periode.")
        return None
    try:
        value = _count(count)
    except (InvalidOperation, ValueError):
        errors.append(f"Regel {number}: '{count.strip()}' is geen geldig aantal inwoners.")
        return None
    return PopulationLine(number, code, when, value)


def _parse_statline(rows, header, measure):
    region = next((h for h in header if h in REGION_COLUMNS), None)
    if region is None or "Perioden" not in header:
        return [], ["Regel 1: StatLine-bestand zonder kolom RegioS of Perioden."], 0
    col = {name: header.index(name) for name in header}
    lines, errors, skipped = [], [], 0
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if any(d in col and row[col[d]].strip() not in TOTAL_CODES for d in DIMENSIONS) or not row[
            col[region]
        ].strip().startswith(("GM", "PV")):
            skipped += 1
            continue
        line = _line(number, row[col[region]], row[col["Perioden"]], row[col[measure]], errors)
        if line:
            lines.append(line)
    return lines, errors, skipped


def _check(lines, codes, *, skip_unknown: bool, errors: list[str], result: ImportResult):
    """Lines whose code is known; unknown codes and duplicate dates become errors."""
    known, seen = [], {}
    for line in lines:
        if line.code not in codes:
            if skip_unknown:
                result.skipped += 1
            else:
                errors.append(f"Regel {line.line}: onbekende CBS-code '{line.code}'.")
            continue
        key = (line.code, line.date)
        if key in seen:
            errors.append(
                f"Regel {line.line}: {line.code} op {line.date} staat ook op regel {seen[key]}."
            )
        seen[key] = line.line
        known.append(line)
    return known


def _write(line: PopulationLine, organisation, *, source: str, dry_run: bool) -> str:
    existing = InhabitantCount.objects.filter(
        organisation=organisation, reference_date=line.date
    ).first()
    if existing is None:
        if not dry_run:
            InhabitantCount.objects.create(
                organisation=organisation,
                reference_date=line.date,
                count=line.count,
                source=source,
            )
        return "created"
    if existing.count == line.count:
        return "unchanged"
    if not dry_run:
        existing.count, existing.source = line.count, source
        existing.save()
    return "changed"


@transaction.atomic
def population_import(
    *, text: str, source: str, skip_unknown: bool = False, dry_run: bool = False
) -> ImportResult:
    lines, errors, skipped = parse(text)
    codes = {
        i.value.upper(): i.organisation
        for i in Identifier.objects.filter(scheme="cbs").select_related("organisation")
    }
    result = ImportResult(skipped=skipped)
    known = _check(lines, codes, skip_unknown=skip_unknown, errors=errors, result=result)
    if errors:
        raise PopulationImportError(sorted(errors, key=lambda e: int(e.split()[1].rstrip(":"))))
    for line in known:
        outcome = _write(line, codes[line.code], source=source, dry_run=dry_run)
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result
