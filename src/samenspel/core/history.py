"""Who made a change, for the history every owned record keeps (django-simple-history)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser


def changed_by(record: Any, user: AbstractBaseUser | None) -> None:
    """Name `user` as the author of the next save or delete of `record` in its history."""
    # simple_history reads this attribute when it writes the historical row.
    record._history_user = user
