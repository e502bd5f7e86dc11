"""The meeting schedule and the decision lists as open data: what the public meeting page
(/overleggen/openbaar/) shows, for every year instead of one.

The same selectors as that page: meetings that take place of public bodies (time, body,
status: no place, link or invitees), and decisions of approved minutes, never of a
confidential item or a preparatory body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max, Min
from django.utils import timezone

from samenspel.meetings import selectors
from samenspel.meetings.models import Meeting, Outcome
from samenspel.organisations.models import Association


def _years(association: Association) -> range:
    span = Meeting.objects.filter(body__association=association).aggregate(
        first=Min("starts_at"), last=Max("starts_at")
    )
    if span["first"] is None:
        return range(0)
    first, last = (timezone.localtime(span[k]).year for k in ("first", "last"))
    return range(first, last + 1)


def public_decisions(association: Association) -> list[Any]:
    decisions: list[Any] = []  # each with its item's meeting (never None here)
    for year in _years(association):
        decisions += selectors.public_decisions(association=association, year=year)
    return decisions


SCHEDULE_COLUMNS = ["id", "begin", "datum", "overleg", "overlegCode", "status", "statusNaam"]
DECISION_COLUMNS = ["besluitnummer", "datum", "overleg", "onderwerp", "besluit", "demo"]


def schedule_rows(association: Association) -> list[dict[str, Any]]:
    """vergaderschema.csv/.json: every meeting of the public schedule, soonest first."""
    return [
        {
            "id": str(m.uid),  # the UID of the public calendar feed
            "begin": timezone.localtime(m.starts_at),
            "datum": m.date,
            "overleg": m.body.name,
            "overlegCode": m.body.slug,
            "status": m.status,
            "statusNaam": str(m.get_status_display()),
        }
        for m in selectors.public_schedule(association=association).select_related("body")
    ]


def decision_rows(association: Association) -> list[dict[str, Any]]:
    """besluitenlijsten.csv/.json: the public decisions, as the public meeting page lists
    them (number, date, subject, decision, and whether it is demo data)."""
    return [
        {
            "besluitnummer": d.reference,
            "datum": d.item.meeting.date,
            "overleg": d.item.meeting.body.name,
            "onderwerp": d.item.title,
            "besluit": d.text,
            "demo": d.is_demo,
        }
        for d in public_decisions(association)
    ]


def schedule_modified(association: Association) -> dt.datetime | None:
    return selectors.public_schedule(association=association).aggregate(m=Max("updated_at"))["m"]


def decisions_modified(association: Association) -> dt.datetime | None:
    """The latest decision recorded, or the latest approval of minutes that made decisions
    public, whichever is later."""
    pks = [d.pk for d in public_decisions(association)]
    found = Outcome.objects.filter(pk__in=pks).aggregate(
        recorded=Max("recorded_at"), approved=Max("item__meeting__minutes__approved_on")
    )
    times = [found["recorded"]]
    if found["approved"]:
        approved = dt.datetime.combine(found["approved"], dt.time.min)
        times.append(timezone.make_aware(approved))
    return max((t for t in times if t is not None), default=None)
