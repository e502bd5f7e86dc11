"""The organisation page's 'what we contribute: hours' panel."""

from __future__ import annotations

from django.http import HttpRequest

from samenspel.capacity.realised import organisation_hours
from samenspel.core.dates import today
from samenspel.organisations.selectors import is_member


def organisation_hours_panel(request: HttpRequest, organisation) -> dict:
    if not is_member(organisation, request.association):
        return {}
    hours = organisation_hours(organisation, today().year, association=request.association)
    return {"hours": hours if hours.planned else None}
