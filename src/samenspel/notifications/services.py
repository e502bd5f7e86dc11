"""Subscribing, and sending a message to every subscriber that may read what changed.

A change (notifications/signals.py) makes one `Delivery` per active subscription of the
object's association and channel whose user may read the object, and queues a task
that POSTs the message to the callback URL, signed with the subscription's secret. A
failed attempt is tried again after 1 min, 5 min, 30 min, 2 h and 12 h; after that the
delivery is failed, and the bureau may try it again now (`/notificaties/`).

Delivery is at least once: a worker killed between sending and recording sends again
when the task is picked up; the receiver tells messages apart by `X-Samenspel-Delivery`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.notifications.models import Channel, Delivery, DeliveryStatus, Subscription
from samenspel.notifications.visibility import association_id_of, may_read

logger = logging.getLogger(__name__)

# The wait before each retry; after the last one the delivery has failed.
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
)
TIMEOUT_SECONDS = 5
LOCAL_HOSTS = ("localhost", "127.0.0.1")
SIGNATURE_HEADER = "X-Samenspel-Signature"
DELIVERY_HEADER = "X-Samenspel-Delivery"


# --- subscriptions ----------------------------------------------------------------------


def callback_url_errors(url: str) -> list[str]:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return [_("Geef een geldige URL.")]
    parts = urlsplit(url)
    # Plain http only to this machine: for development and the tests.
    if parts.scheme != "https" and parts.hostname not in LOCAL_HOSTS:
        return [_("De callback-URL moet met https:// beginnen.")]
    if refused := address_refusal(parts.hostname or ""):
        return [refused]
    return []


def address_refusal(host: str) -> str:
    """Why a callback may not go to `host`, or "". In production a callback never reaches
    this machine or the internal network (server-side request forgery): every address the
    name resolves to must be public (`SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES` off)."""
    if settings.SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES:
        return ""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return _("De naam %(host)s bestaat niet.") % {"host": host}
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            return _("De callback-URL wijst naar een intern adres; dat is niet toegestaan.")
    return ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could lead a callback to an address `address_refusal` refuses."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


@transaction.atomic
def subscription_create(
    *, association: Any, user: Any, callback_url: str, channels: list[str], created_by: Any
) -> Subscription:
    """A new subscription with a new secret (the caller shows it once)."""
    errors: dict[str, list[str]] = {}
    if url_errors := callback_url_errors(callback_url):
        errors["callback_url"] = url_errors
    unknown = [c for c in channels if c not in Channel.values]
    if not channels or unknown:
        errors["channels"] = [
            _("Kies een of meer kanalen uit: %(channels)s.")
            % {"channels": ", ".join(Channel.values)}
        ]
    if errors:
        raise ValidationError(errors)
    return Subscription.objects.create(
        association=association,
        user=user,
        callback_url=callback_url,
        channels=sorted(set(channels), key=Channel.values.index),
        secret=secrets.token_hex(32),
        created_by=created_by,
    )


def subscription_delete(subscription: Subscription) -> None:
    subscription.delete()


# --- the message ------------------------------------------------------------------------


def resource_url(association: Any, channel: str, obj: Any) -> str:
    """The object's absolute API URL on the association's own address: the one links in
    mail use (`association_site_url`: its first hostname, else the site URL), since a
    change has no request to take the host from."""
    from samenspel.organisations.associations import association_site_url

    try:
        path = reverse(f"api:{channel}-detail", kwargs={"pk": obj.pk})
    except NoReverseMatch:  # the resource is not registered (yet): its documented path
        path = f"/api/v1/{channel}/{obj.pk}"
    return association_site_url(association) + path


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def notify(channel: str, obj: Any, action: str) -> list[Delivery]:
    """Queue the message about `obj` for every subscriber that may read it (on commit)."""
    association_id = association_id_of(channel, obj)
    if association_id is None:
        return []
    subscriptions = [
        s
        for s in Subscription.objects.filter(association_id=association_id, is_active=True)
        .select_related("association", "user")
        .order_by("pk")
        if channel in s.channels
    ]
    made = []
    for subscription in subscriptions:
        if not may_read(subscription.user, subscription.association, channel, obj):
            continue
        url = resource_url(subscription.association, channel, obj)
        with transaction.atomic():
            delivery = Delivery.objects.create(
                subscription=subscription,
                channel=channel,
                resource_url=url,
                action=action,
                payload={
                    "kanaal": channel,
                    "resource": url,
                    "actie": action,
                    "aanmaakdatum": timezone.now().isoformat(),
                },
            )
            _enqueue(delivery, run_after=None)
        made.append(delivery)
    return made


def _enqueue(delivery: Delivery, *, run_after: dt.datetime | None) -> None:
    from samenspel.notifications.tasks import deliver

    task = deliver.using(run_after=run_after) if run_after else deliver
    delivery.task_result_id = str(task.enqueue(delivery.pk).id)
    delivery.next_attempt_at = run_after or timezone.now()
    delivery.save(update_fields=["task_result_id", "next_attempt_at", "updated_at"])


# --- sending ----------------------------------------------------------------------------


def _post(delivery: Delivery) -> tuple[int | None, str]:
    """POST the message; the answer's status code, and an error text unless it was 2xx."""
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    request = urllib.request.Request(
        delivery.subscription.callback_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(delivery.subscription.secret, body),
            DELIVERY_HEADER: str(delivery.pk),
            "User-Agent": "Samenspel-notificaties",
        },
    )
    try:
        refused = address_refusal(urlsplit(delivery.subscription.callback_url).hostname or "")
        if refused:
            return None, refused
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:500]


def delivery_send(delivery_id: int, *, task_result_id: str | None = None) -> str:
    """One attempt (the task `deliver`); returns the delivery's status afterwards. Only a
    pending delivery is sent, and only by the task it last queued (older ones: stale)."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("subscription")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return "overgeslagen"
        if not delivery.subscription.is_active:
            return "overgeslagen"
        if task_result_id is not None and delivery.task_result_id != task_result_id:
            return "overgeslagen"
        delivery.attempts += 1
        delivery.save(update_fields=["attempts", "updated_at"])
    code, error = _post(delivery)
    delivery.last_status_code = code
    delivery.last_error = error
    if not error:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts > len(BACKOFF):
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
    # Not the task id: a retry asked while this attempt ran has queued a newer task.
    delivery.save(
        update_fields=[
            "status",
            "delivered_at",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "updated_at",
        ]
    )
    if error and delivery.status == DeliveryStatus.PENDING:
        _enqueue(delivery, run_after=timezone.now() + BACKOFF[delivery.attempts - 1])
    return delivery.status


@transaction.atomic
def delivery_retry(delivery: Delivery) -> Delivery:
    """Send now ("Nu opnieuw proberen"): a failed delivery, or one waiting for its next
    try. Its queued retry, if any, becomes stale; a delivered one is left alone."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status == DeliveryStatus.DELIVERED:
        return delivery
    if delivery.status == DeliveryStatus.PENDING and delivery.attempts == 0:
        return delivery  # the first attempt is still queued
    delivery.status = DeliveryStatus.PENDING
    delivery.save(update_fields=["status", "updated_at"])
    _enqueue(delivery, run_after=None)
    return delivery
