"""Sign-in through an organisation's own identity provider (docs/sign-in.md).

mozilla-django-oidc does the protocol (code exchange with PKCE, the id token's RS256
signature through the provider's JWKS, the nonce); this backend takes its settings from
the IdentityProvider the sign-in was started with, checks the id token's issuer and
audience too, and matches the user only by issuer and subject (ExternalIdentity), never
by e-mail. An unknown subject gets an account only through an invitation, or is linked
to the signed-in user who asked for it; otherwise the sign-in is refused.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from samenspel.accounts.constants import SESSION_INVITATION_KEY
from samenspel.accounts.invitations.forms import username_suggestion
from samenspel.accounts.models import ExternalIdentity, IdentityProvider, Invitation, User
from samenspel.accounts.oidc.claims import (
    claim_value,
    email_domain_allowed,
    second_factor_claimed,
    user_fields,
)

logger = logging.getLogger(__name__)

# The provider a sign-in was started with, until it succeeds (only then does it become
# SESSION_PROVIDER_KEY, so an abandoned attempt never marks a later password sign-in).
SESSION_PENDING_KEY = "samenspel_sso_pending"
# The signed-in user who asked to link their account at the pending provider.
SESSION_LINK_KEY = "samenspel_sso_link"


# mozilla-django-oidc's settings that Samenspel fixes (one callback URL for every
# provider); a setting of the same name still wins.
DEFAULTS = {"OIDC_AUTHENTICATION_CALLBACK_URL": "accounts:sso_callback"}


def oidc_setting(attr: str, *args: Any) -> Any:
    if attr in DEFAULTS:
        return getattr(settings, attr, DEFAULTS[attr])
    return import_from_settings(attr, *args)


class SignInRefused(Exception):
    """The provider vouched for someone Samenspel will not sign in; `kind` chooses the
    page ("unknown": ask the bureau for an invitation; else the failure page)."""

    def __init__(self, kind: str, message: str, provider: IdentityProvider | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.provider = provider


@dataclass
class ProviderSignIn:
    """What the callback view needs after a successful sign-in."""

    provider: IdentityProvider
    id_token: str
    claims: dict[str, Any] = field(default_factory=dict)
    first_use: bool = False

    @property
    def second_factor(self) -> bool:
        return second_factor_claimed(self.provider, self.claims)


def pending_provider(request: HttpRequest) -> IdentityProvider | None:
    """The active provider of the request's association the session started with."""
    provider_id = request.session.get(SESSION_PENDING_KEY)
    association = getattr(request, "association", None)
    if provider_id is None or association is None:
        return None
    return IdentityProvider.objects.filter(
        pk=provider_id, association=association, is_active=True
    ).first()


def _unique_username(email: str) -> str:
    base = username_suggestion(email).lower()[:120] or "gebruiker"
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


class ProviderBackend(OIDCAuthenticationBackend):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Not mozilla's __init__: its settings are global, ours are per provider and set
        # in `configure` (RS256 keys always from the provider's JWKS).
        self.UserModel = get_user_model()
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.provider: IdentityProvider | None = None

    def get_settings(self, attr: str, *args: Any) -> Any:
        return oidc_setting(attr, *args)

    def configure(self, provider: IdentityProvider) -> None:
        if provider.discovered_at is None:
            from samenspel.accounts.oidc.discovery import provider_discover

            provider_discover(provider)
        self.provider = provider
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_uri

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        if request is None or not hasattr(request, "session"):
            return None
        if "code" not in request.GET or "state" not in request.GET:
            return None  # a password sign-in: not ours
        provider = pending_provider(request)
        if provider is None:
            # Inactive, deleted, or another association's provider (on this host).
            raise SignInRefused(
                "provider", _("Inloggen via deze organisatie kan hier niet (meer).")
            )
        try:
            self.configure(provider)
        except ValidationError as error:
            logger.warning("Provider %s not discovered: %s", provider.pk, error)
            raise SignInRefused(
                "provider",
                _("De identiteitsprovider van %(org)s is niet bereikbaar.")
                % {"org": provider.organisation},
                provider,
            ) from error
        return super().authenticate(request, **kwargs)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload = super().verify_token(token, **kwargs)
        assert self.provider is not None
        # mozilla-django-oidc checks signature and nonce; issuer and audience here.
        if str(payload.get("iss", "")).rstrip("/") != self.provider.issuer.rstrip("/"):
            raise SuspiciousOperation("id token of another issuer")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.provider.client_id not in audiences:
            raise SuspiciousOperation("id token for another client")
        return payload

    def store_tokens(self, access_token: str, id_token: str) -> None:
        self.id_token = id_token  # kept in the session by the view, after the sign-in

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            # OIDC Core §5.3.2: a userinfo of another subject must not be used.
            if str(userinfo.get("sub")) != str(payload.get("sub")):
                raise SuspiciousOperation("userinfo of another subject")
            claims.update({k: v for k, v in userinfo.items() if k not in ("iss", "aud", "amr")})
        return claims

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        provider = self.provider
        assert provider is not None
        claims = self.get_userinfo(access_token, id_token, payload)
        issuer, subject = str(payload["iss"]), str(payload["sub"])
        email = claim_value(provider, claims, "email")
        if not email_domain_allowed(provider, email):
            raise SignInRefused(
                "domain",
                _(
                    "Het e-mailadres %(email)s hoort niet bij een domein van %(org)s. Log in met "
                    "je werkaccount van %(org)s."
                )
                % {"email": email or "—", "org": provider.organisation},
                provider,
            )
        with transaction.atomic():
            identity = (
                ExternalIdentity.objects.select_for_update()
                .select_related("user")
                .filter(issuer=issuer, subject=subject)
                .first()
            )
            if identity is None:
                user = self._new_identity_user(provider, email)
                identity = ExternalIdentity.objects.create(
                    user=user, provider=provider, issuer=issuer, subject=subject
                )
            user = identity.user
            link_for = self.request.session.get(SESSION_LINK_KEY)
            if link_for is not None and user.pk != link_for:
                raise SignInRefused(
                    "taken",
                    _("Dit account van %(org)s is al gekoppeld aan een andere gebruiker.")
                    % {"org": provider.organisation},
                    provider,
                )
            if not user.is_active:
                raise SignInRefused(
                    "inactive",
                    _("Je account in Samenspel is gedeactiveerd. Vraag het bureau om hulp."),
                    provider,
                )
            first_use = identity.last_used_at is None
            identity.last_used_at = timezone.now()
            identity.save(update_fields=["last_used_at"])
            self.update_user(user, claims)
        self.request.samenspel_provider_sign_in = ProviderSignIn(
            provider=provider,
            id_token=self.id_token,
            claims=claims,
            first_use=first_use,
        )
        return user

    def _new_identity_user(self, provider: IdentityProvider, email: str) -> Any:
        """The user an unknown subject belongs to: the signed-in user who asked to link,
        or the account an invitation for the provider's organisation makes; else none."""
        request = self.request
        link_for = request.session.get(SESSION_LINK_KEY)
        if link_for is not None:
            if getattr(request.user, "pk", None) != link_for:
                raise SignInRefused("link", _("Log eerst in om je account te koppelen."), provider)
            return request.user
        invitation = Invitation.objects.filter(
            pk=request.session.get(SESSION_INVITATION_KEY) or 0,
            association=provider.association,
            organisation=provider.organisation,
        ).first()
        if invitation is None:
            raise SignInRefused("unknown", "", provider)
        from samenspel.accounts.invitations.services import invitation_accept, invitation_usable

        if not invitation_usable(invitation):
            raise SignInRefused(
                "invitation",
                _(
                    "Deze uitnodiging kan niet meer worden geaccepteerd. Vraag het bureau om "
                    "een nieuwe."
                ),
                provider,
            )
        try:
            user = invitation_accept(
                invitation, username=_unique_username(email or invitation.email), password=None
            )
        except ValidationError as error:
            raise SignInRefused("invitation", " ".join(error.messages), provider) from error
        request.session.pop(SESSION_INVITATION_KEY, None)
        return user

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        assert self.provider is not None
        changed = [
            name
            for name, value in user_fields(self.provider, claims).items()
            if getattr(user, name) != value[:150]
        ]
        for name in changed:
            setattr(user, name, user_fields(self.provider, claims)[name][:150])
        if changed:
            user.save(update_fields=changed)
        return user

    def get_user(self, user_id: Any) -> Any:
        # A deactivated user's session ends at the next request (as with ModelBackend).
        return self.UserModel._default_manager.filter(pk=user_id, is_active=True).first()
