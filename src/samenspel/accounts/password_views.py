"""Password change and reset: Django's views with a rate limit on the reset and a security
notice by e-mail after every change (docs/sign-in.md, "Passwords").

The reset is limited twice, in the cache (shared by every worker when Redis is used):

- per e-mail address (`SAMENSPEL_PASSWORD_RESET_RATE` an hour), so nobody floods a
  mailbox: over it the visitor sees the same "sent" page as always, but no mail goes out
  (the page never tells whether an account exists);
- per client address (`SAMENSPEL_PASSWORD_RESET_RATE_ADDRESS` an hour), so nobody tries
  address after address: over it a page says so, with status 429.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy

from samenspel.accounts.client_address import client_address
from samenspel.accounts.notices import security_notice_send
from samenspel.accounts.users.sessions import sign_in_session_key_refresh

RATE_WINDOW_SECONDS = 60 * 60
CACHE_PREFIX = "samenspel-password-reset"


def rate_hit(key: str, limit: int, window: int = RATE_WINDOW_SECONDS) -> bool:
    """Count one attempt under `key`; whether it is within `limit` for the window that the
    first attempt opened. Atomic in every worker: `add` creates, `incr` counts."""
    if cache.add(key, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this attempt opens a new window
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit


def _email_key(email: str) -> str:
    # Hashed: no e-mail address in the cache (Redis) or its keys.
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"{CACHE_PREFIX}:email:{digest}"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        address = client_address(request) or "unknown"
        allowed = rate_hit(
            f"{CACHE_PREFIX}:address:{address}", settings.SAMENSPEL_PASSWORD_RESET_RATE_ADDRESS
        )
        if not allowed:
            response = render(request, "accounts/password_reset_limited.html", status=429)
            response["Retry-After"] = str(RATE_WINDOW_SECONDS)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"]
        if not rate_hit(_email_key(email), settings.SAMENSPEL_PASSWORD_RESET_RATE):
            # The same page as a sent mail: the limit tells nothing about the account.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        security_notice_send(form.user, "password_changed")
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # update_session_auth_hash gave the session a new key: the sign-in follows it.
        sign_in_session_key_refresh(self.request)
        security_notice_send(form.user, "password_changed")
        return response
