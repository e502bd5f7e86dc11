"""The search of proposals (issue 15, point 4): Dutch full-text search through a GIN index
on PostgreSQL, plain part-of-a-word matching on SQLite, one match for the proposal list
and the site search (`decisions.search.proposals_matching`)."""

from __future__ import annotations

import pytest
from django.db import connection

from samenspel.decisions.models import Proposal
from samenspel.decisions.search import proposals_matching
from samenspel.decisions.selectors import proposal_states_matching
from samenspel.decisions.tests.factories import ProposalFactory

POSTGRESQL = connection.vendor == "postgresql"
only_postgresql = pytest.mark.skipif(
    not POSTGRESQL, reason="Dutch stemming and the GIN index are PostgreSQL's; SQLite matches parts"
)


@pytest.fixture
def proposals(db):
    crisis = ProposalFactory(
        title="Crisisopvang jongeren",
        subject="Regionale afspraken over time-outplekken.",
        pho_reference="PHO-SD 2024-03",
    )
    roads = ProposalFactory(
        portfolio=crisis.portfolio, title="Onderhoud fietspaden", subject="Veilige wegen."
    )
    return crisis, roads


def _found(terms: list[str]) -> set[str]:
    return {p.title for p in proposals_matching(Proposal.objects.all(), terms)}


def test_every_term_in_the_title_subject_or_reference(proposals):
    assert _found(["crisisopvang"]) == {"Crisisopvang jongeren"}
    assert _found(["fietspaden", "wegen"]) == {"Onderhoud fietspaden"}
    assert _found(["PHO-SD", "2024-03"]) == {"Crisisopvang jongeren"}
    assert _found(["fiets"]) == {"Onderhoud fietspaden"}  # the start of a word
    assert _found(["crisisopvang", "wegen"]) == set()


def test_the_list_searches_with_the_same_match(proposals):
    crisis, _roads = proposals
    association = crisis.portfolio.association
    states = proposal_states_matching(association=association, q="time-outplekken")
    assert [s.proposal.title for s in states] == ["Crisisopvang jongeren"]
    states = proposal_states_matching(association=association, q="PHO-SD")
    assert [s.proposal.title for s in states] == ["Crisisopvang jongeren"]


@only_postgresql
def test_dutch_words_are_found_in_other_forms(proposals):
    assert _found(["afspraak"]) == {"Crisisopvang jongeren"}  # the subject says "afspraken"
    assert _found(["regionaal", "afspraak"]) == {"Crisisopvang jongeren"}  # "Regionale"


@only_postgresql
def test_postgresql_searches_through_the_gin_index(proposals):
    qs = proposals_matching(Proposal.objects.all(), ["afspraak"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: make the choice visible
    assert "Bitmap Index Scan on proposal_search_gin" in qs.explain()
