"""Reading the audit trail (django-simple-history) as a list of changes, for the history panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
            changes = [
                FieldChange(_label(type(obj), c.field), c.old, c.new)
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
