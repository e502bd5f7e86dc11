"""Rate limits: per token, per signed-in user, else per client address."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import throttling

from samenspel.accounts.client_address import client_address
from samenspel.accounts.permissions import is_signed_in


class TokenOrAddressThrottle(throttling.SimpleRateThrottle):
    """Per token, per signed-in user, else per client address (429 with Retry-After)."""

    def get_rate(self) -> str:
        return settings.SAMENSPEL_API_RATE_ANONYMOUS

    def allow_request(self, request: Any, view: Any) -> bool:
        if hasattr(request.auth, "scopes") or is_signed_in(request.user):
            self.rate = settings.SAMENSPEL_API_RATE_TOKEN
        else:
            self.rate = settings.SAMENSPEL_API_RATE_ANONYMOUS
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str:
        if hasattr(request.auth, "scopes"):
            ident = f"token-{request.auth.pk}"
        elif is_signed_in(request.user):
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{client_address(request._request) or 'unknown'}"
        return f"api-throttle-{ident}"
