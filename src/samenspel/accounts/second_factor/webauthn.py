"""django-otp-webauthn's relying party: the host the page was served on."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp_webauthn.helpers import WebAuthnHelper as _PackageHelper


def relying_party_id(request: HttpRequest) -> str:
    # Each association has its own hostnames; a passkey belongs to the host it was made on.
    return request.get_host().rsplit(":", 1)[0].strip("[]")


class WebAuthnHelper(_PackageHelper):
    def get_allowed_origins(self) -> list[str]:
        # The host was accepted by ALLOWED_HOSTS and names an association (middleware).
        return [f"{self.request.scheme}://{self.request.get_host()}"]

    def create_credential(self, user: Any, *args: Any, **kwargs: Any) -> Any:
        credential = super().create_credential(user, *args, **kwargs)
        # The package leaves the name empty; the host tells the user where it works
        # (a passkey made on one association's host does not work on another's).
        name = _("Passkey voor %(host)s") % {"host": relying_party_id(self.request)}
        credential.name = name[:64]
        return credential
