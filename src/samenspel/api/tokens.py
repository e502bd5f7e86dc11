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
VALID_DAYS_DEFAULT = 365
VALID_YEARS_MAX = 2


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # shown once, never stored


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def expiry_default() -> dt.date:
    """A new token is valid for a year unless its maker says otherwise."""
    return today() + dt.timedelta(days=VALID_DAYS_DEFAULT)


def expiry_latest() -> dt.date:
    """The last day a new token may be valid: a key lives at most two years."""
    now = today()
    try:
        return now.replace(year=now.year + VALID_YEARS_MAX)
    except ValueError:  # 29 February
        return now.replace(year=now.year + VALID_YEARS_MAX, day=28)


def scopes_check(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(Scope.values))
    if unknown:
        raise ValidationError(
            {"scopes": _("Onbekende bevoegdheid: %(s)s.") % {"s": ", ".join(unknown)}}
        )
    if not scopes:
        raise ValidationError({"scopes": _("Kies ten minste één bevoegdheid.")})
    return sorted(set(scopes))


def token_users(association: Any) -> Any:
    """Who a token may act for: the active users with a role in `association` today (a
    token of anyone else could read no more than the public pages)."""
    from samenspel.accounts.models import RoleAssignment, User

    current = RoleAssignment.objects.current().filter(association=association)
    return User.objects.filter(is_active=True, pk__in=current.values("user_id")).order_by(
        "username"
    )


def token_organisations(association: Any) -> Any:
    """The organisations a token may be narrowed to: those taking part in `association`."""
    from samenspel.organisations.models import AssociationMembership, Organisation

    ids = AssociationMembership.objects.filter(association=association).values("organisation_id")
    return Organisation.objects.filter(pk__in=ids).order_by("name", "pk")


def token_subject_check(*, association: Any, user: Any, organisation: Any = None) -> None:
    """The user and organisation of a new token belong to `association` (pages, command)."""
    if not token_users(association).filter(pk=user.pk).exists():
        raise ValidationError(
            {"user": _("%(u)s heeft geen rol in dit samenwerkingsverband.") % {"u": user}}
        )
    if (
        organisation is not None
        and not token_organisations(association).filter(pk=organisation.pk).exists()
    ):
        raise ValidationError(
            {
                "organisation": _("%(o)s neemt geen deel aan dit samenwerkingsverband.")
                % {"o": organisation}
            }
        )


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
    if expires_on is not None and expires_on > expiry_latest():
        raise ValidationError(
            {
                "expires_on": _("Een token is hoogstens twee jaar geldig: uiterlijk %(d)s.")
                % {"d": expiry_latest().isoformat()}
            }
        )
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


class TokenState:
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


def token_state(token: ApiToken) -> str:
    if token.revoked_at is not None:
        return TokenState.REVOKED
    if token.expires_on is not None and token.expires_on < today():
        return TokenState.EXPIRED
    return TokenState.ACTIVE


def token_state_label(token: ApiToken) -> str:
    return {
        TokenState.ACTIVE: _("actief"),
        TokenState.EXPIRED: _("verlopen"),
        TokenState.REVOKED: _("ingetrokken"),
    }[token_state(token)]


def scope_labels(token: ApiToken) -> list[str]:
    labels = dict(Scope.choices)
    return [str(labels.get(scope, scope)) for scope in token.scopes]
