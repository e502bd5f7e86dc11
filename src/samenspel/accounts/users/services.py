"""Writes on users by the bureau: deactivating signs out too."""

from __future__ import annotations

from django.db import transaction

from samenspel.accounts.models import User
from samenspel.accounts.services import user_deactivate
from samenspel.accounts.users.sessions import sessions_end_all


@transaction.atomic
def user_deactivate_and_sign_out(user: User, *, by: User | None) -> User:
    """Sign-in off for good (`accounts.services.user_deactivate`: the row and its history
    stay) and every session of the user, on every association's host, ended now."""
    user_deactivate(user)
    sessions_end_all(user, by=by)
    return user
