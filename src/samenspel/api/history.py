"""A change made through the API names the token in its history row ("API-token: Naam")."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record


@receiver(pre_create_historical_record)
def name_the_token(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    request = getattr(HistoricalRecords.context, "request", None)
    token = getattr(request, "api_token", None)
    if token is not None and not history_instance.history_change_reason:
        history_instance.history_change_reason = f"API-token: {token.name}"[:100]
