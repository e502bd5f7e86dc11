"""Reading a national register file (CSV): the rows, and the problems in the file itself.

The columns are `slug`, `name`, `short_name`, `kind`, `cbs`, `tooi`, `inhabitants`,
`reference_date` and `source`; `name` and `kind` are required. Checking the rows against
the database and writing them is `organisations/register.py`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenspel.organisations.constants import OrganisationKind
from samenspel.organisations.models import InhabitantCount, Organisation

COLUMNS = (
    "slug",
    "name",
    "short_name",
    "kind",
    "cbs",
    "tooi",
    "inhabitants",
    "reference_date",
    "source",
)
REQUIRED_COLUMNS = ("name", "kind")

SLUG = re.compile(r"^[-a-z0-9_]+$")
CBS = re.compile(r"^[A-Z]{2}[0-9]{2,4}$")  # GM0106, PV22, WS0646
TOOI = re.compile(r"^[a-z]+[0-9]+$")  # gm0106, pv22, ws0646, mnre1034
# 69691, 69.691, 69 691 (also a non-breaking or narrow space between the groups).
COUNT = re.compile(r"^(?:[0-9]+|[0-9]{1,3}(?:[. \u00a0\u202f][0-9]{3})+)$")
DUTCH_DATE = re.compile(r"^(?P<day>[0-9]{2})-(?P<month>[0-9]{2})-(?P<year>[0-9]{4})$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _max_length(model: type[models.Model], name: str) -> int:
    field = model._meta.get_field(name)
    assert isinstance(field, models.CharField) and field.max_length is not None
    return field.max_length


# Field lengths of the models, checked before writing so a long value is a problem, not
# a database error halfway through.
MAX_LENGTH = {
    **{f: _max_length(Organisation, f) for f in ("slug", "name", "short_name")},
    "source": _max_length(InhabitantCount, "source"),
}


@dataclass
class Figure:
    reference_date: dt.date
    count: int
    source: str


@dataclass
class RegisterRow:
    """One checked row of the file; `line` is the line it starts on (the header is 1)."""

    line: int
    slug: str
    slug_given: bool
    name: str
    short_name: str | None  # None: the file has no short_name column, leave it alone
    kind: str
    cbs: str = ""
    tooi: str = ""
    figure: Figure | None = None


@dataclass
class Problem:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if not self.line:  # the file as a whole
            return self.message
        if self.column:
            return _("regel %(line)d, kolom %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("regel %(line)d: %(message)s") % {"line": self.line, "message": self.message}


def _kinds() -> dict[str, str]:
    """Every accepted spelling of a kind (value, Dutch label, label in the current
    language), lower-case, to its value."""
    kinds: dict[str, str] = {}
    for value, label in OrganisationKind.choices:
        kinds[value.lower()] = value
        kinds[str(label).lower()] = value
        with translation.override(None):  # the msgid: the Dutch label
            kinds[str(label).lower()] = value
    return kinds


def _kind_choices() -> str:
    with translation.override(None):
        return ", ".join(f"{value} ({label})" for value, label in OrganisationKind.choices)


def _delimiter(header_line: str) -> str:
    """';' or ',', whichever separates the header's columns (';' when both appear)."""
    semicolons, commas = header_line.count(";"), header_line.count(",")
    return "," if commas > semicolons else ";"


def _date(text: str) -> dt.date:
    match = DUTCH_DATE.match(text)
    if match:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    if ISO_DATE.match(text):
        return dt.date.fromisoformat(text)
    raise ValueError(text)


def register_rows_read(path: Path | str) -> tuple[list[RegisterRow], list[Problem]]:
    """The rows of a register file and the problems found in the file itself.

    Checks the header (required columns, unknown and repeated ones), each value, and
    repeated slugs and codes within the file. Whether a row fits the database is
    `register_check`'s question.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return [], [Problem(0, None, _("bestand %(path)s niet gevonden") % {"path": path})]
    except UnicodeDecodeError:
        return [], [Problem(0, None, _("het bestand is geen UTF-8-tekst"))]
    except OSError as exc:
        return [], [
            Problem(
                0,
                None,
                _("bestand %(path)s niet te lezen: %(error)s")
                % {
                    "path": path,
                    "error": exc.strerror or exc,
                },
            )
        ]
    return register_rows_parse(text)


def register_rows_parse(text: str) -> tuple[list[RegisterRow], list[Problem]]:
    """`register_rows_read` for text already read (a leading BOM is dropped)."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        return [], [Problem(1, None, _("het bestand is leeg"))]
    first_line = text.splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    header = [cell.strip().lower() for cell in next(reader)]
    problems = _header_problems(header)
    if problems:
        return [], problems

    rows: list[RegisterRow] = []
    kinds = _kinds()
    seen: dict[str, dict[str, int]] = {"slug": {}, "cbs": {}, "tooi": {}}
    previous_end = reader.line_num
    for cells in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(
                    line,
                    None,
                    _("%(found)d velden, de kopregel heeft er %(expected)d")
                    % {"found": len(cells), "expected": len(header)},
                )
            )
            continue
        values = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        row = _row(line, values, kinds, problems)
        if row is None:
            continue
        duplicates = _duplicates(row, seen)
        problems.extend(duplicates)
        if not duplicates:
            rows.append(row)
    if not rows and not problems:
        problems.append(Problem(1, None, _("het bestand heeft geen regels onder de kopregel")))
    return rows, problems


def _duplicates(row: RegisterRow, seen: dict[str, dict[str, int]]) -> list[Problem]:
    """A slug or code an earlier row of the file has (`seen`: column -> value -> line)."""
    problems = []
    for column, value in (("slug", row.slug), ("cbs", row.cbs), ("tooi", row.tooi)):
        if not value:
            continue
        if value in seen[column]:
            message = _("'%(value)s' staat ook op regel %(other)d") % {
                "value": value,
                "other": seen[column][value],
            }
            if column == "slug" and not row.slug_given:
                message += " " + _("(de code is afgeleid van de naam; vul een slug in)")
            problems.append(Problem(row.line, column, message))
        else:
            seen[column][value] = row.line
    return problems


def _header_problems(header: list[str]) -> list[Problem]:
    problems = []
    for name in REQUIRED_COLUMNS:
        if name not in header:
            problems.append(Problem(1, name, _("deze verplichte kolom ontbreekt")))
    for name in sorted(set(header)):
        if not name:
            problems.append(Problem(1, None, _("een kolom zonder naam")))
        elif name not in COLUMNS:
            problems.append(
                Problem(
                    1,
                    name,
                    _("onbekende kolom; bekend zijn: %(columns)s")
                    % {"columns": ", ".join(COLUMNS)},
                )
            )
        elif header.count(name) > 1:
            problems.append(Problem(1, name, _("deze kolom staat er meer dan eens")))
    return problems


def _row(
    line: int, values: dict[str, str], kinds: dict[str, str], problems: list[Problem]
) -> RegisterRow | None:
    """One row checked, or None when it has problems (added to `problems`)."""
    found: list[Problem] = []

    def problem(column: str, message: str) -> None:
        found.append(Problem(line, column, message))

    for column, limit in MAX_LENGTH.items():
        if len(values.get(column, "")) > limit:
            problem(column, _("langer dan %(limit)d tekens") % {"limit": limit})

    name = values.get("name", "")
    if not name:
        problem("name", _("de naam ontbreekt"))

    slug = _slug(values, problem)
    kind = _kind(values, kinds, problem)
    cbs, tooi = _codes(values, problem)

    figure = _figure(values, problem)

    if found:
        problems.extend(found)
        return None
    return RegisterRow(
        line=line,
        slug=slug,
        slug_given=bool(values.get("slug")),
        name=name,
        short_name=values.get("short_name"),
        kind=kind,
        cbs=cbs,
        tooi=tooi,
        figure=figure,
    )


def _slug(values: dict[str, str], problem: Callable[[str, str], None]) -> str:
    """The slug given, or one derived from the name."""
    slug, name = values.get("slug", ""), values.get("name", "")
    if slug:
        if not SLUG.match(slug):
            problem(
                "slug",
                _("'%(value)s' is geen geldige code (kleine letters, cijfers en streepjes)")
                % {"value": slug},
            )
        return slug
    if not name:
        return ""
    slug = slugify(name)[: MAX_LENGTH["slug"]].strip("-")
    if not slug:
        problem("slug", _("uit de naam '%(name)s' valt geen code te maken") % {"name": name})
    return slug


def _kind(
    values: dict[str, str], kinds: dict[str, str], problem: Callable[[str, str], None]
) -> str:
    text = values.get("kind", "")
    kind = kinds.get(text.lower(), "")
    if not text:
        problem("kind", _("de soort ontbreekt; kies uit: %(kinds)s") % {"kinds": _kind_choices()})
    elif not kind:
        problem(
            "kind",
            _("'%(value)s' is geen soort; kies uit: %(kinds)s")
            % {"value": text, "kinds": _kind_choices()},
        )
    return kind


def _codes(values: dict[str, str], problem: Callable[[str, str], None]) -> tuple[str, str]:
    """The CBS code (upper case) and TOOI code (lower case), each '' when not given."""
    cbs = values.get("cbs", "").upper()
    if cbs and not CBS.match(cbs):
        problem("cbs", _("'%(value)s' is geen CBS-code (zoals GM0106)") % {"value": values["cbs"]})
    tooi = values.get("tooi", "").lower()
    if tooi and not TOOI.match(tooi):
        problem(
            "tooi", _("'%(value)s' is geen TOOI-code (zoals gm0106)") % {"value": values["tooi"]}
        )
    return cbs, tooi


def _figure(values: dict[str, str], problem: Callable[[str, str], None]) -> Figure | None:
    text = values.get("inhabitants", "")
    if not text:
        return None
    count = 0
    if not COUNT.match(text):
        problem(
            "inhabitants",
            _("'%(value)s' is geen geheel aantal inwoners") % {"value": text},
        )
    else:
        count = int(re.sub(r"[^0-9]", "", text))
        if count <= 0:
            problem("inhabitants", _("het aantal inwoners moet groter zijn dan 0"))
    date_text = values.get("reference_date", "")
    reference_date = None
    if not date_text:
        problem("reference_date", _("de peildatum ontbreekt bij een inwonertal"))
    else:
        try:
            reference_date = _date(date_text)
        except ValueError:
            problem(
                "reference_date",
                _("'%(value)s' is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)") % {"value": date_text},
            )
    source = values.get("source", "")
    if not source:
        problem("source", _("de bron ontbreekt bij een inwonertal"))
    if reference_date is None or count <= 0 or not source:
        return None
    return Figure(reference_date=reference_date, count=count, source=source)
