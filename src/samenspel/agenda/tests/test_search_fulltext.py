"""The search of agreements (issue 15, point 4): Dutch full-text search through a GIN index
on PostgreSQL, plain part-of-a-word matching on SQLite, one match for the list's filter and
the site search (`agenda.selectors.agreements_matching`)."""

from __future__ import annotations

import pytest
from django.db import connection

from samenspel.agenda import selectors
from samenspel.agenda.models import Agreement
from samenspel.agenda.tests.factories import AgreementFactory, ThemeFactory
from samenspel.core.fulltext import by_rank

POSTGRESQL = connection.vendor == "postgresql"
only_postgresql = pytest.mark.skipif(
    not POSTGRESQL, reason="Dutch stemming and the GIN index are PostgreSQL's; SQLite matches parts"
)
only_sqlite = pytest.mark.skipif(POSTGRESQL, reason="the plain match is SQLite's")


@pytest.fixture
def agreements(db):
    meeting = AgreementFactory(
        slug="overleg",
        title="Regionaal overleg jeugd",
        description="Eén vergadering per kwartaal met de wethouders.",
        theme=ThemeFactory(name="Duurzame mobiliteit"),
    )
    housing = AgreementFactory(
        slug="wonen",
        title="Woningen voor statushouders",
        topic="huisvesting",
        description="Afspraken over de verdeling.",
        agenda=meeting.agenda,
        theme=ThemeFactory(agenda=meeting.agenda, name="Wonen en leefomgeving"),
    )
    return meeting, housing


def _found(terms: list[str]) -> set[str]:
    return {a.slug for a in selectors.agreements_matching(Agreement.objects.all(), terms)}


def test_every_term_in_one_of_title_description_topic_or_theme(agreements):
    assert _found(["vergadering"]) == {"overleg"}  # description
    assert _found(["huisvesting"]) == {"wonen"}  # topic
    assert _found(["mobiliteit"]) == {"overleg"}  # the theme's name
    assert _found(["jeugd", "mobiliteit"]) == {"overleg"}  # title and theme together
    assert _found(["jeugd", "huisvesting"]) == set()  # every term has to match
    assert _found(["verga"]) == {"overleg"}  # the start of a word, as typed
    assert _found(["en"]) == {"wonen"}  # a stop word: matched as plain text ("Woningen")
    assert _found(["j"]) == {"overleg"}  # one letter: plain text as well ("jeugd")


def test_the_list_filter_is_the_same_match(agreements):
    listed = selectors.agreements_filter(Agreement.objects.all(), q="jeugd mobiliteit")
    assert [a.slug for a in listed] == ["overleg"]


@only_postgresql
def test_dutch_words_are_found_in_other_forms(agreements):
    assert _found(["vergaderingen"]) == {"overleg"}  # the text says "vergadering"
    assert _found(["afspraak"]) == {"wonen"}  # the text says "Afspraken"
    assert _found(["woning", "statushouder"]) == {"wonen"}


@only_sqlite
def test_sqlite_matches_parts_of_words_only(agreements):
    assert _found(["vergaderingen"]) == set()
    assert _found(["ergader"]) == {"overleg"}  # inside a word, not only at its start


@only_postgresql
def test_the_best_match_comes_first(agreements):
    meeting, _housing = agreements
    AgreementFactory(
        slug="meer-overleg",
        title="Overleg over overleg",
        description="Overleg met alle partners.",
        agenda=meeting.agenda,
        theme=meeting.theme,
        order=meeting.order + 1,  # after "overleg" in the agenda's own order
    )
    found = selectors.agreements_matching(Agreement.objects.all(), ["overleg"])
    ranked = by_rank(found, ["overleg"], selectors.SEARCHED, "order", "pk")
    assert [a.slug for a in ranked] == ["meer-overleg", "overleg"]


@only_postgresql
def test_postgresql_searches_through_the_gin_index(agreements):
    qs = selectors.agreements_matching(Agreement.objects.all(), ["vergaderingen", "en"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: make the choice visible
    plan = qs.explain()
    assert "Bitmap Index Scan on agreement_search_gin" in plan
    # The stop word is folded into a plain match at planning, the theme joins the index scan.
    assert "agenda_agreement_theme_id" in plan
