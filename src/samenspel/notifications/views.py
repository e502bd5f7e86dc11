"""`/notificaties/`: the bureau sees the association's subscriptions and what was sent."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samenspel.accounts.permissions import can_manage_notifications, require
from samenspel.notifications.models import Delivery, DeliveryStatus
from samenspel.notifications.selectors import deliveries_of, subscriptions_of
from samenspel.notifications.services import delivery_retry
from samenspel.web.inbox import Shortcut
from samenspel.web.navigation import breadcrumbs

PAGE_SIZE = 25
FAILED = "mislukt"


@require_safe
@require(can_manage_notifications)
def index(request: HttpRequest) -> HttpResponse:
    failed_only = request.GET.get("status") == FAILED
    deliveries = deliveries_of(request.association, failed_only=failed_only)
    page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notifications/index.html",
        {
            "subscriptions": subscriptions_of(request.association),
            "page": page,
            "failed_only": failed_only,
            "statuses": DeliveryStatus,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Notificaties"), None)),
        },
    )


def _delivery_of(request: HttpRequest, pk: int, **kwargs: Any) -> Delivery:
    return get_object_or_404(deliveries_of(request.association), pk=pk)


@require_POST
@require(can_manage_notifications)
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    delivery = delivery_retry(_delivery_of(request, pk))
    if delivery.status == DeliveryStatus.DELIVERED:
        messages.info(request, _("Dit bericht is al afgeleverd."))
    else:
        messages.success(request, _("Het bericht wordt nu opnieuw verstuurd."))
    return redirect("notifications:index")


def notification_shortcuts(*, user: Any, association: Any) -> list[Shortcut]:
    """The dashboard's link to the deliveries page, for the bureau."""
    if not can_manage_notifications(user):
        return []
    return [Shortcut(_("Notificaties"), reverse("notifications:index"))]
