"""Which identity providers a request may use: always those of its own association."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from samenspel.accounts.models import IdentityProvider
from samenspel.accounts.oidc.claims import email_domain_allowed


def active_providers(request: HttpRequest) -> QuerySet[IdentityProvider]:
    association = getattr(request, "association", None)
    if association is None:
        return IdentityProvider.objects.none()
    return IdentityProvider.objects.filter(association=association, is_active=True).select_related(
        "organisation"
    )


def provider_choices(providers: list[IdentityProvider]) -> list[tuple[int, str]]:
    """(id, label) by organisation; the provider's name too when one organisation has
    more than one here."""
    counts: dict[int, int] = {}
    for provider in providers:
        counts[provider.organisation_id] = counts.get(provider.organisation_id, 0) + 1
    return [
        (
            p.pk,
            f"{p.organisation} — {p.name}"
            if counts[p.organisation_id] > 1
            else str(p.organisation),
        )
        for p in providers
    ]


def provider_for_email(request: HttpRequest, email: str) -> IdentityProvider | None:
    """The provider whose e-mail domains include the address's (none when ambiguous)."""
    if "@" not in email:
        return None
    found = [
        p for p in active_providers(request) if p.email_domains and email_domain_allowed(p, email)
    ]
    return found[0] if len(found) == 1 else None


def linkable_providers(request: HttpRequest) -> list[IdentityProvider]:
    """The providers of the signed-in user's own organisation they may link to."""
    person: Any = getattr(request.user, "person", None)
    if person is None or not getattr(person, "organisation_id", None):
        return []
    return list(active_providers(request).filter(organisation_id=person.organisation_id))
