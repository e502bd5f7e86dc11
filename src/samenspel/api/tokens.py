"""Issuing, finding and revoking API tokens (the rules in docs/api.md, "Access").

A token reads `sam_<prefix>_<secret>`: the prefix finds the row, the whole token's
SHA-256 must equal the stored hash (compared in constant time).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.api.models import ApiToken, Scope
from samenspel.core.dates import today
from samenspel.core.history import changed_by

TOKEN_START = "sam_"


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # shown once, never stored


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def scopes_check(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(Scope.values))
    if unknown:
        raise ValidationError(
            {"scopes": _("Onbekende bevoegdheid: %(s)s.") % {"s": ", ".join(unknown)}}
        )
    if not scopes:
        raise ValidationError({"scopes": _("Kies ten minste één bevoegdheid.")})
    return sorted(set(scopes))


@transaction.atomic
def token_create(
    *,
    association: Any,
    name: str,
    user: Any,
    scopes: list[str],
    created_by: Any = None,
    organisation: Any = None,
    expires_on: dt.date | None = None,
) -> IssuedToken:
    if expires_on is not None and expires_on < today():
        raise ValidationError({"expires_on": _("De einddatum ligt in het verleden.")})
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    key = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(
        association=association,
        name=name.strip(),
        user=user,
        organisation=organisation,
        scopes=scopes_check(list(scopes)),
        prefix=prefix,
        key_hash=_hash(key),
        expires_on=expires_on,
        created_by=created_by if getattr(created_by, "pk", None) else None,
    )
    changed_by(token, created_by)
    token.full_clean()
    token.save()
    return IssuedToken(token=token, key=key)


@transaction.atomic
def token_revoke(*, token: ApiToken, user: Any) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        changed_by(token, user)
        token.save(update_fields=["revoked_at"])
    return token


def token_find(key: str) -> ApiToken | None:
    """The token `key` is, whatever its state (the caller checks expiry and revocation)."""
    if not key.startswith(TOKEN_START) or key.count("_") < 2:
        return None
    prefix = key[len(TOKEN_START) :].split("_", 1)[0]
    token = (
        ApiToken.objects.select_related("user", "association", "organisation")
        .filter(prefix=prefix)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, _hash(key)):
        return None
    return token


def token_refusal(token: ApiToken, association: Any) -> str:
    """Why `token` may not be used on `association`'s API now, or "" when it may."""
    if token.revoked_at is not None:
        return _("Dit token is ingetrokken.")
    if token.expires_on is not None and token.expires_on < today():
        return _("Dit token is verlopen.")
    if association is None or token.association_id != association.pk:
        return _("Dit token hoort bij een ander samenwerkingsverband.")
    if not token.user.is_active:
        return _("De gebruiker van dit token is gedeactiveerd.")
    return ""
