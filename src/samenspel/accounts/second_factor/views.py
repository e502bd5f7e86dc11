"""The second step of signing in, and one's own authenticator apps, passkeys and recovery
codes (docs/sign-in.md)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.utils import get_credential_model

from samenspel.accounts.notices import security_notice_send
from samenspel.accounts.permissions import require
from samenspel.accounts.second_factor import devices
from samenspel.accounts.second_factor.forms import RenameForm, TotpConfirmForm, VerifyForm
from samenspel.accounts.signin_permissions import can_manage_second_factor, second_factor_required
from samenspel.accounts.users.signins import sign_in_second_factor_record


def next_url(request: HttpRequest) -> str:
    """Where to go after the second step: `next` when it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def is_verified(request: HttpRequest) -> bool:
    """Whether this session passed a second factor (django-otp's OTPMiddleware)."""
    return bool(getattr(request.user, "is_verified", bool)())


def _passed(request: HttpRequest, device: Device, kind: str) -> None:
    """This session passed a second factor with `device`."""
    otp_login(request, device)
    sign_in_second_factor_record(request, kind)


@require_http_methods(["GET", "POST"])
@require(can_manage_second_factor)
def verify(request: HttpRequest) -> HttpResponse:
    if is_verified(request) or not devices.has_device(request):
        return redirect(next_url(request))
    form = VerifyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        device = form.verified.device
        assert device is not None  # a valid form has one
        _passed(request, device, form.verified.kind)
        if form.verified.kind == "static":
            left = devices.recovery_codes_left(request.user)
            messages.warning(
                request,
                _(
                    "Je bent ingelogd met een herstelcode; je hebt er nog %(left)s. Maak nieuwe "
                    "onder 'Tweede factor' als je bijna door je codes heen bent."
                )
                % {"left": left},
            )
        return redirect(next_url(request))
    return render(
        request,
        "accounts/second_factor/verify.html",
        {"form": form, "next": next_url(request)},
    )


@require_GET
@require(can_manage_second_factor)
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    apps = devices.apps_of(user)
    passkeys = devices.passkeys_of(user)
    return render(
        request,
        "accounts/second_factor/overview.html",
        {
            "apps": apps,
            "passkeys": passkeys,
            "has_factor": bool(apps or passkeys),
            "codes_left": devices.recovery_codes_left(user),
            "required": second_factor_required(user),
        },
    )


def _pending_app(user: Any) -> TOTPDevice:
    """The app being added: one unconfirmed device per user, kept until it is confirmed,
    so reloading the page keeps the QR code the app may already have scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=devices.device_name_default(), confirmed=False
        )
    return device


def _name_suggested(user: Any) -> str:
    taken = {d.name for d in devices.apps_of(user)}
    name = devices.device_name_default()
    number = 2
    while name in taken:
        name = f"{devices.device_name_default()} {number}"
        number += 1
    return name


@require_http_methods(["GET", "POST"])
@require(can_manage_second_factor)
def totp_add(request: HttpRequest) -> HttpResponse:
    user = request.user
    device = _pending_app(user)
    form = TotpConfirmForm(
        request.POST or None, device=device, initial={"name": _name_suggested(user)}
    )
    if request.method == "POST" and form.is_valid():
        device.name = form.cleaned_data["name"]
        device.confirmed = True
        device.save(update_fields=["name", "confirmed"])
        devices.has_device_forget(request)
        if not is_verified(request):
            # The code just given proves the app: this session has passed.
            _passed(request, device, "totp")
        security_notice_send(user, "second_factor_added", detail=device.name)
        if devices.recovery_device_of(user) is None:
            request.session[devices.SESSION_NEW_CODES_KEY] = devices.recovery_codes_make(user)
            messages.success(request, _("De app is toegevoegd. Bewaar nu je herstelcodes."))
            return redirect("accounts:second_factor_recovery")
        messages.success(request, _("De app '%(name)s' is toegevoegd.") % {"name": device.name})
        return redirect("accounts:second_factor")
    return render(
        request,
        "accounts/second_factor/totp.html",
        {
            "form": form,
            "qr": devices.qr_data_uri(device),
            "secret": devices.secret_groups(device),
        },
    )


@require_http_methods(["GET", "POST"])
@require(can_manage_second_factor)
def recovery(request: HttpRequest) -> HttpResponse:
    """New recovery codes (POST, replacing the old ones), shown once on the next GET."""
    user = request.user
    if request.method == "POST":
        if not devices.factor_count(user):
            messages.error(
                request,
                _(
                    "Stel eerst een authenticator-app of passkey in: herstelcodes zijn voor als "
                    "je die kwijt bent."
                ),
            )
            return redirect("accounts:second_factor")
        request.session[devices.SESSION_NEW_CODES_KEY] = devices.recovery_codes_make(user)
        return redirect("accounts:second_factor_recovery")
    codes = request.session.pop(devices.SESSION_NEW_CODES_KEY, None)
    response = render(
        request,
        "accounts/second_factor/recovery.html",
        {
            "codes": [devices.recovery_code_display(c) for c in codes or ()],
            "codes_left": devices.recovery_codes_left(user),
            "has_factor": bool(devices.factor_count(user)),
        },
    )
    add_never_cache_headers(response)  # codes shown once: no copy in any cache
    return response


def _device_of(request: HttpRequest) -> Device:
    """One of the user's own apps or passkeys, named by its django-otp persistent id in
    `device` (anyone else's, or recovery codes: 404)."""
    persistent_id = request.POST.get("device") or request.GET.get("device") or ""
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    if (
        device is None
        or device.user_id != request.user.pk
        or not device.confirmed
        or not isinstance(device, (TOTPDevice, get_credential_model()))
    ):
        raise Http404(_("Deze factor bestaat niet (meer) bij jouw account."))
    return device


@require_http_methods(["GET", "POST"])
@require(can_manage_second_factor)
def rename(request: HttpRequest) -> HttpResponse:
    device = _device_of(request)
    form = RenameForm(
        request.POST if "name" in request.POST else None, initial={"name": device.name}
    )
    if form.is_bound and form.is_valid():
        device.name = form.cleaned_data["name"]
        device.save(update_fields=["name"])
        messages.success(request, _("De naam is gewijzigd in '%(name)s'.") % {"name": device.name})
        return redirect("accounts:second_factor")
    return render(
        request,
        "accounts/second_factor/rename.html",
        {
            "form": form,
            "device": device,
            "device_id": device.persistent_id,
            "back": reverse("accounts:second_factor"),
        },
    )


def _last_refused(request: HttpRequest, device: Device, back: str) -> HttpResponse:
    messages.error(
        request,
        _(
            "'%(name)s' is je laatste tweede factor en die is voor jouw rol verplicht: ook "
            "een beheerder kan hem voor zichzelf niet uitzetten. Voeg eerst een andere app "
            "of passkey toe; daarna kun je deze verwijderen."
        )
        % {"name": device.name},
    )
    return redirect(back)


@require_http_methods(["GET", "POST"])
@require(can_manage_second_factor)
def remove(request: HttpRequest) -> HttpResponse:
    """Remove an app or passkey: GET (or a POST without `confirmed`) asks first."""
    user = request.user
    device = _device_of(request)
    back = reverse("accounts:second_factor")
    last = devices.factor_count(user) <= 1
    if last and second_factor_required(user):
        return _last_refused(request, device, back)
    consequences = [_("Inloggen met '%(name)s' kan daarna niet meer.") % {"name": device.name}]
    if last:
        consequences.append(
            _(
                "Het is je laatste tweede factor: je herstelcodes vervallen ook en je logt "
                "voortaan in met alleen je wachtwoord."
            )
        )
    if not request.POST.get("confirmed"):
        return render(
            request,
            "web/confirm.html",
            {
                "title": _("Tweede factor verwijderen"),
                "question": _("'%(name)s' verwijderen?") % {"name": device.name},
                "button": _("Ja, verwijderen"),
                "consequences": consequences,
                "undo": _("Ongedaan maken kan niet: stel zo nodig opnieuw een app of passkey in."),
                "fields": [("device", device.persistent_id), ("confirmed", "1")],
                "action": request.path,
                "back": back,
            },
        )
    was_used = getattr(user, "otp_device", None) == device
    with transaction.atomic():
        # Two removals at once must not both pass the "not the last one" check.
        get_user_model().objects.select_for_update().filter(pk=user.pk or 0).first()
        last = devices.factor_count(user) <= 1
        if last and second_factor_required(user):
            return _last_refused(request, device, back)
        device.delete()
        if last:
            devices.recovery_codes_remove(user)
    devices.has_device_forget(request)
    if was_used and not last:
        # The session passed its second factor at sign-in; removing the device it used
        # must not send the user back to the second step halfway through.
        remaining = devices.apps_of(user) or devices.passkeys_of(user)
        otp_login(request, remaining[0])
    messages.success(request, _("'%(name)s' is verwijderd.") % {"name": device.name})
    return redirect(back)
