"""The token use log: one row per request made with a token."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from samenspel.accounts.client_address import client_address
from samenspel.api.models import ApiToken, ApiTokenUse


def token_use_record(token: ApiToken, request: Any, status: int) -> None:
    ApiTokenUse.objects.create(
        token=token,
        method=request.method[:10],
        path=request.get_full_path()[:500],
        status=status,
        address=client_address(request),
    )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
