"""Security notices by e-mail: a password changed, a second factor added, a sign-in through
a provider not used before. Sent at once (a notice that waits for a worker is late when
it matters), to the account's address; a failing mail server never fails the change."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

SUBJECTS = {
    "password_changed": _("Je wachtwoord voor Samenspel is gewijzigd"),
    "second_factor_added": _("Er is een tweede factor toegevoegd aan je Samenspel-account"),
    "new_provider": _("Je bent ingelogd via een nieuwe identiteitsprovider"),
}


def security_notice_send(user: Any, kind: str, *, detail: str = "") -> bool:
    """Mail `user` that `kind` happened (with `detail`, e.g. the device or provider name).
    Returns whether a mail went out (no address: nothing to send)."""
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown security notice {kind!r}")
    if not user.email:
        return False
    body = render_to_string(
        "accounts/notices/security_notice.txt",
        {
            "user": user,
            "kind": kind,
            "detail": detail,
            "at": timezone.localtime(),
            "site_url": settings.SAMENSPEL_SITE_URL,
        },
    )
    try:
        send_mail(str(SUBJECTS[kind]), body, None, [user.email])
    except OSError:
        logger.exception("Security notice %s to user %s not sent", kind, user.pk)
        return False
    return True
