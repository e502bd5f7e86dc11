"""The search of meetings and their documents (issue 15, point 4): Dutch full-text search
through GIN indexes on PostgreSQL, plain part-of-a-word matching on SQLite
(`meetings.search.meetings_matching`, `documents_matching`)."""

from __future__ import annotations

import pytest
from django.db import connection

from samenspel.meetings.models import AgendaDocument, Meeting
from samenspel.meetings.search import documents_matching, meetings_matching
from samenspel.meetings.tests.factories import AgendaItemFactory, MeetingFactory

POSTGRESQL = connection.vendor == "postgresql"
only_postgresql = pytest.mark.skipif(
    not POSTGRESQL, reason="Dutch stemming and the GIN index are PostgreSQL's; SQLite matches parts"
)


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory(title="Extra vergadering woningbouw")
    meeting.body.name, meeting.body.short_name = "Portefeuillehoudersoverleg Wonen", "PHO-W"
    meeting.body.save()
    item = AgendaItemFactory(meeting=meeting, title="Stand van zaken")
    AgendaDocument.objects.create(item=item, title="Notitie over de huurwoning")
    return meeting


def _meetings(terms: list[str]) -> set[str]:
    return {m.title for m in meetings_matching(Meeting.objects.all(), terms)}


def _documents(terms: list[str]) -> set[str]:
    return {d.title for d in documents_matching(AgendaDocument.objects.all(), terms)}


def test_meetings_by_title_or_body_and_documents_by_title(meeting):
    assert _meetings(["vergadering"]) == {"Extra vergadering woningbouw"}
    assert _meetings(["PHO-W", "extra"]) == {"Extra vergadering woningbouw"}  # body and title
    assert _meetings(["Portefeuillehoudersoverleg"]) == {"Extra vergadering woningbouw"}
    assert _meetings(["extra", "fietspaden"]) == set()
    assert _documents(["notitie"]) == {"Notitie over de huurwoning"}
    assert _documents(["huurwon"]) == {"Notitie over de huurwoning"}  # the start of a word


@only_postgresql
def test_dutch_words_are_found_in_other_forms(meeting):
    assert _meetings(["vergaderingen"]) == {"Extra vergadering woningbouw"}
    assert _documents(["huurwoningen"]) == {"Notitie over de huurwoning"}


@only_postgresql
def test_postgresql_searches_through_the_gin_indexes(meeting):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: make the choice visible
    plan = meetings_matching(Meeting.objects.all(), ["vergaderingen"]).explain()
    assert "Bitmap Index Scan on meeting_search_gin" in plan
    plan = documents_matching(AgendaDocument.objects.all(), ["huurwoningen"]).explain()
    assert "Bitmap Index Scan on agendadocument_search_gin" in plan
