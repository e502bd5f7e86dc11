"""The notifications' rows of the permission matrix (web/tests/matrix.py explains the cells)."""

from __future__ import annotations

from typing import Any

API_MATRIX: dict[str, tuple[str, str]] = {
    # One's own subscriptions: the detail is the bureau's (matrix arguments below), so
    # anyone else gets 404; a POST without JSON is 415 (the API reads JSON only).
    "api:abonnementen-list": ("401 200 200 200 200 200 200", "401 415 415 415 415 415 415"),
    "api:abonnementen-detail": ("401 404 404 404 404 404 200", "401 405 405 405 405 405 405"),
    "notifications:index": ("login 403 403 403 403 403 200", "405 405 405 405 405 405 405"),
    "notifications:retry": ("405 405 405 405 405 405 405", "login 403 403 403 403 403 302"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    from samenspel.accounts.models import User
    from samenspel.notifications.models import Delivery
    from samenspel.notifications.services import subscription_create

    bureau = User.objects.get(username="bureau")
    subscription = subscription_create(
        association=agenda.association,
        user=bureau,
        callback_url="https://ris.example.nl/samenspel",
        channels=["voortgang"],
        created_by=bureau,
    )
    delivery = Delivery.objects.create(
        subscription=subscription,
        channel="voortgang",
        resource_url="https://localhost/api/v1/voortgang/1",
        action="create",
        payload={},
        status="mislukt",
        attempts=6,
    )
    return {
        "api:abonnementen-detail": {"pk": subscription.pk},
        "notifications:retry": {"pk": delivery.pk},
    }
