"""iCalendar (RFC 5545) for meetings, written with the `icalendar` library.

Each meeting is one VEVENT with a UID that never changes and a SEQUENCE that goes up
with every change a calendar must see (time, place, cancellation), so clients update
the event instead of adding a second one. A cancelled meeting stays in the feed with
STATUS:CANCELLED.

A body's public feed (`public_calendar_response`) shows what the public page shows and
nothing more: the meetings of `selectors.public_schedule`, each with its begin- en
eindtijd, naam van het overleg en status (start and end time, the body's name and the
status). No title, place, online link or agenda, and a cancelled meeting leaves the feed
as it leaves the page (a subscribed calendar drops it on its next refresh). Besides these
it carries only what the calendar protocol needs: the UID and the SEQUENCE, and as
DTSTAMP the time the feed was made; no LAST-MODIFIED, so it does not tell when a meeting
was last edited.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from samenspel.meetings.models import Meeting

PRODID = "-//Samenspel//Vergaderingen//NL"


def event_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@samenspel"


def _timed_event(meeting: Meeting, *, public: bool = False) -> Event:
    """UID, SEQUENCE, DTSTAMP and the time. A private event is stamped with the meeting's
    last change (and says so in LAST-MODIFIED); a public one with the time of generation
    and no LAST-MODIFIED, so the public feed does not show when a meeting was edited."""
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.sequence)
    if public:
        event.add("dtstamp", timezone.now())
    else:
        event.add("dtstamp", meeting.updated_at or timezone.now())
        event.add("last-modified", meeting.updated_at or timezone.now())
    # Local time with its TZID (and a VTIMEZONE), so clients show the Dutch time.
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    return event


def _event(meeting: Meeting, base_url: str) -> Event:
    event = _timed_event(meeting)
    event.add("summary", meeting.display_title)
    if meeting.place:
        event.add("location", meeting.place)
    url = f"{base_url}{meeting.get_absolute_url()}"
    event.add("url", url)
    description = [meeting.body.name]
    if meeting.online_link:
        description.append(meeting.online_link)
    description.append(url)
    event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def public_event(meeting: Meeting, base_url: str) -> Event:
    """A meeting as the public page shows it (`meetings/public/index.html`): begin- en
    eindtijd, naam van het overleg en status, linked to the public page of its year."""
    event = _timed_event(meeting, public=True)
    event.add("summary", meeting.body.name)
    url = f"{base_url}{reverse('meetings:public')}?jaar={meeting.date.year}"
    event.add("url", url)
    event.add("description", "\n".join([str(meeting.get_status_display()), url]))
    event.add("status", "CONFIRMED")
    return event


def _calendar_bytes(events: Iterable[Event], *, name: str, association_name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{name} — {association_name}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_bytes(
    meetings: Iterable[Meeting], *, name: str, base_url: str, association_name: str
) -> bytes:
    """The meetings as a calendar named "`name` — `association_name`"."""
    events = (_event(m, base_url) for m in meetings)
    return _calendar_bytes(events, name=name, association_name=association_name)


def _response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def calendar_response(
    meetings: Iterable[Meeting], *, name: str, base_url: str, filename: str, association_name: str
) -> HttpResponse:
    content = calendar_bytes(
        meetings, name=name, base_url=base_url, association_name=association_name
    )
    return _response(content, filename)


def public_calendar_response(
    meetings: Iterable[Meeting], *, name: str, base_url: str, filename: str, association_name: str
) -> HttpResponse:
    """A public feed: pass `selectors.public_schedule(association=…, …)`; each event is
    `public_event`."""
    events = (public_event(m, base_url) for m in meetings)
    return _response(
        _calendar_bytes(events, name=name, association_name=association_name), filename
    )
