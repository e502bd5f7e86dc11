"""What meetings put in the dashboard's to-do inbox (`web.inbox`): for a portfolio's chair
and core group, the next meeting of each of its bodies to prepare; for the bureau, the
meetings whose agenda has not been sent. One query each, whatever the number of meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.accounts.permissions import is_bureau, roles_of
from samenspel.meetings.constants import MeetingStatus
from samenspel.meetings.models import Meeting
from samenspel.meetings.selectors import meetings_of
from samenspel.organisations.models import Association
from samenspel.web.inbox import InboxItem, urgency_of

TO_PREPARE = "meetings_to_prepare"
TO_SEND = "meetings_to_send"

# A planned meeting within four weeks is one to prepare (its agenda items and documents);
# within two weeks its agenda, not sent yet, is due to go out to the invitees.
PREPARE_DAYS = 28
SEND_DAYS = 14


def _planned_within(association: Association, on: dt.date, days: int) -> QuerySet[Meeting]:
    start = timezone.make_aware(dt.datetime.combine(on, dt.time.min))
    return (
        meetings_of(association=association)
        .filter(
            status=MeetingStatus.PLANNED,
            starts_at__gte=start,
            starts_at__lt=start + dt.timedelta(days=days + 1),
        )
        .select_related("body")
        .annotate(item_count=Count("items"))
        .order_by("starts_at", "pk")
    )


def _item(meeting: Meeting, kind: str, url: str, on: dt.date) -> InboxItem:
    starts = timezone.localtime(meeting.starts_at)
    detail = _("%(date)s om %(time)s") % {
        "date": date_format(starts, "l j F Y"),
        "time": date_format(starts, "H:i"),
    }
    items: int = meeting.item_count  # type: ignore[attr-defined]
    detail += ", " + ngettext("%(counter)s agendapunt", "%(counter)s agendapunten", items) % {
        "counter": items
    }
    return InboxItem(
        kind=kind,
        title=meeting.display_title,
        detail=detail,
        due=starts.date(),
        url=url,
        urgency=urgency_of(starts.date(), on),
    )


def meetings_to_prepare(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The chair's and core group's: the next planned meeting of each body of their
    portfolios within PREPARE_DAYS, linked to the meeting (its agenda and documents)."""
    roles = roles_of(user)
    portfolios = roles.chair_of | roles.core_group_of
    if not portfolios:
        return []
    meetings = _planned_within(association, on, PREPARE_DAYS).filter(
        body__portfolio_id__in=portfolios
    )
    items, bodies = [], set()
    for meeting in meetings:
        if meeting.body_id not in bodies:
            bodies.add(meeting.body_id)
            items.append(_item(meeting, TO_PREPARE, meeting.get_absolute_url(), on))
    return items


def meetings_to_send(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The bureau's: meetings within SEND_DAYS whose agenda has not gone out, linked to
    sending it."""
    if not is_bureau(user):
        return []
    return [
        _item(meeting, TO_SEND, reverse("meetings:send", args=[meeting.pk]), on)
        for meeting in _planned_within(association, on, SEND_DAYS)
    ]


def meetings_more_url(user: Any, association: Association) -> str:
    return reverse("meetings:list")
