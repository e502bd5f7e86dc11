"""What hours put in the dashboard's to-do inbox (`web.inbox`): for an account holder, the
quarters that have ended this year (or, in the first quarter, last year) without any
realised hours of their organisation, when it has hours planned that year. A fixed
number of queries per organisation held."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import organisations_held_by
from samenspel.capacity.realised import organisation_hours
from samenspel.capacity.templatetags.capacity import hours
from samenspel.organisations.models import Association, Organisation
from samenspel.organisations.selectors import is_member
from samenspel.web.inbox import InboxItem

TO_RECORD = "hours_to_record"


def last_ended_quarter(on: dt.date) -> tuple[int, int]:
    """(year, quarter) of the last quarter that ended before `on`."""
    quarter = (on.month - 1) // 3 + 1
    return (on.year - 1, 4) if quarter == 1 else (on.year, quarter - 1)


def hours_to_record(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """Per organisation the user holds: each ended quarter of the year of the last ended
    one without realised hours, linked to the form that records them."""
    held = organisations_held_by(user)
    if not held:
        return []
    year, last = last_ended_quarter(on)
    items = []
    for organisation in Organisation.objects.filter(pk__in=held).order_by("name"):
        if not is_member(organisation, association):
            continue
        planned = organisation_hours(organisation, year, association=association)
        if not planned.planned:
            continue
        url = reverse("capacity:record", kwargs={"org_slug": organisation.slug})
        for quarter in range(1, last + 1):
            if planned.total.quarters[quarter - 1] is not None:
                continue
            items.append(
                InboxItem(
                    kind=TO_RECORD,
                    title=_("Uren van Q%(quarter)s %(year)s invullen")
                    % {"quarter": quarter, "year": year},
                    detail=_(
                        "%(name)s: %(hours)s uur gepland in %(year)s, "
                        "van dit kwartaal nog niets ingevuld."
                    )
                    % {"name": organisation.name, "hours": hours(planned.planned), "year": year},
                    due=None,
                    url=f"{url}?{urlencode({'jaar': year})}",
                )
            )
    return items


def hours_more_url(user: Any, association: Association) -> str:
    return reverse("capacity:overview")
