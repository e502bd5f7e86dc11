"""A change reaches the subscribers that may read it: signed, retried, never across
associations (issue 16, point 4). A real HTTP server receives the POSTs."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samenspel.accounts.models import User
from samenspel.agenda.constants import Status
from samenspel.agenda.services import progress_update_add
from samenspel.decisions.models import ExecutiveDecision
from samenspel.meetings.models import Meeting
from samenspel.notifications.models import Delivery, DeliveryStatus
from samenspel.notifications.services import BACKOFF, subscription_create
from samenspel.notifications.visibility import may_read

pytestmark = pytest.mark.django_db


def subscribe(association, receiver, username="bureau", channels=("voortgang",)):
    user = User.objects.get(username=username)
    return subscription_create(
        association=association,
        user=user,
        callback_url=receiver.url,
        channels=list(channels),
        created_by=user,
    )


def add_update(agenda, capture, *, internal=False, agreement=None):
    """A progress update made through the service, as the page and the API make it."""
    agreement = agreement or agenda.agreements.order_by("pk").first()
    with capture(execute=True):
        return progress_update_add(
            agreement=agreement,
            author=User.objects.get(username="bureau"),
            date=dt.date(2024, 6, 15),
            status=Status.ON_TRACK,  # may follow every status
            text="Loopt volgens plan.",
            is_internal=internal,
        )


def run_worker():
    call_command("worker", "--batch", verbosity=0)


def time_passes():
    """Whatever waits for its retry is due now (the backoff's wait, skipped)."""
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_a_progress_update_is_delivered_signed(
    vdg_demo_data, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    subscription = subscribe(vdg_demo_data.association, receiver)
    update = add_update(vdg_demo_data, django_capture_on_commit_callbacks)
    assert receiver.received == []  # sent by the worker, not in the request
    run_worker()

    [post] = receiver.received
    assert post.path == "/hook"
    assert post.headers["Content-Type"] == "application/json"
    expected = hmac.new(subscription.secret.encode(), post.body, hashlib.sha256).hexdigest()
    assert post.headers["X-Samenspel-Signature"] == f"sha256={expected}"
    message = json.loads(post.body)
    assert set(message) == {"kanaal", "resource", "actie", "aanmaakdatum"}
    assert message["kanaal"] == "voortgang"
    assert message["actie"] == "create"
    assert message["resource"].startswith("http")
    assert message["resource"].endswith(f"/api/v1/voortgang/{update.pk}")
    assert dt.datetime.fromisoformat(message["aanmaakdatum"]).tzinfo is not None
    delivery = Delivery.objects.get(subscription=subscription)
    assert post.headers["X-Samenspel-Delivery"] == str(delivery.pk)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("afgeleverd", 1, 204)

    # A change to the update is an "update", signed the same way.
    with django_capture_on_commit_callbacks(execute=True):
        update.text = "Toch iets anders."
        update.save()
    run_worker()
    last = receiver.received[-1]
    assert json.loads(last.body)["actie"] == "update"
    expected = hmac.new(subscription.secret.encode(), last.body, hashlib.sha256).hexdigest()
    assert last.headers["X-Samenspel-Signature"] == f"sha256={expected}"


def test_a_failed_delivery_is_retried_after_the_backoff(
    vdg_demo_data, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    receiver.answers = [500, 204]
    subscription = subscribe(vdg_demo_data.association, receiver)
    add_update(vdg_demo_data, django_capture_on_commit_callbacks)
    run_worker()
    delivery = Delivery.objects.get(subscription=subscription)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("wacht", 1, 500)
    assert delivery.last_error == "HTTP 500"
    wait = delivery.next_attempt_at - timezone.now()
    assert BACKOFF[0] - dt.timedelta(seconds=30) < wait <= BACKOFF[0]

    run_worker()  # too early: the retry waits for its minute
    assert len(receiver.received) == 1
    time_passes()
    run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("afgeleverd", 2, 204)
    assert delivery.last_error == ""
    first, second = receiver.received
    assert first.body == second.body  # the same message, the same delivery id
    assert second.headers["X-Samenspel-Delivery"] == str(delivery.pk)


def test_after_the_last_retry_the_delivery_has_failed(
    vdg_demo_data, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    receiver.answers = [503]
    subscription = subscribe(vdg_demo_data.association, receiver)
    add_update(vdg_demo_data, django_capture_on_commit_callbacks)
    waits = []
    for _attempt in range(len(BACKOFF) + 2):
        run_worker()
        delivery = Delivery.objects.get(subscription=subscription)
        if delivery.next_attempt_at:
            waits.append(delivery.next_attempt_at - delivery.updated_at)
        time_passes()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, len(BACKOFF) + 1)
    assert len(receiver.received) == len(BACKOFF) + 1
    # 1 min, 5 min, 30 min, 2 h, 12 h (measured from the attempt, to the second).
    assert [round(w.total_seconds() / 60) for w in waits] == [1, 5, 30, 120, 720]
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_an_internal_update_goes_only_to_who_may_read_it(
    vdg_demo_data, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    association = vdg_demo_data.association
    outsider = User.objects.create_user("buitenstaander", password="x")  # no role here
    for_outsider = subscription_create(
        association=association,
        user=outsider,
        callback_url=receiver.url + "/buiten",
        channels=["voortgang"],
        created_by=outsider,
    )
    for_reader = subscribe(association, receiver, username="lezer")
    add_update(vdg_demo_data, django_capture_on_commit_callbacks, internal=True)
    run_worker()
    assert [r.path for r in receiver.received] == ["/hook"]  # the reader takes part
    assert not for_outsider.deliveries.exists()
    assert for_reader.deliveries.get().status == "afgeleverd"

    # A public update the outsider may read (the public page shows it): it is sent.
    add_update(vdg_demo_data, django_capture_on_commit_callbacks)
    run_worker()
    assert sorted(r.path for r in receiver.received[1:]) == ["/hook", "/hook/buiten"]


def test_only_the_subscribed_channels_are_sent(
    vdg_demo_data, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    association = vdg_demo_data.association
    subscription = subscribe(association, receiver, channels=["overleggen", "besluiten"])
    add_update(vdg_demo_data, django_capture_on_commit_callbacks)  # voortgang: not asked for
    meeting = Meeting.objects.filter(body__association=association).first()
    decision = ExecutiveDecision.objects.filter(
        participant__proposal__portfolio__association=association
    ).first()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.place = "Raadzaal"
        meeting.save()
        decision.save()
    run_worker()
    messages = sorted((json.loads(post.body) for post in receiver.received), key=str)
    assert [(m["kanaal"], m["actie"]) for m in messages] == [
        ("besluiten", "update"),
        ("overleggen", "update"),
    ]
    assert messages[0]["resource"].endswith(f"/api/v1/besluiten/{decision.pk}")
    assert messages[1]["resource"].endswith(f"/api/v1/overleggen/{meeting.pk}")
    assert subscription.deliveries.filter(status="afgeleverd").count() == 2


def test_a_withdrawn_update_is_for_who_sees_withdrawn_updates(
    vdg_demo_data, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    update = add_update(vdg_demo_data, django_capture_on_commit_callbacks)
    association = vdg_demo_data.association
    assert may_read(User.objects.get(username="lezer"), association, "voortgang", update)
    update.withdrawn_at = timezone.now()
    for username, expected in [("lezer", False), ("voorzitter-gw", False), ("bureau", True)]:
        user = User.objects.get(username=username)
        assert may_read(user, association, "voortgang", update) is expected, username
