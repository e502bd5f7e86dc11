"""The public side of meetings: the schedule and approved decision lists, without sign-in.

Only what the public may see: meetings that take place (no online links, no invitees),
and decisions of meetings whose minutes are approved, never of a confidential item.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.accounts.permissions import public
from samenspel.core.dates import today
from samenspel.meetings import selectors
from samenspel.meetings.constants import NOT_PUBLIC_BODY_KINDS

# Preparatory and internal groups are not on the public schedule.
NOT_PUBLIC = NOT_PUBLIC_BODY_KINDS


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return today().year
    return year if 2000 <= year <= 2100 else today().year


@public
def index(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    meetings = selectors.meetings_between(
        start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)
    ).exclude(body__kind__in=NOT_PUBLIC)
    months: dict[dt.date, list] = {}
    for meeting in meetings:
        months.setdefault(meeting.date.replace(day=1), []).append(meeting)
    decisions = selectors.public_decisions(year=year)
    return render(
        request,
        "meetings/public/index.html",
        {
            "year": year,
            "years": [year - 1, year, year + 1],
            "months": sorted(months.items()),
            "decisions": decisions,
        },
    )
