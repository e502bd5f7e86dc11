"""Optimistic locking: a record has a `version`; a save names the version it started from."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """Someone else saved the record after this editor opened it."""


@transaction.atomic
def versioned_update(*, obj: Any, expected_version: int, user: Any, **values: Any) -> Any:
    """Save `values` on `obj` unless someone saved it since `expected_version` was read."""
    locked = type(obj).objects.select_for_update().order_by().get(pk=obj.pk)
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe gegevens en voer "
                "je wijziging opnieuw in."
            )
        )
    many = {k: values.pop(k) for k in list(values) if k == "linked_portfolios"}
    for key, value in values.items():
        setattr(locked, key, value)
    locked.version += 1
    locked._history_user = user
    locked.full_clean()
    locked.save()
    for key, value in many.items():
        getattr(locked, key).set(value)
    return locked
