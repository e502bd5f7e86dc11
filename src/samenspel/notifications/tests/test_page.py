"""`/notificaties/`: the bureau sees subscriptions and deliveries, and retries a failure."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from samenspel.accounts.models import User
from samenspel.notifications.models import Delivery, DeliveryStatus
from samenspel.notifications.services import subscription_create
from samenspel.web.tests.test_isolation import association_b

pytestmark = pytest.mark.django_db

URL = "/notificaties/"


def _delivery(association, url, *, status=DeliveryStatus.FAILED, resource="/api/v1/voortgang/1"):
    bureau = User.objects.get(username="bureau")
    subscription = subscription_create(
        association=association,
        user=bureau,
        callback_url=url,
        channels=["voortgang"],
        created_by=bureau,
    )
    return Delivery.objects.create(
        subscription=subscription,
        channel="voortgang",
        resource_url=resource,
        action="create",
        payload={"kanaal": "voortgang", "resource": resource, "actie": "create"},
        status=status,
        attempts=6,
        last_status_code=500,
        last_error="HTTP 500",
    )


def test_the_page_is_for_the_bureau(client, vdg_demo_data):
    client.force_login(User.objects.get(username="lezer"))
    assert client.get(URL).status_code == 403
    client.force_login(User.objects.get(username="bureau"))
    page = client.get(URL).content.decode()
    assert "Er zijn nog geen abonnementen" in page
    assert "Er zijn nog geen berichten verstuurd" in page


def test_failed_deliveries_are_shown_filtered_and_retried(client, vdg_demo_data, receiver):
    failed = _delivery(vdg_demo_data.association, receiver.url)
    _delivery(
        vdg_demo_data.association,
        "https://ander.example.nl/",
        status=DeliveryStatus.DELIVERED,
        resource="/api/v1/voortgang/2",
    )
    client.force_login(User.objects.get(username="bureau"))
    page = client.get(URL).content.decode()
    assert "/api/v1/voortgang/1" in page and "/api/v1/voortgang/2" in page
    assert "HTTP 500" in page and "Nu opnieuw proberen" in page
    only_failed = client.get(URL, {"status": "mislukt"}).content.decode()
    assert "/api/v1/voortgang/1" in only_failed
    assert "/api/v1/voortgang/2" not in only_failed

    retry = f"/notificaties/berichten/{failed.pk}/opnieuw/"
    assert client.post(retry).status_code == 302
    assert client.post(retry).status_code == 302  # twice: still one message sent
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.PENDING
    call_command("worker", "--batch", verbosity=0)
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.DELIVERED
    assert len(receiver.received) == 1
    assert client.post(retry).status_code == 302  # delivered: left alone
    call_command("worker", "--batch", verbosity=0)
    assert len(receiver.received) == 1
    only_failed = client.get(URL, {"status": "mislukt"}).content.decode()
    assert "Er zijn geen mislukte berichten" in only_failed


def test_another_associations_deliveries_are_not_shown(client, vdg_demo_data):
    other = _delivery(association_b(), "https://b.example.nl/", resource="/api/v1/voortgang/77")
    client.force_login(User.objects.get(username="bureau"))
    page = client.get(URL).content.decode()
    assert "b.example.nl" not in page and "/api/v1/voortgang/77" not in page
    assert client.post(f"/notificaties/berichten/{other.pk}/opnieuw/").status_code == 404
