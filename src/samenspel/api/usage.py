"""The token use log: one row per request made with a token."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from samenspel.accounts.client_address import client_address
from samenspel.api.models import ApiToken, ApiTokenUse

# How long the use log is kept (`samenspel apitoken prune`, daily from cron): a year and a
# month, so a yearly audit still finds last year's calls.
USE_LOG_DAYS = 400


def token_uses_prune(*, days: int = USE_LOG_DAYS) -> int:
    """Delete the uses older than `days` days; how many went."""
    removed, _per_model = ApiTokenUse.objects.filter(
        at__lt=timezone.now() - dt.timedelta(days=days)
    ).delete()
    return removed


def token_use_record(token: ApiToken, request: Any, status: int) -> None:
    ApiTokenUse.objects.create(
        token=token,
        method=request.method[:10],
        path=request.get_full_path()[:500],
        status=status,
        address=client_address(request),
    )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
