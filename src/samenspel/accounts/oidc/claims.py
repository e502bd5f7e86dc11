"""What an identity provider's claims mean for Samenspel: the user's fields they fill
(per provider, `claim_mapping`), the allowed e-mail domains, and whether the provider's
`amr`/`acr` counts as a second factor."""

from __future__ import annotations

import re
from typing import Any

from samenspel.accounts.models import IdentityProvider

# The standard claim for each user field; `claim_mapping` may name another claim per key.
DEFAULT_CLAIMS = {"email": "email", "given_name": "given_name", "family_name": "family_name"}
USER_FIELDS = {"email": "email", "given_name": "first_name", "family_name": "last_name"}


def _words(text: str) -> set[str]:
    return {word for word in re.split(r"[\s,]+", text or "") if word}


def claim_value(provider: IdentityProvider, claims: dict[str, Any], key: str) -> str:
    mapping = provider.claim_mapping if isinstance(provider.claim_mapping, dict) else {}
    value = claims.get(mapping.get(key) or DEFAULT_CLAIMS[key])
    return value.strip() if isinstance(value, str) else ""


def user_fields(provider: IdentityProvider, claims: dict[str, Any]) -> dict[str, str]:
    """The user's fields the provider's claims fill (only those it sends)."""
    found = {field: claim_value(provider, claims, key) for key, field in USER_FIELDS.items()}
    return {field: value for field, value in found.items() if value}


def email_domain_allowed(provider: IdentityProvider, email: str) -> bool:
    domains = {domain.lower().lstrip("@") for domain in _words(provider.email_domains)}
    if not domains:
        return True
    return email.rpartition("@")[2].lower() in domains if "@" in email else False


def second_factor_claimed(provider: IdentityProvider, claims: dict[str, Any]) -> bool:
    """Whether the id token says the user passed more than a password, by one of the
    `amr` values (RFC 8176) or `acr` values the bureau configured for this provider."""
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if _words(provider.second_factor_amr) & {str(value) for value in amr}:
        return True
    acr = claims.get("acr")
    return bool(acr) and str(acr) in _words(provider.second_factor_acr)
