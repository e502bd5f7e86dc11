"""Sign-in through one's own organisation (docs/sign-in.md): choose the organisation,
start at its provider, one callback for every provider, the page for someone the
provider knows but Samenspel does not, linking an account, and logout."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import auth, messages
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from samenspel.accounts.constants import (
    SESSION_ID_TOKEN_KEY,
    SESSION_PROVIDER_KEY,
    SESSION_PROVIDER_SECOND_FACTOR_KEY,
)
from samenspel.accounts.models import IdentityProvider
from samenspel.accounts.notices import security_notice_send
from samenspel.accounts.oidc.backend import (
    SESSION_LINK_KEY,
    SESSION_PENDING_KEY,
    ProviderSignIn,
    SignInRefused,
    oidc_setting,
)
from samenspel.accounts.oidc.discovery import provider_discover
from samenspel.accounts.oidc.providers import (
    active_providers,
    linkable_providers,
    provider_choices,
    provider_for_email,
)
from samenspel.accounts.users.signins import sign_in_second_factor_record

logger = logging.getLogger(__name__)

# The provider of the last refused unknown subject, for the "ask the bureau" page.
SESSION_UNKNOWN_KEY = "samenspel_sso_unknown"


def _failure(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "accounts/oidc/failure.html", {"reason": message}, status=status)


def _pop_attempt(request: HttpRequest) -> None:
    for key in (SESSION_PENDING_KEY, SESSION_LINK_KEY):
        request.session.pop(key, None)


class AuthenticateView(OIDCAuthenticationRequestView):
    """`accounts:sso_start?provider=<id>`: off to the organisation's provider, with state,
    nonce and PKCE (S256) kept in the session."""

    provider: IdentityProvider | None = None

    def get_settings(self, attr: str, *args: Any) -> Any:
        if attr == "OIDC_RP_SCOPES" and self.provider is not None:
            return self.provider.scopes or "openid email profile"
        if attr == "OIDC_PKCE_CODE_CHALLENGE_METHOD":
            return "S256"
        return oidc_setting(attr, *args)

    def get(self, request: HttpRequest) -> HttpResponse:
        self.provider = (
            active_providers(request).filter(pk=_int(request.GET.get("provider"))).first()
        )
        if self.provider is None:
            return _failure(
                request,
                _("Kies je organisatie opnieuw: deze organisatie is hier niet bekend."),
                404,
            )
        if self.provider.discovered_at is None:
            try:
                provider_discover(self.provider)
            except ValidationError as error:
                logger.warning("Provider %s not discovered: %s", self.provider.pk, error)
                return _failure(request, _unreachable(self.provider), 502)
        self.OIDC_OP_AUTH_ENDPOINT = self.provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        request.session[SESSION_PENDING_KEY] = self.provider.pk
        if not (request.GET.get("koppelen") and request.session.get(SESSION_LINK_KEY)):
            request.session.pop(SESSION_LINK_KEY, None)
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """`accounts:sso_callback`: the one redirect URI every provider sends back to."""

    def get_settings(self, attr: str, *args: Any) -> Any:
        return oidc_setting(attr, *args)

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            return super().get(request)
        except SignInRefused as refusal:
            if refusal.kind == "unknown" and refusal.provider is not None:
                request.session[SESSION_UNKNOWN_KEY] = refusal.provider.pk
                return redirect("accounts:sso_unknown")
            return _failure(request, refusal.message, 403)
        except SuspiciousOperation as error:
            # A state or nonce that is not this session's, a token not for us.
            logger.warning("Provider sign-in refused: %s", error)
            return _failure(request, _("De aanmelding kon niet worden gecontroleerd."))
        except requests.RequestException as error:
            logger.warning("Provider sign-in failed: %s", error)
            return _failure(
                request, _("De identiteitsprovider antwoordde niet zoals verwacht."), 502
            )
        finally:
            _pop_attempt(request)

    def login_failure(self) -> HttpResponse:
        if self.request.GET.get("error"):
            return _failure(
                self.request, _("De identiteitsprovider heeft de aanmelding afgebroken.")
            )
        return _failure(self.request, _("De aanmelding kon niet worden gecontroleerd."))

    def login_success(self) -> HttpResponse:
        request = self.request
        done: ProviderSignIn = request.samenspel_provider_sign_in
        provider, user = done.provider, self.user
        link_for = request.session.get(SESSION_LINK_KEY)
        if link_for is not None and link_for == getattr(request.user, "pk", None):
            if done.first_use:
                security_notice_send(user, "new_provider", detail=provider.name)
            messages.success(
                request,
                _("Je account is gekoppeld aan je account van %(org)s.")
                % {"org": provider.organisation},
            )
            return redirect("accounts:account")
        next_url = self.success_url
        if request.user.is_authenticated:
            auth.logout(request)  # a new sign-in, with its own session and SignIn row
        # Before login: the user_logged_in receiver records the provider (SignIn).
        request.session[SESSION_PROVIDER_KEY] = provider.pk
        auth.login(request, user)
        request.session[SESSION_ID_TOKEN_KEY] = done.id_token
        if done.second_factor:
            request.session[SESSION_PROVIDER_SECOND_FACTOR_KEY] = True
            sign_in_second_factor_record(request, "provider")
        if done.first_use:
            security_notice_send(user, "new_provider", detail=provider.name)
        return HttpResponseRedirect(next_url)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _unreachable(provider: IdentityProvider) -> str:
    return _(
        "De identiteitsprovider van %(org)s is nu niet bereikbaar. Probeer het later opnieuw."
    ) % {"org": provider.organisation}


def _start_url(provider: IdentityProvider, next_url: str = "", **extra: str) -> str:
    query = {"provider": str(provider.pk), **extra}
    if next_url:
        query["next"] = next_url
    return f"{reverse('accounts:sso_start')}?{urlencode(query)}"


def _continue(request: HttpRequest, provider: IdentityProvider, start_url: str) -> HttpResponse:
    """On to the provider from a form: a page that goes on by itself (meta refresh, or its
    link), because a browser stops a form's redirects at another site (CSP form-action
    'self'), and that policy is worth keeping on the pages with forms."""
    return render(
        request, "accounts/oidc/continue.html", {"provider": provider, "start_url": start_url}
    )


@require_safe
def sso_choose(request: HttpRequest) -> HttpResponse:
    """Choose the organisation (or give an e-mail address: its domain tells which)."""
    providers = list(active_providers(request))
    next_url = request.GET.get("next", "")
    error = ""
    if "organisatie" in request.GET:
        chosen = next((p for p in providers if p.pk == _int(request.GET["organisatie"])), None)
        if chosen is not None:
            return _continue(request, chosen, _start_url(chosen, next_url))
        error = _("Kies je organisatie uit de lijst.")
    elif "email" in request.GET:
        email = request.GET["email"].strip()
        found = provider_for_email(request, email)
        if found is not None:
            return _continue(request, found, _start_url(found, next_url))
        error = (
            _("Vul je e-mailadres in.")
            if not email
            else _(
                "Voor het e-mailadres %(email)s is geen organisatie ingesteld. Kies je "
                "organisatie, of log in met je Samenspel-account."
            )
            % {"email": email}
        )
    return render(
        request,
        "accounts/oidc/choose.html",
        {
            "providers": provider_choices(providers),
            "error": error,
            "next": next_url,
            "email": request.GET.get("email", ""),
        },
        status=400 if error else 200,
    )


@require_safe
def sso_unknown(request: HttpRequest) -> HttpResponse:
    """The provider knows this person, Samenspel does not: ask the bureau."""
    provider = (
        active_providers(request).filter(pk=_int(request.session.get(SESSION_UNKNOWN_KEY))).first()
    )
    return render(
        request,
        "accounts/oidc/unknown.html",
        {"provider": provider, "association": getattr(request, "association", None)},
    )


@require_POST
def sso_link(request: HttpRequest) -> HttpResponse:
    """From the account page: link the signed-in user to their organisation's provider."""
    provider = next(
        (p for p in linkable_providers(request) if p.pk == _int(request.POST.get("provider"))),
        None,
    )
    if provider is None:
        messages.error(request, _("Koppelen kan alleen met de provider van je eigen organisatie."))
        return redirect("accounts:account")
    request.session[SESSION_LINK_KEY] = request.user.pk
    return _continue(
        request, provider, _start_url(provider, reverse("accounts:account"), koppelen="1")
    )


@require_POST
@never_cache
def logout(request: HttpRequest) -> HttpResponse:
    """End the Samenspel session; after a provider sign-in, offer the provider's own
    logout (RP-initiated logout), which needs the id token as hint."""
    provider = (
        active_providers(request)
        .filter(pk=_int(request.session.get(SESSION_PROVIDER_KEY)))
        .exclude(end_session_endpoint="")
        .first()
    )
    id_token = request.session.get(SESSION_ID_TOKEN_KEY)
    auth.logout(request)
    if provider is None or not id_token:
        return redirect(settings.LOGOUT_REDIRECT_URL)
    query = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("accounts:login")),
            "client_id": provider.client_id,
        }
    )
    return render(
        request,
        "accounts/oidc/logged_out.html",
        {"provider": provider, "end_session_url": f"{provider.end_session_endpoint}?{query}"},
    )
