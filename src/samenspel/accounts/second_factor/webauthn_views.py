"""django-otp-webauthn's ceremonies, with what Samenspel adds when one completes: a mail
when a passkey is added (and recovery codes with the first factor, as for an app), and
the second factor on this session's SignIn row."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp_webauthn import views as package
from django_otp_webauthn.utils import get_credential_model

from samenspel.accounts.notices import security_notice_send
from samenspel.accounts.second_factor import devices
from samenspel.accounts.users.signins import sign_in_second_factor_record

KIND = "webauthn"


class CompleteCredentialRegistrationView(package.CompleteCredentialRegistrationView):
    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        request = self.request
        user = request.user
        was_verified = user.is_verified()
        # Returns only when the passkey was stored: a failure raises, and dispatch turns
        # it into the package's JSON error.
        answer = json.loads(super().post(*args, **kwargs).content)
        credential = get_credential_model().objects.get(pk=answer["id"], user=user)
        devices.has_device_forget(request)
        if not was_verified and user.is_verified():
            # The package counts a passkey just made as this session's second factor.
            sign_in_second_factor_record(request, KIND)
        security_notice_send(user, "second_factor_added", detail=credential.name)
        # accounts/webauthn.js goes to `redirect_url`, or reloads the page to list the
        # new passkey; the message is shown on that page.
        if devices.recovery_device_of(user) is None:
            # Without codes a lost passkey would lock the user out: shown once, next page.
            request.session[devices.SESSION_NEW_CODES_KEY] = devices.recovery_codes_make(user)
            messages.success(request, _("Je passkey is toegevoegd. Bewaar nu je herstelcodes."))
            answer["redirect_url"] = reverse("accounts:second_factor_recovery")
        else:
            messages.success(request, _("Je passkey is toegevoegd."))
        return JsonResponse(answer)


class CompleteCredentialAuthenticationView(package.CompleteCredentialAuthenticationView):
    def complete_auth(self, device: Any) -> Any:
        result = super().complete_auth(device)
        sign_in_second_factor_record(self.request, KIND)
        return result
