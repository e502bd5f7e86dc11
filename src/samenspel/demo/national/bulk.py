"""Bulk inserts in batches, history rows made in bulk, and the progress bar on stderr."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

BATCH = 2000
# The generated agendas start here; rows without a date of their own are recorded then.
PERIOD_START = dt.date(2023, 1, 1)


class Progress:
    """One line on stderr, rewritten in place: phase, counts and percentage.

    Quiet (writes nothing) when `stream` is None, as with `--verbosity 0`."""

    def __init__(self, stream: Any = None, total: int = 0) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.rows = 0
        self.phase = ""
        self.started = time.monotonic()
        self._last = 0.0

    def step(self, phase: str) -> None:
        self.phase = phase
        self._draw()

    def add_rows(self, count: int) -> None:
        self.rows += count
        self._draw()

    def association_done(self) -> None:
        self.done += 1
        self._draw(force=True)

    def finish(self) -> None:
        if self.stream is not None:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.2:
            return
        self._last = now
        percent = 100 * self.done // self.total if self.total else 100
        filled = percent // 5
        bar = "#" * filled + "-" * (20 - filled)
        rows = f"{self.rows:,}".replace(",", ".")
        self.stream.write(
            f"\r[{bar}] {percent:3d}% {self.done}/{self.total} samenwerkingsverbanden, "
            f"{rows} rijen, {now - self.started:4.0f} s  {self.phase:<28}"
        )
        self.stream.flush()


def insert(model: Any, objs: list, progress: Progress | None = None) -> list:
    """bulk_create in batches: one INSERT per batch, primary keys set on the objects
    (SQLite and PostgreSQL both return them)."""
    for start in range(0, len(objs), BATCH):
        model.objects.bulk_create(objs[start : start + BATCH], batch_size=BATCH)
        if progress is not None:
            progress.add_rows(len(objs[start : start + BATCH]))
    return objs


def insert_leaf(model: Any, objs: list, progress: Progress | None = None) -> None:
    """For rows nothing generated refers to: one prepared INSERT run with `executemany`,
    which skips the per-row SQL Django builds for `bulk_create`; no primary keys back."""
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, AutoFieldMixin)]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        for start in range(0, len(objs), BATCH):
            batch = objs[start : start + BATCH]
            for obj in batch:  # take the primary keys of parents saved after assignment
                obj._prepare_related_fields_for_save(operation_name="bulk_create")
            cursor.executemany(
                sql,
                [
                    [f.get_db_prep_save(f.pre_save(o, True), connection) for f in fields]
                    for o in batch
                ],
            )
            if progress is not None:
                progress.add_rows(len(batch))


def through(
    field: Any,
    pairs: Iterable[tuple[int, int]],
    progress: Progress | None = None,
    keys: bool = False,
) -> list:
    """Rows of a many-to-many table from (source pk, target pk) pairs."""
    table = field.remote_field.through
    source = field.m2m_field_name() + "_id"
    target = field.m2m_reverse_field_name() + "_id"
    rows = [table(**{source: a, target: b}) for a, b in pairs]
    if keys:
        return insert(table, rows, progress)
    insert_leaf(table, rows, progress)
    return rows


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def history(
    model: Any,
    objs: list,
    when: Callable[[Any], dt.date | dt.datetime],
    progress: Progress | None = None,
    keys: bool = False,
) -> list:
    """One 'created' history row per object, dated `when(obj)`: the reports read the
    recorded history (reports/snapshots.py), and `bulk_create` sends no signals."""
    historical = model.history.model
    names = [
        f.attname
        for f in model._meta.concrete_fields
        if f.attname in {h.attname for h in historical._meta.concrete_fields}
    ]
    rows = []
    for obj in objs:
        date = when(obj)
        if not isinstance(date, dt.datetime):
            date = _aware(date)
        row = historical(
            **{name: getattr(obj, name) for name in names},
            history_date=date,
            history_type="+",
        )
        rows.append(row)
    if keys:  # the caller needs their primary keys
        return insert(historical, rows, progress)
    insert_leaf(historical, rows, progress)
    return rows
