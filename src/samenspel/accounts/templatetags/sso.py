"""Sign-in through one's own organisation on pages whose views know nothing of it: the
login page (the association's providers) and the account page (linked identities)."""

from __future__ import annotations

from typing import Any

from django import template

from samenspel.accounts.oidc.providers import (
    active_providers,
    linkable_providers,
    provider_choices,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def sso_providers(context: Any) -> list[tuple[int, str]]:
    """(id, label) of the request's association's active providers, by organisation."""
    request = context.get("request")
    return provider_choices(list(active_providers(request))) if request is not None else []


@register.simple_tag(takes_context=True)
def sso_account_links(context: Any) -> dict[str, Any]:
    """The user's identities at this association's providers, and the providers of
    their organisation they may still link."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"identities": [], "linkable": []}
    identities = list(
        request.user.external_identities.filter(
            provider__association=getattr(request, "association", None)
        ).select_related("provider")
    )
    linked = {identity.provider_id for identity in identities}
    return {
        "identities": identities,
        "linkable": [p for p in linkable_providers(request) if p.pk not in linked],
    }
