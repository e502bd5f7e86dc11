"""Every table page offers its rows as CSV and XLSX (`?format=csv|xlsx`), same columns as shown.

CSV is UTF-8 with a BOM (Excel opens it right) and semicolons, the Dutch habit; numbers
are plain (a dot for decimals), dates ISO.

Text a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
carriage return) is written as text, per the OWASP advice on CSV injection: in CSV with a
single quote in front, in XLSX as a string cell with that same quote in front, so it is
never a formula. Only text is touched: a real negative number stays a number.

Every cell goes through `plain_cell` and every header through `_header`, in both formats:
lazy translations (`gettext_lazy`, the column headers of most views) become text, aware
datetimes the local time without a zone (openpyxl refuses both; a lazy header once made
`/voorstellen/?format=xlsx` a 500, "Cannot convert 'Voorstel' to Excel").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Font

FORMATS = ("csv", "xlsx")


def export_format(request: HttpRequest) -> str | None:
    value = request.GET.get("format", "")
    return value if value in FORMATS else None


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(text: str) -> str:
    """Text that would start a formula gets a single quote in front (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_cell(value: Any) -> Any:
    """A value a spreadsheet can hold: a number, a date, a naive local time or text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, (int, float, Decimal, dt.date)):
        return value
    if isinstance(value, Promise):  # a lazy translation
        value = str(value)
    return _neutralised(str(value))


def _header(value: Any) -> str:
    """A column header: our own text, lazy or not (never neutralised, never a number)."""
    return "" if value is None else str(value)


def table_response(
    *,
    fmt: str,
    filename: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> HttpResponse:
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([_header(c) for c in columns])
        for row in rows:
            cells = (plain_cell(v) for v in row)
            writer.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in cells])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = filename[:31]
        sheet.append([_header(c) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([plain_cell(v) for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    # Never a formula, whatever openpyxl guessed from the leading "=".
                    cell.data_type = "s"
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
