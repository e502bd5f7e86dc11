"""Reading an identity provider's configuration from its discovery document
(`<issuer>/.well-known/openid-configuration`), so the bureau types only the issuer."""

from __future__ import annotations

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.accounts.models import IdentityProvider

# Document field → model field; the last one is optional (not every provider offers it).
ENDPOINTS = {
    "authorization_endpoint": "authorization_endpoint",
    "token_endpoint": "token_endpoint",
    "userinfo_endpoint": "userinfo_endpoint",
    "jwks_uri": "jwks_uri",
    "end_session_endpoint": "end_session_endpoint",
}
REQUIRED = ("authorization_endpoint", "token_endpoint", "jwks_uri")


def discovery_url(issuer: str) -> str:
    return issuer.rstrip("/") + "/.well-known/openid-configuration"


def provider_discover(provider: IdentityProvider, *, save: bool = True) -> IdentityProvider:
    """Fill the provider's endpoints from its discovery document. Raises ValidationError
    (on the `issuer` field, in Dutch) when the document cannot be read or does not fit."""
    url = discovery_url(provider.issuer)
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except requests.RequestException as error:
        raise ValidationError(
            {
                "issuer": _(
                    "De configuratie van de provider kon niet worden gelezen van %(url)s "
                    "(%(error)s). Controleer de issuer-URL."
                )
                % {"url": url, "error": type(error).__name__}
            }
        ) from error
    except ValueError as error:
        raise ValidationError(
            {"issuer": _("Op %(url)s staat geen geldige JSON-configuratie.") % {"url": url}}
        ) from error
    if not isinstance(document, dict):
        raise ValidationError(
            {"issuer": _("Op %(url)s staat geen geldige JSON-configuratie.") % {"url": url}}
        )
    # The issuer in the document must be the one configured (OIDC Discovery §4.3).
    if str(document.get("issuer", "")).rstrip("/") != provider.issuer.rstrip("/"):
        raise ValidationError(
            {
                "issuer": _(
                    "De provider noemt zich %(found)s, niet %(issuer)s: vul de issuer precies "
                    "in zoals de provider die noemt."
                )
                % {"found": document.get("issuer") or "—", "issuer": provider.issuer}
            }
        )
    missing = [name for name in REQUIRED if not document.get(name)]
    if missing:
        raise ValidationError(
            {
                "issuer": _("De configuratie van de provider mist %(fields)s.")
                % {"fields": ", ".join(missing)}
            }
        )
    for key, attribute in ENDPOINTS.items():
        setattr(provider, attribute, str(document.get(key) or "")[:300])
    provider.discovered_at = timezone.now()
    if save and provider.pk:
        provider.save(update_fields=[*ENDPOINTS.values(), "discovered_at"])
    return provider
