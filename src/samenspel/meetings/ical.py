"""iCalendar (RFC 5545) for meetings, written with the `icalendar` library.

Each meeting is one VEVENT with a UID that never changes and a SEQUENCE that goes up
with every change a calendar must see (time, place, cancellation), so clients update
the event instead of adding a second one. A cancelled meeting stays in the feed with
STATUS:CANCELLED.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from samenspel.meetings.models import Meeting

PRODID = "-//Samenspel//Vergaderingen//NL"


def event_uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@samenspel"


def _event(meeting: Meeting, base_url: str) -> Event:
    event = Event()
    event.add("uid", event_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.updated_at or timezone.now())
    event.add("last-modified", meeting.updated_at or timezone.now())
    # Local time with its TZID (and a VTIMEZONE), so clients show the Dutch time.
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
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


def calendar_bytes(meetings: Iterable[Meeting], *, name: str, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{name} — {settings.SAMENSPEL_ASSOCIATION_NAME}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(_event(meeting, base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(
    meetings: Iterable[Meeting], *, name: str, base_url: str, filename: str
) -> HttpResponse:
    response = HttpResponse(
        calendar_bytes(meetings, name=name, base_url=base_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
