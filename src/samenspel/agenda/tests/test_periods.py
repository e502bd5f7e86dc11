"""Dutch time expressions become date ranges: every expression from the document, and properties."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenspel.agenda.periods import MONTHS, Period, parse_period

D = date

# Every expression that occurs in the policy document, in the order of the source list.
DOCUMENT_EXPRESSIONS = (
    "1e helft 2023",
    "2021-2024",
    "2022-2024",
    "2022-2025",
    "2022-2026",
    "2023",
    "2023-2024",
    "2023-2027",
    "2024-2025",
    "2024-2027",
    "2025",
    "Begin 2023",
    "Eind 2023",
    "Eind Q2 2023",
    "Eind Q4 2023",
    "In 2023",
    "In 2023-2024",
    "In 2025",
    "Per 2023",
    "Q1 2023",
    "Q1/2 2023",
    "Q1/Q2 2023",
    "Q2 2023",
    "Q3 2023",
    "Start 1-1-2024",
    "Start in 2023",
    "Vanaf 2023",
    "begin 2023",
    "bij aantreden van een nieuw college van GS",
    "eens per jaar",
    "eind 2023",
    "einde van het tweede kwartaal van 2023",
    "ieder kwartaal",
    "in 2023",
    "in 2025-2026",
    "jaarlijks",
    "mei 2023",
    "najaar van 2023",
    "per 2025",
    "t/m 2024",
    "tot en met 2023",
    "tweede helft 2025",
    "tweede helft van 2023",
    "vanaf 2023",
    "vóór 15 oktober 2023",
    "winter van 2023/2024",
)

# expression: (start, end, recurring, open_ended)
EXPECTED: dict[str, tuple[date | None, date | None, str, bool]] = {
    # The document.
    "1e helft 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "2021-2024": (D(2021, 1, 1), D(2024, 12, 31), "", False),
    "2022-2024": (D(2022, 1, 1), D(2024, 12, 31), "", False),
    "2022-2025": (D(2022, 1, 1), D(2025, 12, 31), "", False),
    "2022-2026": (D(2022, 1, 1), D(2026, 12, 31), "", False),
    "2023": (D(2023, 1, 1), D(2023, 12, 31), "", False),
    "2023-2024": (D(2023, 1, 1), D(2024, 12, 31), "", False),
    "2023-2027": (D(2023, 1, 1), D(2027, 12, 31), "", False),
    "2024-2025": (D(2024, 1, 1), D(2025, 12, 31), "", False),
    "2024-2027": (D(2024, 1, 1), D(2027, 12, 31), "", False),
    "2025": (D(2025, 1, 1), D(2025, 12, 31), "", False),
    "Begin 2023": (D(2023, 1, 1), D(2023, 2, 28), "", False),
    "Eind 2023": (D(2023, 12, 1), D(2023, 12, 31), "", False),
    "Eind Q2 2023": (D(2023, 6, 1), D(2023, 6, 30), "", False),
    "Eind Q4 2023": (D(2023, 12, 1), D(2023, 12, 31), "", False),
    "In 2023": (D(2023, 1, 1), D(2023, 12, 31), "", False),
    "In 2023-2024": (D(2023, 1, 1), D(2024, 12, 31), "", False),
    "In 2025": (D(2025, 1, 1), D(2025, 12, 31), "", False),
    "Per 2023": (D(2023, 1, 1), None, "", True),
    "Q1 2023": (D(2023, 1, 1), D(2023, 3, 31), "", False),
    "Q1/2 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "Q1/Q2 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "Q2 2023": (D(2023, 4, 1), D(2023, 6, 30), "", False),
    "Q3 2023": (D(2023, 7, 1), D(2023, 9, 30), "", False),
    "Start 1-1-2024": (D(2024, 1, 1), D(2024, 1, 1), "", False),
    "Start in 2023": (D(2023, 1, 1), D(2023, 12, 31), "", False),
    "Vanaf 2023": (D(2023, 1, 1), None, "", True),
    "begin 2023": (D(2023, 1, 1), D(2023, 2, 28), "", False),
    "bij aantreden van een nieuw college van GS": (None, None, "", False),
    "eens per jaar": (None, None, "yearly", False),
    "eind 2023": (D(2023, 12, 1), D(2023, 12, 31), "", False),
    "einde van het tweede kwartaal van 2023": (D(2023, 6, 1), D(2023, 6, 30), "", False),
    "ieder kwartaal": (None, None, "quarterly", False),
    "in 2023": (D(2023, 1, 1), D(2023, 12, 31), "", False),
    "in 2025-2026": (D(2025, 1, 1), D(2026, 12, 31), "", False),
    "jaarlijks": (None, None, "yearly", False),
    "mei 2023": (D(2023, 5, 1), D(2023, 5, 31), "", False),
    "najaar van 2023": (D(2023, 9, 1), D(2023, 11, 30), "", False),
    "per 2025": (D(2025, 1, 1), None, "", True),
    "t/m 2024": (None, D(2024, 12, 31), "", False),
    "tot en met 2023": (None, D(2023, 12, 31), "", False),
    "tweede helft 2025": (D(2025, 7, 1), D(2025, 12, 31), "", False),
    "tweede helft van 2023": (D(2023, 7, 1), D(2023, 12, 31), "", False),
    "vanaf 2023": (D(2023, 1, 1), None, "", True),
    "vóór 15 oktober 2023": (None, D(2023, 10, 15), "", False),
    "winter van 2023/2024": (D(2023, 12, 1), D(2024, 2, 29), "", False),
    # Further forms named in the brief.
    "schooljaar 2022-2023": (D(2022, 8, 1), D(2023, 7, 31), "", False),
    "Q4 2023": (D(2023, 10, 1), D(2023, 12, 31), "", False),
    "eind Q2 2023": (D(2023, 6, 1), D(2023, 6, 30), "", False),
    "einde 2023": (D(2023, 12, 1), D(2023, 12, 31), "", False),
    "Begin 2024": (D(2024, 1, 1), D(2024, 2, 29), "", False),
    "voorjaar 2024": (D(2024, 3, 1), D(2024, 5, 31), "", False),
    "zomer 2024": (D(2024, 6, 1), D(2024, 8, 31), "", False),
    "najaar 2023": (D(2023, 9, 1), D(2023, 11, 30), "", False),
    "eerste helft 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "1 ^e helft 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "2e helft 2023": (D(2023, 7, 1), D(2023, 12, 31), "", False),
    "januari 2024": (D(2024, 1, 1), D(2024, 1, 31), "", False),
    "februari 2024": (D(2024, 2, 1), D(2024, 2, 29), "", False),
    "december 2023": (D(2023, 12, 1), D(2023, 12, 31), "", False),
    "1-1-2024": (D(2024, 1, 1), D(2024, 1, 1), "", False),
    "15 oktober 2023": (D(2023, 10, 15), D(2023, 10, 15), "", False),
    "voor 15 oktober 2023": (None, D(2023, 10, 15), "", False),
    "elk kwartaal": (None, None, "quarterly", False),
    # Tolerated variations.
    "  IN   2023 ": (D(2023, 1, 1), D(2023, 12, 31), "", False),
    "Q2 2023.": (D(2023, 4, 1), D(2023, 6, 30), "", False),
    "2023 \u2013 2024": (D(2023, 1, 1), D(2024, 12, 31), "", False),
    "2023/2024": (D(2023, 1, 1), D(2024, 12, 31), "", False),
    "Q1-Q2 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "Q3/Q4 2023": (D(2023, 7, 1), D(2023, 12, 31), "", False),
    "derde kwartaal 2023": (D(2023, 7, 1), D(2023, 9, 30), "", False),
    "eind 4e kwartaal 2023": (D(2023, 12, 1), D(2023, 12, 31), "", False),
    "2 de helft 2023": (D(2023, 7, 1), D(2023, 12, 31), "", False),
    "1\u1d49 helft 2023": (D(2023, 1, 1), D(2023, 6, 30), "", False),
    "in het voorjaar van 2024": (D(2024, 3, 1), D(2024, 5, 31), "", False),
    "in de zomer van 2024": (D(2024, 6, 1), D(2024, 8, 31), "", False),
    "okt 2023": (D(2023, 10, 1), D(2023, 10, 31), "", False),
    "1/10/2023": (D(2023, 10, 1), D(2023, 10, 1), "", False),
    "VANAF Q3 2023": (D(2023, 7, 1), None, "", True),
    "per 1-1-2025": (D(2025, 1, 1), None, "", True),
    "t/m Q2 2024": (None, D(2024, 6, 30), "", False),
    "uiterlijk eind 2023": (None, D(2023, 12, 31), "", False),
    "per kwartaal": (None, None, "quarterly", False),
    "elk jaar": (None, None, "yearly", False),
    # No dates: unknown, ambiguous or impossible.
    "nader te bepalen": (None, None, "", False),
    "winter 2023": (None, None, "", False),
    "schooljaar 2022-2024": (None, None, "", False),
    "2024-2023": (None, None, "", False),
    "Q2/Q1 2023": (None, None, "", False),
    "31-2-2023": (None, None, "", False),
    "30 februari 2024": (None, None, "", False),
    "0000": (None, None, "", False),
    "Q5 2023": (None, None, "", False),
    "medio 2023": (None, None, "", False),
    "2023 en verder": (None, None, "", False),
    "van": (None, None, "", False),
}


def test_every_document_expression_has_an_expected_result():
    assert len(DOCUMENT_EXPRESSIONS) == 46
    assert set(DOCUMENT_EXPRESSIONS) <= set(EXPECTED)


@pytest.mark.parametrize("text", list(EXPECTED))
def test_expression(text):
    start, end, recurring, open_ended = EXPECTED[text]
    assert parse_period(text) == Period(text, start, end, recurring, open_ended)


@pytest.mark.parametrize("text", [None, "", "   ", "\n\t"])
def test_nothing_gives_none(text):
    assert parse_period(text) is None


def test_period_is_frozen():
    period = parse_period("2023")
    with pytest.raises(AttributeError):
        period.start = None  # type: ignore[misc]


# --- Properties -------------------------------------------------------------------------

YEARS = st.integers(min_value=2000, max_value=2100)
QUARTERS = st.integers(min_value=1, max_value=4)
QUARTER_WORDS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde"}

# Each family turns a year into an expression; ranges span the year and the next.
FAMILIES = {
    "year": "{y}",
    "in year": "In {y}",
    "start in year": "Start in {y}",
    "years": "{y}-{z}",
    "years slash": "{y}/{z}",
    "school year": "schooljaar {y}-{z}",
    "winter": "winter van {y}/{z}",
    "quarter": "Q{q} {y}",
    "quarters": "Q1/Q{q} {y}",
    "quarters short": "Q1/{q} {y}",
    "end of quarter": "Eind Q{q} {y}",
    "end of quarter in words": "einde van het {qw} kwartaal van {y}",
    "begin": "Begin {y}",
    "end": "eind {y}",
    "voorjaar": "voorjaar {y}",
    "zomer": "zomer {y}",
    "najaar": "najaar van {y}",
    "first half": "1e helft {y}",
    "second half": "tweede helft van {y}",
    "month": "{m} {y}",
    "date": "Start {q}-{q}-{y}",
    "written date": "{q} {m} {y}",
}


def _expression(family: str, year: int, quarter: int, month: str) -> str:
    return FAMILIES[family].format(
        y=year, z=year + 1, q=quarter, qw=QUARTER_WORDS[quarter], m=month
    )


@given(st.sampled_from(sorted(FAMILIES)), YEARS, QUARTERS, st.sampled_from(sorted(MONTHS)))
def test_every_family_gives_a_range_that_runs_forward(family, year, quarter, month):
    text = _expression(family, year, quarter, month)
    period = parse_period(text)
    assert period is not None
    assert period.text == text
    assert period.start is not None and period.end is not None
    assert period.start <= period.end
    assert date(year, 1, 1) <= period.start <= date(year + 1, 12, 31)


@given(st.sampled_from(sorted(FAMILIES)), YEARS, QUARTERS, st.sampled_from(sorted(MONTHS)))
def test_vanaf_and_tm_take_the_first_and_last_day(family, year, quarter, month):
    text = _expression(family, year, quarter, month).removeprefix("Start ")
    plain = parse_period(text)
    assert parse_period(f"vanaf {text}") == Period(f"vanaf {text}", plain.start, None, "", True)
    assert parse_period(f"Per {text}") == Period(f"Per {text}", plain.start, None, "", True)
    assert parse_period(f"t/m {text}") == Period(f"t/m {text}", None, plain.end)
    assert parse_period(f"vóór {text}") == Period(f"vóór {text}", None, plain.end)


@given(YEARS, st.integers(min_value=1, max_value=3))
def test_a_quarter_ends_the_day_before_the_next_one_starts(year, quarter):
    this = parse_period(f"Q{quarter} {year}")
    following = parse_period(f"Q{quarter + 1} {year}")
    assert this.end < following.start
    assert this.end + timedelta(days=1) == following.start


@given(YEARS)
def test_the_fourth_quarter_ends_the_day_before_the_next_year(year):
    assert (
        parse_period(f"Q4 {year}").end + timedelta(days=1) == parse_period(f"Q1 {year + 1}").start
    )


@given(YEARS, QUARTERS)
def test_end_of_a_quarter_lies_within_that_quarter(year, quarter):
    whole = parse_period(f"Q{quarter} {year}")
    for text in (f"eind Q{quarter} {year}", f"einde {QUARTER_WORDS[quarter]} kwartaal {year}"):
        end = parse_period(text)
        assert whole.start <= end.start <= end.end == whole.end
        assert end.start.day == 1


@given(YEARS, QUARTERS)
def test_a_quarter_in_words_is_the_quarter(year, quarter):
    words = parse_period(f"{QUARTER_WORDS[quarter]} kwartaal van {year}")
    code = parse_period(f"Q{quarter} {year}")
    assert (words.start, words.end) == (code.start, code.end)


@given(YEARS, st.integers(min_value=0, max_value=10), QUARTERS)
def test_a_range_of_years_contains_every_quarter_in_between(first, span, quarter):
    whole = parse_period(f"{first}-{first + span}")
    for year in range(first, first + span + 1):
        part = parse_period(f"Q{quarter} {year}")
        assert whole.start <= part.start <= part.end <= whole.end


@given(YEARS)
def test_the_quarters_and_the_halves_cover_the_year_without_gaps(year):
    whole = parse_period(str(year))
    for parts in (
        [f"Q{n} {year}" for n in range(1, 5)],
        [f"1e helft {year}", f"2e helft {year}"],
        [f"{month} {year}" for month in ("januari", "februari", "maart", "april", "mei")]
        + [f"{month} {year}" for month in ("juni", "juli", "augustus", "september")]
        + [f"{month} {year}" for month in ("oktober", "november", "december")],
    ):
        periods = [parse_period(text) for text in parts]
        assert periods[0].start == whole.start
        assert periods[-1].end == whole.end
        for before, after in pairwise(periods):
            assert before.end + timedelta(days=1) == after.start


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_a_date_is_that_single_day(day):
    month = next(name for name, number in MONTHS.items() if number == day.month)
    for text in (f"{day.day}-{day.month}-{day.year}", f"{day.day} {month} {day.year}"):
        assert parse_period(text) == Period(text, day, day)
    assert parse_period(f"vóór {day.day} {month} {day.year}").end == day


@given(st.sampled_from(DOCUMENT_EXPRESSIONS), st.randoms(use_true_random=False))
def test_case_and_spacing_do_not_matter(text, random):
    changed = "  ".join(
        "".join(c.upper() if random.random() < 0.5 else c.lower() for c in word)
        for word in text.split()
    )
    expected = parse_period(text)
    assert parse_period(changed) == Period(
        changed, expected.start, expected.end, expected.recurring, expected.open_ended
    )


@given(st.text())
def test_any_text_gives_a_period_that_keeps_it(text):
    period = parse_period(text)
    if text.strip():
        assert period is not None and period.text == text
    else:
        assert period is None


VOCABULARY = """
    Q1 Q4 Q5 Q1/2 Q1/Q2 1e 2 ^e helft eerste kwartaal eind einde begin zomer
    van het de in start vanaf per t/m tot en met vóór voor schooljaar winter
    mei okt 0 00 1 31 2023 0000 9999 2023-2024 2024-2023 2023/2024 1-1-2024
    31-2-2023 0-0-0000 29-2-2023 29-2-2024 jaarlijks . - / \u2013
"""
WORDS = st.sampled_from([*VOCABULARY.split(), "\u00a0", "\u1d49"])


@given(st.lists(WORDS, max_size=6).map(" ".join))
def test_jumbled_period_words_never_raise(text):
    period = parse_period(text)
    if period is not None and period.start and period.end:
        assert period.start <= period.end
