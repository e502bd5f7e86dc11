"""Every sign-in is recorded (SignIn): when, how (password or provider, and which second
factor), from where, with which session, so the bureau can see and end sessions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django_otp import user_has_device

from samenspel.accounts.client_address import client_address
from samenspel.accounts.constants import (
    SESSION_HAS_DEVICE_KEY,
    SESSION_PROVIDER_KEY,
    SignInMethod,
)
from samenspel.accounts.models import SignIn

SESSION_SIGN_IN_KEY = "samenspel_sign_in"  # id of this session's SignIn row


@receiver(user_logged_in, dispatch_uid="samenspel_sign_in_record")
def sign_in_record(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    if not request.session.session_key:
        request.session.save()  # the key the session will have, to end it later
    provider_id = request.session.get(SESSION_PROVIDER_KEY)
    address = client_address(request) if "REMOTE_ADDR" in request.META else None
    sign_in = SignIn.objects.create(
        user=user,
        association=getattr(request, "association", None),
        method=SignInMethod.PROVIDER if provider_id else SignInMethod.PASSWORD,
        provider_id=provider_id,
        session_key=request.session.session_key or "",
        address=address,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:200],
    )
    request.session[SESSION_SIGN_IN_KEY] = sign_in.pk
    # Asked once here, so no page view of this sign-in asks again (second_factor.devices).
    request.session[SESSION_HAS_DEVICE_KEY] = [
        user.pk,
        sign_in.pk,
        user_has_device(user, confirmed=True),
    ]


def sign_in_second_factor_record(request: HttpRequest, kind: str) -> None:
    """This session passed a second factor of `kind` ("totp", "static", "webauthn", or
    "provider" when the identity provider's amr/acr counts as one)."""
    sign_in_id = request.session.get(SESSION_SIGN_IN_KEY)
    if sign_in_id is not None:
        SignIn.objects.filter(pk=sign_in_id).update(second_factor=kind)
