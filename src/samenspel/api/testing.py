"""For tests of the API (every app's): tokens for the demo accounts, and calls with them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from samenspel.accounts.models import User
from samenspel.api.tokens import token_create
from samenspel.organisations.associations import association_default


def token_for(
    username: str,
    *scopes: str,
    organisation: Any = None,
    expires_on: dt.date | None = None,
    association: Any = None,
) -> str:
    """A new token (its key) for the demo user `username` with `scopes` (default: read)."""
    user = User.objects.get(username=username)
    issued = token_create(
        association=association or association_default(),
        name=f"test {username}",
        user=user,
        scopes=list(scopes or ("read",)),
        organisation=organisation,
        expires_on=expires_on,
        created_by=user,
    )
    return issued.key


def auth(key: str) -> dict[str, str]:
    """The header arguments for Django's test client: `client.get(url, **auth(key))`."""
    return {"HTTP_AUTHORIZATION": f"Token {key}"}
