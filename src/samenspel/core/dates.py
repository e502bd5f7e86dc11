"""Dates every app judges on."""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    """The date progress is judged on: SAMENSPEL_TODAY when set (demonstrations), else today."""
    if settings.SAMENSPEL_TODAY:
        return dt.date.fromisoformat(settings.SAMENSPEL_TODAY)
    return timezone.localdate()
