"""The public side of meetings: the schedule and approved decision lists, without sign-in.

Only what the public may see: meetings that take place (no online links, no invitees),
and decisions of meetings whose minutes are approved, never of a confidential item.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.accounts.permissions import public
from samenspel.core.dates import year_from
from samenspel.meetings import selectors


def _year(request: HttpRequest) -> int:
    return year_from(request.GET.get("jaar"))


@public
def index(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    return render(
        request,
        "meetings/public/index.html",
        {
            "year": year,
            "years": [year - 1, year, year + 1],
            "months": selectors.by_month(
                selectors.public_schedule(association=request.association, year=year)
            ),
            "decisions": selectors.public_decisions(association=request.association, year=year),
        },
    )
