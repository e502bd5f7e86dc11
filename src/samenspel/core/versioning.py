"""Optimistic locking: a record has a `version`; a save names the version it started from."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """Someone else saved the record after this editor opened it.

    `current` is the record as it is now saved, so the form page can show it beside the
    text the second editor typed (which is kept) and let them merge.
    """

    def __init__(self, message: str, current: Any = None):
        super().__init__(message)
        self.current = current


@transaction.atomic
def versioned_update(
    *, obj: Any, expected_version: int, user: AbstractBaseUser | None, **values: Any
) -> Any:
    """Save `values` on `obj` unless someone saved it since `expected_version` was read."""
    locked = type(obj).objects.select_for_update().order_by().get(pk=obj.pk)
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Iemand anders heeft dit intussen gewijzigd. Je eigen invoer staat nog in het "
                "formulier; de opgeslagen versie staat ernaast. Neem over wat je wilt houden "
                "en sla opnieuw op."
            ),
            current=locked,
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
