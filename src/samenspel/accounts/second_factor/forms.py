"""The forms of the second factor: the code at sign-in, adding an app, naming a device."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.second_factor.devices import Verified, token_normalise, token_verify

CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "autocapitalize": "off",
    "spellcheck": "false",
    "size": "12",
}


class VerifyForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit je app of een herstelcode"),
        max_length=32,
        help_text=_(
            "De zes cijfers die je authenticator-app nu toont, of een van je herstelcodes "
            "als je je app niet bij de hand hebt."
        ),
        widget=forms.TextInput(attrs={**CODE_ATTRS, "autofocus": True}),
        error_messages={"required": _("Vul de code uit je app of een herstelcode in.")},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.verified = Verified(None)

    def clean_token(self) -> str:
        token = self.cleaned_data["token"]
        self.verified = token_verify(self.user, token)
        if self.verified.device is None:
            raise ValidationError(self.verified.error)
        return token


class NameField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label=_("Naam"),
            max_length=64,
            help_text=_("Zodat je hem later herkent, bijv. 'Telefoon werk'."),
            error_messages={"required": _("Geef de app een naam.")},
            **kwargs,
        )


class TotpConfirmForm(forms.Form):
    """Adding an app: its name and a code it shows, proving it was set up right."""

    name = NameField()
    token = forms.CharField(
        label=_("Code uit je app"),
        max_length=12,
        help_text=_("De zes cijfers die de app toont nadat je de QR-code hebt gescand."),
        widget=forms.TextInput(attrs={**CODE_ATTRS, "inputmode": "numeric"}),
        error_messages={"required": _("Vul de code uit je app in.")},
    )

    def __init__(self, *args: Any, device: TOTPDevice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        token = token_normalise(self.cleaned_data["token"])
        allowed, _data = self.device.verify_is_allowed()
        if not allowed:
            raise ValidationError(
                _("Te veel onjuiste codes achter elkaar. Wacht even en probeer het opnieuw.")
            )
        if not (token.isdigit() and len(token) == 6 and self.device.verify_token(token)):
            raise ValidationError(
                _(
                    "De code klopt niet. Controleer of de app de QR-code heeft gescand en vul "
                    "de zes cijfers in die hij nu toont."
                )
            )
        return token


class RenameForm(forms.Form):
    name = NameField()
