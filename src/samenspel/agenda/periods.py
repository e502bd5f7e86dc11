"""Dutch time expressions from policy documents, parsed into a date range.

`parse_period(text)` returns a `Period` that keeps the original text and adds the dates it
names; `end` is the last day *included*. Matching ignores case, extra spaces, a trailing
full stop and the filler words "van", "het" and "de" ("einde van het tweede kwartaal van
2023" reads as "einde tweede kwartaal 2023").

Periods it understands (YYYY is a four-digit year):

==========================================  =============================================
``2023``                                    the whole year
``2022-2026``, ``2023/2024``                1 Jan of the first .. 31 Dec of the last year
``schooljaar 2022-2023``                    1 Aug 2022 .. 31 Jul 2023
``winter 2023/2024``                        1 Dec 2023 .. end of Feb 2024
``Q2 2023``, ``tweede kwartaal 2023``       that quarter (also ``2e kwartaal``)
``Q1/Q2 2023``, ``Q1/2 2023``, ``Q1-Q2``    first quarter .. last quarter
``eind Q2 2023``, ``einde 2e kwartaal``     the last month of that quarter
``begin 2023``                              January and February
``voorjaar``/``lente 2024``                 March .. May
``zomer 2024``                              June .. August
``najaar``/``herfst 2023``                  September .. November
``eind 2023``, ``einde 2023``               December
``1e helft 2023``, ``eerste helft``         January .. June (also ``1 ^e helft``)
``2e helft 2023``, ``tweede helft``         July .. December
``mei 2023``, ``okt 2023``                  that month (full names and abbreviations)
``1-1-2024``, ``15 oktober 2023``           that single day (also ``1/1/2024``)
==========================================  =============================================

Any of these may be preceded by a word that changes its meaning:

* ``in``, ``start``, ``start in``: nothing changes ("Start in 2023" is the year 2023);
* ``vanaf``, ``per``: open ended; ``start`` is the first day, ``end`` is None;
* ``t/m``, ``tot en met``, ``vóór``, ``voor``, ``uiterlijk``: a deadline; ``start`` is None
  and ``end`` is the last day of the period ("vóór 15 oktober 2023" ends on 15 October).

``jaarlijks``, ``eens per jaar``, ``elk``/``ieder jaar`` and ``per jaar`` are recurring
"yearly"; ``elk``/``ieder kwartaal``, ``eens per kwartaal`` and ``per kwartaal`` are
"quarterly". These carry no dates.

Anything else, including impossible dates such as ``31-2-2023`` and reversed ranges such as
``2024-2023``, gives a `Period` without dates. `parse_period` never raises on a string.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

RECURRING_YEARLY = "yearly"
RECURRING_QUARTERLY = "quarterly"


@dataclass(frozen=True)
class Period:
    """A time expression and the dates it names; `end` is the last day included."""

    text: str
    start: date | None
    end: date | None
    recurring: str = ""
    open_ended: bool = False


Range = tuple[date, date]

MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Parts of a year named by a word: (first month, last month).
SEASONS: dict[str, tuple[int, int]] = {
    "begin": (1, 2),
    "voorjaar": (3, 5),
    "lente": (3, 5),
    "zomer": (6, 8),
    "najaar": (9, 11),
    "herfst": (9, 11),
    "eind": (12, 12),
    "einde": (12, 12),
}

ORDINALS: dict[str, int] = {
    **{f"{n}{suffix}": n for n in range(1, 5) for suffix in ("e", "ste", "de")},
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
}

RECURRING: dict[str, str] = {
    "jaarlijks": RECURRING_YEARLY,
    "eens per jaar": RECURRING_YEARLY,
    "een keer per jaar": RECURRING_YEARLY,
    "één keer per jaar": RECURRING_YEARLY,
    "elk jaar": RECURRING_YEARLY,
    "ieder jaar": RECURRING_YEARLY,
    "per jaar": RECURRING_YEARLY,
    "elk kwartaal": RECURRING_QUARTERLY,
    "ieder kwartaal": RECURRING_QUARTERLY,
    "eens per kwartaal": RECURRING_QUARTERLY,
    "per kwartaal": RECURRING_QUARTERLY,
}

OPEN_ENDED_WORDS = frozenset({"vanaf", "per"})
DEADLINE_WORDS = frozenset({"t/m", "tot en met", "vóór", "voor", "uiterlijk"})

_YEAR = r"(?P<year>\d{4})"
_YEARS = r"(?P<first>\d{4}) ?[-/] ?(?P<last>\d{4})"
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_ORDINAL = "(?P<ordinal>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
_END = r"(?:(?P<end>eind|einde) )?"
_QUARTER = rf"(?:q(?P<q>[1-4])|{_ORDINAL} kwartaal)"

_PREFIX = re.compile(
    r"(?:(?P<word>vanaf|per|t/m|tot en met|vóór|voor|uiterlijk|start) )?(?:in )?(?P<rest>.+)"
)
# En and em dashes, hyphens and the "^" of a converted superscript ("1 ^e helft").
_PUNCTUATION = str.maketrans(dict.fromkeys("\u2010\u2011\u2013\u2014", "-") | {"^": " "})
_FILLERS = re.compile(r"\b(?:van|het|de)\b")
_SPLIT_ORDINAL = re.compile(r"\b([1-4]) (e|ste|de)\b")


def _month_range(year: int, first_month: int, last_month: int) -> Range:
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, first_month, 1), date(year, last_month, last_day)


def _quarter_range(year: int, first_quarter: int, last_quarter: int) -> Range:
    return _month_range(year, 3 * first_quarter - 2, 3 * last_quarter)


def _years(match: re.Match[str]) -> Range | None:
    first, last = int(match["first"]), int(match["last"])
    if last < first:
        return None
    return date(first, 1, 1), date(last, 12, 31)


def _school_year(match: re.Match[str]) -> Range | None:
    first, last = int(match["first"]), int(match["last"])
    if last != first + 1:
        return None
    return date(first, 8, 1), date(last, 7, 31)


def _winter(match: re.Match[str]) -> Range | None:
    first, last = int(match["first"]), int(match["last"])
    if last != first + 1:
        return None
    return date(first, 12, 1), _month_range(last, 2, 2)[1]


def _year(match: re.Match[str]) -> Range:
    return _month_range(int(match["year"]), 1, 12)


def _season(match: re.Match[str]) -> Range:
    return _month_range(int(match["year"]), *SEASONS[match["season"]])


def _half(match: re.Match[str]) -> Range:
    first_month = 1 if ORDINALS[match["ordinal"]] == 1 else 7
    return _month_range(int(match["year"]), first_month, first_month + 5)


def _quarter(match: re.Match[str]) -> Range:
    number = int(match["q"]) if match["q"] else ORDINALS[match["ordinal"]]
    start, end = _quarter_range(int(match["year"]), number, number)
    if match["end"]:
        start = end.replace(day=1)
    return start, end


def _quarters(match: re.Match[str]) -> Range | None:
    first, last = int(match["first"]), int(match["last"])
    if last < first:
        return None
    return _quarter_range(int(match["year"]), first, last)


def _month(match: re.Match[str]) -> Range:
    month = MONTHS[match["month"]]
    return _month_range(int(match["year"]), month, month)


def _numeric_date(match: re.Match[str]) -> Range:
    day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    return day, day


def _written_date(match: re.Match[str]) -> Range:
    day = date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
    return day, day


# Each pattern must match the whole (normalised) expression after its prefix word.
PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Range | None]]] = [
    (re.compile(_YEAR), _year),
    (re.compile(_YEARS), _years),
    (re.compile(rf"schooljaar {_YEARS}"), _school_year),
    (re.compile(rf"winter {_YEARS}"), _winter),
    (re.compile(rf"(?P<season>{'|'.join(SEASONS)}) {_YEAR}"), _season),
    (re.compile(rf"{_ORDINAL} helft {_YEAR}"), _half),
    (re.compile(rf"{_END}{_QUARTER} {_YEAR}"), _quarter),
    (re.compile(rf"q(?P<first>[1-4]) ?[-/] ?q?(?P<last>[1-4]) {_YEAR}"), _quarters),
    (re.compile(rf"{_MONTH} {_YEAR}"), _month),
    (re.compile(rf"(?P<day>\d{{1,2}})([-/])(?P<month>\d{{1,2}})\2{_YEAR}"), _numeric_date),
    (re.compile(rf"(?P<day>\d{{1,2}}) {_MONTH} {_YEAR}"), _written_date),
]


def _normalise(text: str) -> str:
    """Lower case, plain dashes and spaces, ordinals joined ("1 ^e" → "1e"), no fillers."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION).lower()
    text = " ".join(text.split()).rstrip(".")
    text = _SPLIT_ORDINAL.sub(r"\1\2", text)
    return " ".join(_FILLERS.sub(" ", text).split())


def _date_range(expression: str) -> Range | None:
    """The first and last day named by `expression` (prefix words removed), if any."""
    for pattern, build in PATTERNS:
        match = pattern.fullmatch(expression)
        if match:
            try:
                return build(match)
            except ValueError:  # an impossible date such as 31-2-2023 or year 0000
                return None
    return None


def parse_period(text: str | None) -> Period | None:
    """None for None/empty; a Period with start=end=None for text that names no date (e.g.
    'bij aantreden van een nieuw college van GS'); never raises on any string."""
    if text is None or not text.strip():
        return None
    normalised = _normalise(text)
    if normalised in RECURRING:
        return Period(text, None, None, recurring=RECURRING[normalised])
    prefix = _PREFIX.fullmatch(normalised)
    found = _date_range(prefix["rest"]) if prefix else None
    if prefix is None or found is None:
        return Period(text, None, None)
    start, end = found
    if prefix["word"] in OPEN_ENDED_WORDS:
        return Period(text, start, None, open_ended=True)
    if prefix["word"] in DEADLINE_WORDS:
        return Period(text, None, end)
    return Period(text, start, end)
