"""A user's second factors: authenticator apps (TOTP), passkeys (WebAuthn) and recovery
codes (django-otp's static device), and whether this session has any to pass.

Apps and passkeys are factors; recovery codes only stand in for a lost one, so they are
made with the first app and removed with the last factor.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import segno
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.models import Device, VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.utils import get_credential_model

from samenspel.accounts.constants import SESSION_HAS_DEVICE_KEY
from samenspel.accounts.users.signins import SESSION_SIGN_IN_KEY

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Herstelcodes"
# Whether the signed-in user has a confirmed device: [user id, sign-in id, answer]. Asked
# once per sign-in, so a page view of a user without devices costs no query for it.
# Recovery codes just made, shown once on the next page and then dropped.
SESSION_NEW_CODES_KEY = "samenspel_new_recovery_codes"


def device_name_default() -> str:
    return _("Authenticator-app")


def has_device(request: HttpRequest) -> bool:
    """Whether the session's user has a confirmed app, passkey or recovery codes (cached
    in the session per sign-in)."""
    user = request.user
    stamp = [user.pk, request.session.get(SESSION_SIGN_IN_KEY)]
    cached = request.session.get(SESSION_HAS_DEVICE_KEY)
    if isinstance(cached, list) and len(cached) == 3 and cached[:2] == stamp:
        return bool(cached[2])
    answer = user_has_device(user, confirmed=True)
    request.session[SESSION_HAS_DEVICE_KEY] = [*stamp, answer]
    return answer


def has_device_forget(request: HttpRequest) -> None:
    """After a device was added or removed: ask again on the next request."""
    request.session.pop(SESSION_HAS_DEVICE_KEY, None)


def apps_of(user: Any) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk"))


def passkeys_of(user: Any) -> list[Device]:
    return list(get_credential_model().objects.filter(user=user, confirmed=True).order_by("pk"))


def factor_count(user: Any) -> int:
    """The apps and passkeys: what a second factor can be passed with (recovery codes
    only stand in for one)."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).count()
        + get_credential_model().objects.filter(user=user, confirmed=True).count()
    )


def recovery_device_of(user: Any) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user).order_by("pk").first()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def recovery_codes_make(user: Any) -> list[str]:
    """New recovery codes, replacing any old ones (each works once)."""
    with transaction.atomic():
        device = recovery_device_of(user)
        if device is None:
            device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_remove(user: Any) -> None:
    StaticDevice.objects.filter(user=user).delete()


def recovery_code_display(code: str) -> str:
    """ "abcdefgh" as "abcd-efgh": easier to copy by hand."""
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code


def token_normalise(token: str) -> str:
    return "".join(ch for ch in token.lower() if ch.isalnum())


def secret_groups(device: TOTPDevice) -> str:
    """The app's secret in base32, in groups of four, for typing it in by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as a QR code: an SVG in a data: URL (CSP allows data:
    images, and no request reveals the secret)."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(buffer, kind="svg", scale=5, xmldecl=False)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass(frozen=True)
class Verified:
    device: Device | None
    kind: str = ""  # "totp" or "static"
    error: str = ""


def _throttled_message(locked_until: datetime | None) -> str:
    if locked_until is None:
        return _("Te veel onjuiste codes. Wacht even en probeer het opnieuw.")
    seconds = max(1, int((locked_until - timezone.now()).total_seconds()) + 1)
    return _(
        "Te veel onjuiste codes achter elkaar: deze factor is even geblokkeerd. Probeer het "
        "over %(seconds)s seconden opnieuw."
    ) % {"seconds": seconds}


def token_verify(user: Any, token: str) -> Verified:
    """Check `token` against the user's apps (six digits) or recovery codes (anything
    else). Each device counts its own failures and throttles itself (django-otp)."""
    token = token_normalise(token)
    if not token:
        return Verified(None, error=_("Vul de code uit je app of een herstelcode in."))
    model: type[Device] = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    kind = "totp" if model is TOTPDevice else "static"
    with transaction.atomic():
        devices = list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
        throttled = None
        for device in devices:
            allowed, data = device.verify_is_allowed()
            if not allowed:
                if data and data.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
                    throttled = data.get("locked_until")
                continue
            if device.verify_token(token):
                return Verified(device, kind)
    if throttled is not None:
        return Verified(None, error=_throttled_message(throttled))
    if kind == "static":
        if not devices:
            return Verified(None, error=_("Je hebt geen herstelcodes. Gebruik de code uit je app."))
        return Verified(
            None,
            error=_("Deze herstelcode klopt niet of is al gebruikt (elke code werkt één keer)."),
        )
    return Verified(
        None,
        error=_(
            "De code klopt niet. Gebruik de code die je app nu toont (zes cijfers; hij "
            "verandert elke 30 seconden)."
        ),
    )
