"""Secrets kept in the database, encrypted (Fernet: AES-128-CBC with an HMAC).

Keys come from SAMENSPEL_FIELD_ENCRYPTION_KEYS (the first encrypts, every one decrypts, so
a new key in front rotates without a migration); without them one key is derived from
SECRET_KEY. A backup therefore holds no readable client secret (docs/sign-in.md).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


def _fernet() -> MultiFernet:
    keys = list(settings.SAMENSPEL_FIELD_ENCRYPTION_KEYS)
    if not keys:
        digest = hashlib.sha256(f"samenspel-field-key:{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "SAMENSPEL_FIELD_ENCRYPTION_KEYS must be Fernet keys (32 url-safe base64 bytes)."
        ) from error


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "An encrypted field cannot be read with SAMENSPEL_FIELD_ENCRYPTION_KEYS: was the "
            "key that encrypted it removed?"
        ) from error


class EncryptedTextField(models.TextField):
    """Text stored encrypted; in Python it is the plain text."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        return decrypt(value) if value else ""

    def get_prep_value(self, value: Any) -> str:
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""
