"""The organisation page's 'what we contribute: hours' panel."""

from __future__ import annotations

from django.http import HttpRequest

from samenspel.capacity.realised import organisation_hours
from samenspel.core.dates import today


def organisation_hours_panel(request: HttpRequest, organisation) -> dict:
    if not organisation.is_member:
        return {}
    hours = organisation_hours(organisation, today().year)
    return {"hours": hours if hours.planned else None}
