"""Reading the audit trail (django-simple-history) as a list of changes, for the history panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    when: Any
    who: str
    action: str
    changes: list[FieldChange]
    reason: str


ACTIONS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
HIDDEN_FIELDS = {"version"}


def _label(model: type[models.Model], name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a field that no longer exists on the model
        return name


def _many(field: Any, rows: list) -> str:
    """A many-to-many value as history stores it ([{"agreement": 94}, …]) in words."""
    target = field.related_model
    key = target._meta.model_name
    pks = [row.get(key) for row in rows if isinstance(row, dict)]
    objects = target._default_manager.in_bulk([pk for pk in pks if pk is not None])
    return ", ".join(str(objects.get(pk, pk)) for pk in pks) or "—"


def _display(model: type[models.Model], name: str, value: Any) -> Any:
    """What a reader understands: a choice's label, a related object's name."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if value is None or value == "":
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.many_to_many and isinstance(value, list):
        return _many(field, value)
    if field.many_to_one or field.one_to_one:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else value
    return value


def history_entries(obj: models.Model, limit: int = 20) -> list[HistoryEntry]:
    """The newest `limit` changes of `obj`, each with its before and after values."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            model = type(obj)
            changes = [
                FieldChange(
                    _label(model, c.field),
                    _display(model, c.field, c.old),
                    _display(model, c.field, c.new),
                )
                for c in delta.changes
                if c.field not in HIDDEN_FIELDS
            ]
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=str(record.history_user) if record.history_user else "systeem",
                action=ACTIONS.get(record.history_type, record.history_type),
                changes=changes,
                reason=record.history_change_reason or "",
            )
        )
    return entries
