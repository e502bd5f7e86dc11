"""A signed-in session that has not passed its second factor sees only the pages to pass
it (or, when one is required and none is set up, to set one up).

Passed: django-otp's `request.user.is_verified()` (an app, recovery code or passkey in
this session), or the identity provider's amr/acr counted as a second factor (SSO).
Whether the user has a device at all is asked once per sign-in and kept in the session,
so a page view of a user without devices costs no query (devices.has_device).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samenspel.accounts.constants import SESSION_PROVIDER_SECOND_FACTOR_KEY
from samenspel.accounts.permissions import is_signed_in
from samenspel.accounts.second_factor.devices import has_device
from samenspel.accounts.signin_permissions import second_factor_required

REQUIRED_MESSAGE = gettext_noop("Stel eerst een tweede factor in; dat is verplicht voor jouw rol.")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @cached_property
    def always_open(self) -> tuple[str, ...]:
        # What a session that still has to pass needs: signing out, the passkey
        # endpoints, files, the language switch and the health check.
        return (
            reverse("accounts:logout"),
            "/webauthn/",
            settings.STATIC_URL,
            "/i18n/",
            reverse("healthz"),
        )

    @cached_property
    def verify_path(self) -> str:
        return reverse("accounts:second_factor_verify")

    @cached_property
    def set_up_prefix(self) -> str:
        # The overview and every page under it (an app, recovery codes).
        return reverse("accounts:second_factor")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            not is_signed_in(user)
            or request.path.startswith(self.always_open)
            or request.session.get(SESSION_PROVIDER_SECOND_FACTOR_KEY)
            or getattr(user, "is_verified", bool)()
        ):
            return self.get_response(request)
        if has_device(request):
            if request.path == self.verify_path:
                return self.get_response(request)
            return self._refuse(
                request,
                self.verify_path,
                _("Bevestig eerst je inlog met je tweede factor."),
            )
        if second_factor_required(user):
            if request.path.startswith((self.set_up_prefix, self.verify_path)):
                return self.get_response(request)
            return self._refuse(request, self.set_up_prefix, _(REQUIRED_MESSAGE), message=True)
        return self.get_response(request)

    def _refuse(
        self, request: HttpRequest, to: str, reason: str, *, message: bool = False
    ) -> HttpResponse:
        if request.path.startswith("/api/"):
            # The API's problem+json shape (api/problems.py; accounts does not import api).
            body = {
                "type": "urn:samenspel:problem:second_factor",
                "title": _("Geen toegang."),
                "status": 403,
                "detail": reason,
                "instance": request.path,
            }
            return JsonResponse(
                body,
                status=403,
                content_type="application/problem+json",
                json_dumps_params={"ensure_ascii": False},
            )
        if request.method == "GET":
            to = f"{to}?{urlencode({'next': request.get_full_path()})}"
        if message:
            messages.warning(request, reason)
        if request.headers.get("HX-Request"):
            # htmx would swap the page it is sent to into a part of this one.
            return HttpResponse(status=204, headers={"HX-Redirect": to})
        return HttpResponseRedirect(to)
