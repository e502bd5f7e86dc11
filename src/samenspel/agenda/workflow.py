"""Which status may follow which, as data. Checked by `progress_update_add`; whether a
milestone may be marked reached (or not after all), checked by `milestone_reach`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from samenspel.agenda.constants import Status

if TYPE_CHECKING:
    from samenspel.agenda.models import Milestone

ACTIVE = {Status.ON_TRACK, Status.AT_RISK, Status.DELAYED}

ALLOWED = {
    Status.NOT_STARTED: {Status.NOT_STARTED, *ACTIVE, Status.DONE, Status.STOPPED},
    Status.ON_TRACK: {*ACTIVE, Status.DONE, Status.STOPPED},
    Status.AT_RISK: {*ACTIVE, Status.DONE, Status.STOPPED},
    Status.DELAYED: {*ACTIVE, Status.DONE, Status.STOPPED},
    # Finished work can be reopened, with an update that says why.
    Status.DONE: {Status.DONE, Status.ON_TRACK, Status.AT_RISK, Status.DELAYED},
    Status.STOPPED: {Status.STOPPED, Status.ON_TRACK, Status.NOT_STARTED},
}


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())


def milestone_refusal(
    milestone: Milestone, reached_on: dt.date | None, *, on: dt.date
) -> str | None:
    """Why `milestone` cannot be marked reached on `reached_on` (None: not reached after
    all), judged on the date `on`; None when it can."""
    if reached_on is None:
        if milestone.reached_on is None:
            return _("Deze mijlpaal staat al als niet bereikt.")
        return None
    if reached_on > on:
        return _("Een mijlpaal wordt niet bereikt in de toekomst (%(date)s).") % {
            "date": reached_on.strftime("%d-%m-%Y")
        }
    if milestone.reached_on == reached_on:
        return _("Deze mijlpaal staat al als bereikt op %(date)s.") % {
            "date": reached_on.strftime("%d-%m-%Y")
        }
    return None
