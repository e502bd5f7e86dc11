"""Passkeys (django-otp-webauthn) as the second factor, server side: who may use the
endpoints, the relying party per host, and both ceremonies with a software authenticator
(the browser journey uses Chromium's virtual one: tests/browser/test_webauthn_journey.py)."""

from __future__ import annotations

import hashlib
import json
import os
import struct
from typing import Any

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.core import mail
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential
from webauthn.helpers import bytes_to_base64url

from samenspel.accounts.models import SignIn
from samenspel.accounts.second_factor.devices import SESSION_NEW_CODES_KEY

HOST = "voorbeeld.localhost:8000"
ORIGIN = f"http://{HOST}"
CEREMONIES = (
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
)


def _b64(data: bytes) -> str:
    return bytes_to_base64url(data)


class SoftAuthenticator:
    """One passkey in software: what a platform authenticator answers (no attestation,
    ES256 signatures, user present and verified)."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0

    def _auth_data(self, rp_id: str, flags: int, attested: bytes = b"") -> bytes:
        self.sign_count += 1
        rp_hash = hashlib.sha256(rp_id.encode()).digest()
        return rp_hash + bytes([flags]) + struct.pack(">I", self.sign_count) + attested

    @staticmethod
    def _client_data(kind: str, challenge: str, origin: str) -> bytes:
        data = {"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}
        return json.dumps(data).encode()

    def create(self, options: dict[str, Any], origin: str) -> dict[str, Any]:
        numbers = self.key.public_key().public_numbers()
        cose_key = {
            1: 2,
            3: -7,
            -1: 1,
            -2: numbers.x.to_bytes(32, "big"),
            -3: numbers.y.to_bytes(32, "big"),
        }
        attested = bytes(16) + struct.pack(">H", len(self.credential_id)) + self.credential_id
        auth_data = self._auth_data(options["rp"]["id"], 0x45, attested + cbor2.dumps(cose_key))
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        return {
            "id": _b64(self.credential_id),
            "rawId": _b64(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": _b64(client_data),
                "attestationObject": _b64(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
        }

    def get(self, options: dict[str, Any], origin: str, rp_id: str | None = None) -> dict[str, Any]:
        auth_data = self._auth_data(rp_id or options["rpId"], 0x05)
        client_data = self._client_data("webauthn.get", options["challenge"], origin)
        signed = auth_data + hashlib.sha256(client_data).digest()
        signature = self.key.sign(signed, ec.ECDSA(hashes.SHA256()))
        return {
            "id": _b64(self.credential_id),
            "rawId": _b64(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": _b64(client_data),
                "authenticatorData": _b64(auth_data),
                "signature": _b64(signature),
            },
            "clientExtensionResults": {},
        }


def _post(client, name: str, data: dict[str, Any] | None = None, host: str = HOST):
    return client.post(
        reverse(name),
        json.dumps(data or {}),
        content_type="application/json",
        HTTP_HOST=host,
    )


def _register(client, authenticator: SoftAuthenticator, host: str = HOST):
    options = _post(client, "otp_webauthn:credential-registration-begin", host=host).json()
    answer = authenticator.create(options, f"http://{host}")
    return _post(client, "otp_webauthn:credential-registration-complete", answer, host=host)


def test_the_ceremonies_send_anonymous_users_to_the_login_page(client, db):
    for name in CEREMONIES:
        response = _post(client, name)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name
    assert client.get(reverse("otp_webauthn:js-i18n-catalog")).status_code == 200


def test_registration_options_name_the_host_of_the_request(client, make_user):
    user = make_user()
    client.force_login(user)
    for host, rp_id in ((HOST, "voorbeeld.localhost"), ("localhost", "localhost")):
        response = _post(client, "otp_webauthn:credential-registration-begin", host=host)
        assert response.status_code == 200
        options = response.json()
        assert options["rp"] == {"name": "Samenspel", "id": rp_id}
        assert options["user"]["name"] == user.username


def test_a_passkey_is_added_and_then_passes_the_second_step(client, make_user):
    user = make_user()
    client.force_login(user)
    authenticator = SoftAuthenticator()

    response = _register(client, authenticator)

    assert response.status_code == 200, response.content
    # The first factor comes with recovery codes, shown on the page the script goes to.
    assert response.json()["redirect_url"] == reverse("accounts:second_factor_recovery")
    assert len(client.session[SESSION_NEW_CODES_KEY]) == 10
    credential = WebAuthnCredential.objects.get(user=user)
    assert credential.name == "Passkey voor voorbeeld.localhost"
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "Passkey voor voorbeeld.localhost" in mail.outbox[0].body

    # A new sign-in with the password; the passkey is its second step.
    client.logout()
    client.force_login(user)
    options = _post(client, "otp_webauthn:credential-authentication-begin").json()
    assert options["rpId"] == "voorbeeld.localhost"
    assert [c["id"] for c in options["allowCredentials"]] == [_b64(authenticator.credential_id)]
    response = _post(
        client,
        "otp_webauthn:credential-authentication-complete",
        authenticator.get(options, ORIGIN),
    )

    assert response.status_code == 200, response.content
    assert response.json()["redirect_url"] == reverse("web:dashboard")
    sign_in = SignIn.objects.filter(user=user).latest("pk")
    assert sign_in.second_factor == "webauthn"
    assert client.session.get("otp_device_id") == credential.persistent_id


@pytest.mark.parametrize(
    ("origin", "rp_id"),
    [("http://localhost:8000", None), (ORIGIN, "localhost")],
    ids=["other-origin", "other-relying-party"],
)
def test_a_passkey_answer_for_another_host_is_refused(client, make_user, origin, rp_id):
    user = make_user()
    client.force_login(user)
    authenticator = SoftAuthenticator()
    assert _register(client, authenticator).status_code == 200
    client.logout()
    client.force_login(user)

    options = _post(client, "otp_webauthn:credential-authentication-begin").json()
    answer = authenticator.get(options, origin, rp_id=rp_id)
    response = _post(client, "otp_webauthn:credential-authentication-complete", answer)

    assert response.status_code == 422
    assert SignIn.objects.filter(user=user).latest("pk").second_factor == ""
    assert "otp_device_id" not in client.session
