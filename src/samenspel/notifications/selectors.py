"""What the bureau's notifications page reads: always one association's rows."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from samenspel.notifications.models import Delivery, DeliveryStatus, Subscription


def subscriptions_of(association: Any) -> QuerySet[Subscription]:
    return (
        Subscription.objects.filter(association=association)
        .select_related("user")
        .annotate(
            failed_count=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED))
        )
        .order_by("-created_at", "-pk")
    )


def deliveries_of(association: Any, *, failed_only: bool = False) -> QuerySet[Delivery]:
    deliveries = Delivery.objects.filter(subscription__association=association).select_related(
        "subscription"
    )
    if failed_only:
        deliveries = deliveries.filter(status=DeliveryStatus.FAILED)
    return deliveries.order_by("-created_at", "-pk")
