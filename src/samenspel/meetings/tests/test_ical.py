"""Calendar feeds: valid iCalendar, stable UIDs, rising SEQUENCE, secret person tokens."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from samenspel.meetings import services
from samenspel.meetings.constants import MeetingStatus
from samenspel.meetings.tests.factories import MeetingFactory, aware
from samenspel.organisations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def invited():
    person = PersonFactory()
    meeting = MeetingFactory(starts_at=aware(dt.date(2024, 3, 14)), place="Assen")
    services.invitation_guest_add(meeting=meeting, person=person, reason="Lid", user=None)
    return person, meeting


def test_person_feed_parses_and_updates_keep_the_uid(client, invited, bureau_user):
    person, meeting = invited
    MeetingFactory()  # not invited: not in the feed
    token = services.calendar_token_get(person=person).token
    url = reverse("meetings:person_feed", args=[token])

    events = _events(client.get(url))
    assert list(events) == [f"{meeting.uid}@samenspel"]
    event = events[f"{meeting.uid}@samenspel"]
    assert event["SEQUENCE"] == 0 and str(event["LOCATION"]) == "Assen"
    assert event.decoded("DTSTART") == meeting.starts_at

    services.meeting_update(
        meeting=meeting,
        expected_version=meeting.version,
        user=bureau_user,
        starts_at=aware(dt.date(2024, 3, 21)),
        ends_at=aware(dt.date(2024, 3, 21), hour=12),
    )
    event = _events(client.get(url))[f"{meeting.uid}@samenspel"]
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART").date() == dt.date(2024, 3, 21)

    meeting.refresh_from_db()
    services.meeting_status_set(meeting=meeting, status=MeetingStatus.CANCELLED, user=None)
    event = _events(client.get(url))[f"{meeting.uid}@samenspel"]
    assert event["SEQUENCE"] == 2 and str(event["STATUS"]) == "CANCELLED"


def test_wrong_or_reset_token_gives_404(client, invited):
    person, _meeting = invited
    old = services.calendar_token_get(person=person).token
    assert client.get(reverse("meetings:person_feed", args=["niet-geldig"])).status_code == 404
    new = services.calendar_token_reset(person=person).token
    assert new != old
    assert client.get(reverse("meetings:person_feed", args=[old])).status_code == 404
    assert client.get(reverse("meetings:person_feed", args=[new])).status_code == 200


def test_body_feed_and_single_meeting(client, invited, reader_user):
    _person, meeting = invited
    meeting.online_link = "https://example.org/geheim-vergaderlink"
    meeting.save()
    response = client.get(reverse("meetings:body_feed", args=[meeting.body.slug]))
    assert list(_events(response)) == [f"{meeting.uid}@samenspel"]
    assert b"geheim-vergaderlink" not in response.content
    client.force_login(reader_user)
    single = client.get(reverse("meetings:ics", args=[meeting.pk]))
    assert list(_events(single)) == [f"{meeting.uid}@samenspel"]


def test_my_calendar_page_and_reset(client, make_user, invited):
    person, _meeting = invited
    user = make_user("reader")
    user.person = person
    user.save()
    client.force_login(user)
    page = client.get(reverse("meetings:my_calendar")).content.decode()
    token = services.calendar_token_get(person=person).token
    assert token in page
    client.post(reverse("meetings:my_calendar_reset"))
    assert services.calendar_token_get(person=person).token != token


def test_times_are_local_with_a_timezone(client, invited):
    person, _meeting = invited
    token = services.calendar_token_get(person=person).token
    response = client.get(reverse("meetings:person_feed", args=[token]))
    calendar = Calendar.from_ical(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert b"DTSTART;TZID=Europe/Amsterdam:20240314T100000" in response.content
