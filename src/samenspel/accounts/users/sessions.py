"""Active sessions of a user, as the bureau sees and ends them (docs/sign-in.md).

Every sign-in is a SignIn row naming its session key (users/signins.py). A sign-in is an
active session while it was not ended (signing out, the bureau), its session is still in
the configured session store (SESSION_ENGINE: not expired, not flushed) and it is not
older than SESSION_MAX_HOURS (SessionLifetimeMiddleware ends it then). Ending one deletes
the session from the store, so that browser is signed out at its next request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import QuerySet
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from samenspel.accounts.models import SignIn, User
from samenspel.accounts.users.signins import SESSION_SIGN_IN_KEY


def _store() -> SessionBase:
    return import_module(settings.SESSION_ENGINE).SessionStore()


def _oldest_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=settings.SESSION_MAX_HOURS)


def keys_in_store(keys: Iterable[str]) -> set[str]:
    """Which of `keys` are live sessions in the store. A database-backed store (db,
    cached_db, which writes through to the database) is asked in one query, expired rows
    left out (its `exists` would count a session that expired but was not yet cleared);
    any other store key by key with `SessionStore.exists`."""
    keys = {key for key in keys if key}
    if not keys:
        return set()
    store = _store()
    model_class = getattr(store, "get_model_class", None)
    if model_class is not None:
        rows = model_class()._default_manager.filter(
            session_key__in=keys, expire_date__gt=timezone.now()
        )
        return set(rows.values_list("session_key", flat=True))
    return {key for key in keys if store.exists(key)}


def _candidates(rows: QuerySet[SignIn]) -> QuerySet[SignIn]:
    """Sign-ins that may still be an active session, before asking the store."""
    return rows.filter(ended_at__isnull=True, at__gte=_oldest_start()).exclude(session_key="")


def session_is_active(sign_in: SignIn) -> bool:
    if sign_in.ended_at is not None or not sign_in.session_key:
        return False
    if sign_in.at < _oldest_start():
        return False
    return bool(keys_in_store([sign_in.session_key]))


def active_sign_ins(rows: QuerySet[SignIn]) -> list[SignIn]:
    """The rows of `rows` that are active sessions: two queries, whatever their number."""
    candidates = list(_candidates(rows))
    live = keys_in_store(sign_in.session_key for sign_in in candidates)
    return [sign_in for sign_in in candidates if sign_in.session_key in live]


def sessions_active(user: User, *, association: Any = None) -> list[SignIn]:
    """The active sessions of `user`, newest first; with `association` only those begun
    on that association's host."""
    rows = SignIn.objects.filter(user=user).select_related("provider")
    if association is not None:
        rows = rows.filter(association=association)
    return active_sign_ins(rows.order_by("-at"))


def active_session_counts(user_ids: Iterable[int], *, association: Any) -> dict[int, int]:
    """The number of active sessions per user (begun in `association`), for a list page:
    two queries for all of them."""
    rows = SignIn.objects.filter(user_id__in=list(user_ids), association=association)
    counts: dict[int, int] = {}
    for sign_in in active_sign_ins(rows):
        counts[sign_in.user_id] = counts.get(sign_in.user_id, 0) + 1
    return counts


def session_end(sign_in: SignIn, *, by: User | None) -> None:
    """Delete the session from the store (that browser is signed out at its next
    request) and record who ended it and when. Ending an ended one changes nothing."""
    if sign_in.session_key:
        _store().delete(sign_in.session_key)
    if sign_in.ended_at is None:
        sign_in.ended_at = timezone.now()
        sign_in.ended_by = by
        sign_in.save(update_fields=["ended_at", "ended_by"])


def sessions_end_all(user: User, *, by: User | None, association: Any = None) -> int:
    """End every session of `user` that is still open (with `association`: begun there);
    returns how many were still active."""
    rows = SignIn.objects.filter(user=user, ended_at__isnull=True).exclude(session_key="")
    if association is not None:
        rows = rows.filter(association=association)
    open_rows = list(rows)
    active = len(keys_in_store(sign_in.session_key for sign_in in _candidates(rows)))
    store = _store()
    for sign_in in open_rows:
        store.delete(sign_in.session_key)
    SignIn.objects.filter(pk__in=[s.pk for s in open_rows]).update(
        ended_at=timezone.now(), ended_by=by
    )
    return active


def sign_in_session_key_refresh(request: HttpRequest) -> None:
    """After the session got a new key in the same sign-in (a password change:
    `update_session_auth_hash` cycles it), let its SignIn follow, or the session would
    look ended."""
    sign_in_id = request.session.get(SESSION_SIGN_IN_KEY)
    if sign_in_id is not None and request.session.session_key:
        SignIn.objects.filter(pk=sign_in_id).update(session_key=request.session.session_key)


@receiver(user_logged_out, dispatch_uid="samenspel_sign_in_ended")
def sign_in_ended(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Signing out (or the session's maximum age) ends the sign-in: by the user."""
    if request is None or not hasattr(request, "session"):
        return
    sign_in_id = request.session.get(SESSION_SIGN_IN_KEY)
    if sign_in_id is None:
        return
    SignIn.objects.filter(pk=sign_in_id, ended_at__isnull=True).update(
        ended_at=timezone.now(), ended_by=user if getattr(user, "pk", None) else None
    )
