"""Records as they stood at the end of a date, read from django-simple-history.

The rule (docs/reports.md): an object is taken as it was recorded at the end of the
as-of date, so edits made after that date do not change the report. An object that
was not yet recorded then (the agenda loaded later, a backdated entry) is taken as it
is recorded now: the best knowledge of that time. In both cases what the object says
about its own dates (an update's `date`, a milestone's `reached_on`, a claim's
`paid_on`) decides whether it counts on the as-of date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model
from django.utils import timezone


def cutoff(as_of: dt.date) -> dt.datetime:
    """The first instant after `as_of` in the local time zone (Europe/Amsterdam)."""
    next_day = as_of + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(next_day, dt.time.min))


def snapshot(
    model: type[Model],
    *,
    as_of: dt.date,
    loaded_before: dt.datetime | None = None,
    **filters: Any,
) -> dict[int, Any]:
    """Each object of `model` (pk -> historical row) as it stood at the end of `as_of`.

    One query over the history table. `filters` apply to the historical rows (fields
    as on the model, e.g. `agenda_id=3`). Objects deleted by then are left out.

    `loaded_before`, for objects without a date of their own (agreements, milestones,
    budget lines, staff commitments): an object first recorded after the as-of date is
    only taken when it came with the agenda load (first recorded before this moment);
    one added by hand later did not exist on the as-of date and stays out.
    """
    end = cutoff(as_of)
    rows = model.history.filter(**filters).order_by("id", "history_date", "history_id")
    chosen: dict[int, Any] = {}
    latest: dict[int, Any] = {}
    first: dict[int, Any] = {}
    for row in rows.iterator(chunk_size=2000):
        latest[row.id] = row
        first.setdefault(row.id, row)
        if row.history_date < end:
            chosen[row.id] = row
    for pk, row in latest.items():
        if loaded_before is None or first[pk].history_date < loaded_before:
            chosen.setdefault(pk, row)
    return {pk: row for pk, row in chosen.items() if row.history_type != "-"}


# Loading the agenda file takes seconds; anything first recorded this long after the
# agenda itself was added later, by hand.
LOAD_WINDOW = dt.timedelta(minutes=10)


def agenda_loaded_before(agenda: Any) -> dt.datetime | None:
    """The moment before which rows count as part of the agenda's first load."""
    first = agenda.history.order_by("history_date").values_list("history_date", flat=True)
    loaded = first.first()
    return loaded + LOAD_WINDOW if loaded else None
