"""A body's public feed shows exactly what the public page shows: the same meetings, and
of each only begin- en eindtijd, naam van het overleg en status (plus the UID, SEQUENCE
and a DTSTAMP of the time of generation that calendars need; no LAST-MODIFIED)."""

import datetime as dt
import html
import re
from collections import Counter

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from samenspel.meetings import ical, services
from samenspel.meetings.constants import NOT_PUBLIC_BODY_KINDS, MeetingStatus
from samenspel.meetings.models import Meeting
from samenspel.meetings.tests.factories import AgendaItemFactory, MeetingFactory, aware
from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Body
from samenspel.organisations.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db

# A schedule row of meetings/public/index.html: date, body (row header), status.
ROW = re.compile(
    r'<tr class="utrecht-table__row">\s*<td class="utrecht-table__cell">(.*?)</td>\s*'
    r'<th scope="row" class="utrecht-table__cell">(.*?)</th>\s*'
    r'<td class="utrecht-table__cell">(.*?)</td>',
    re.S,
)


def _page_rows(client, year: int) -> list[tuple[str, str, str]]:
    page = client.get(reverse("meetings:public") + f"?jaar={year}").content.decode()
    return [tuple(html.unescape(cell).strip() for cell in row) for row in ROW.findall(page)]


def _feed(client, body: Body):
    response = client.get(reverse("meetings:body_feed", args=[body.slug]))
    assert response.status_code == 200
    return response, list(Calendar.from_ical(response.content).walk("VEVENT"))


def _event_row(event) -> tuple[str, str, str]:
    """What the page would show for this event: its date, summary and status."""
    starts_at = timezone.localtime(event.decoded("DTSTART"))
    status = str(event["DESCRIPTION"]).split("\n")[0]
    return (date_filter(starts_at, "D j F, H:i"), str(event["SUMMARY"]), status)


def _public_url(year: int) -> str:
    return f"http://testserver{reverse('meetings:public')}?jaar={year}"


def _assert_feeds_match_page(client, years) -> list:
    page = Counter(row for year in years for row in _page_rows(client, year))
    feed = Counter()
    events = []
    # The request's association's bodies (the example association has its own feeds).
    bodies = Body.objects.filter(association=association_default())
    for body in bodies.exclude(kind__in=NOT_PUBLIC_BODY_KINDS):
        _response, body_events = _feed(client, body)
        for event in body_events:
            assert str(event["SUMMARY"]) == body.name
            assert "LOCATION" not in event
            assert "LAST-MODIFIED" not in event  # when a meeting was edited is not public
            year = timezone.localtime(event.decoded("DTSTART")).year
            lines = str(event["DESCRIPTION"]).split("\n")
            assert lines[1:] == [_public_url(year)]
            assert str(event["URL"]) == _public_url(year)
            if year in years:
                feed[_event_row(event)] += 1
        events.extend(body_events)
    assert page, "the demo has public meetings"
    assert feed == page
    return events


def test_demo_feeds_show_what_the_public_page_shows(client, vdg_demo_data):
    years = sorted({m.date.year for m in Meeting.objects.all()})
    assert years
    # A titled, placed public meeting with a confidential item, and a cancelled one.
    meeting = (
        Meeting.objects.taking_place()
        .exclude(body__kind__in=NOT_PUBLIC_BODY_KINDS)
        .order_by("starts_at")
        .first()
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        title="Geheime titel van de vergadering",
        place="Achterkamer 7, Assen",
        online_link="https://example.org/geheim-vergaderlink",
    )
    AgendaItemFactory(meeting=meeting, title="Personele kwestie X", is_confidential=True)
    cancelled = (
        Meeting.objects.filter(status=MeetingStatus.PLANNED)
        .exclude(body__kind__in=NOT_PUBLIC_BODY_KINDS)
        .exclude(pk=meeting.pk)
        .order_by("starts_at")
        .first()
    )
    services.meeting_status_set(meeting=cancelled, status=MeetingStatus.CANCELLED, user=None)

    with translation.override("nl"):
        events = _assert_feeds_match_page(client, years)

    uids = {str(e["UID"]) for e in events}
    assert f"{meeting.uid}@samenspel" in uids
    assert f"{cancelled.uid}@samenspel" not in uids
    public = Meeting.objects.taking_place().exclude(body__kind__in=NOT_PUBLIC_BODY_KINDS)
    assert uids == {f"{m.uid}@samenspel" for m in public}
    content = b"".join(
        _feed(client, body)[0].content
        for body in Body.objects.filter(association=vdg_demo_data.association).exclude(
            kind__in=NOT_PUBLIC_BODY_KINDS
        )
    )
    for hidden in ("Geheime titel", "Achterkamer", "geheim-vergaderlink", "Personele kwestie"):
        assert hidden.encode() not in content
    # Titles of the demo's own titled meetings (e.g. "Jaarcongres") and places stay out.
    for title in Meeting.objects.exclude(title="").values_list("title", flat=True):
        assert title.encode() not in content
    assert b"Provinciehuis" not in content


def test_titled_meeting_in_the_feed_as_on_the_page(client):
    body = BodyFactory(kind=BodyKind.GENERAL_BOARD, name="Algemeen bestuur Test")
    MeetingFactory(
        body=body,
        title="Jaarcongres Geheim",
        place="Museumzaal De Kelder",
        starts_at=aware(dt.date(2024, 10, 3)),
        ends_at=aware(dt.date(2024, 10, 3), hour=17),
    )
    core = BodyFactory(kind=BodyKind.CORE_GROUP, name="Kerngroep Intern")
    MeetingFactory(body=core, starts_at=aware(dt.date(2024, 3, 4)))
    with translation.override("nl"):
        response, events = _feed(client, body)
        assert [_event_row(e) for e in events] == _page_rows(client, 2024)
    assert b"Jaarcongres" not in response.content and b"Museumzaal" not in response.content
    assert "Kerngroep Intern" not in str(_page_rows(client, 2024))


def test_public_events_are_stamped_now_and_not_with_the_last_edit(client):
    body = BodyFactory(kind=BodyKind.GENERAL_BOARD, name="Algemeen bestuur Stempel")
    meeting = MeetingFactory(body=body, starts_at=aware(dt.date(2024, 10, 3)))
    edited = timezone.now() - dt.timedelta(days=40)
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=edited)
    before = timezone.now().replace(microsecond=0)
    _response, events = _feed(client, body)
    (event,) = events
    assert "LAST-MODIFIED" not in event
    assert event.decoded("DTSTAMP") >= before
    assert str(event["UID"]) == f"{meeting.uid}@samenspel"
    assert int(event["SEQUENCE"]) == Meeting.objects.get(pk=meeting.pk).sequence
    # The private feeds keep the meeting's last change (LAST-MODIFIED and DTSTAMP).
    private = Calendar.from_ical(
        ical.calendar_bytes(
            [Meeting.objects.get(pk=meeting.pk)],
            name="Test",
            base_url="http://testserver",
            association_name="Test",
        )
    )
    (private_event,) = private.walk("VEVENT")
    assert private_event.decoded("LAST-MODIFIED") == edited.replace(microsecond=0)
    assert private_event.decoded("DTSTAMP") == edited.replace(microsecond=0)
