"""Association B's changes never reach the VDG's subscribers (docs/associations.md)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from samenspel.agenda.models import Agenda, Agreement
from samenspel.agenda.tests.factories import ProgressUpdateFactory
from samenspel.decisions.models import Proposal
from samenspel.meetings.models import Meeting
from samenspel.notifications.models import Channel, Delivery
from samenspel.notifications.tests.test_delivery import subscribe
from samenspel.web.tests.test_isolation import MARKER, association_b

pytestmark = pytest.mark.django_db


def test_association_b_events_never_go_to_the_vdgs_subscribers(
    vdg_demo_data, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    vdg = subscribe(vdg_demo_data.association, receiver, channels=Channel.values)
    b = association_b()
    # B's own subscriber, acting for the VDG's reader, who has no role in B: the public.
    of_b = subscribe(b, receiver, username="lezer", channels=Channel.values)
    agreement = Agreement.objects.filter(agenda=Agenda.objects.get(association=b)).first()
    with django_capture_on_commit_callbacks(execute=True):
        ProgressUpdateFactory(agreement=agreement, text=f"{MARKER} nieuw")
        for obj in [
            *Proposal.objects.filter(portfolio__association=b),
            *Meeting.objects.filter(body__association=b),
        ]:
            obj.save()
    call_command("worker", "--batch", verbosity=0)

    assert not Delivery.objects.filter(subscription=vdg).exists()
    # The pipeline did run: B's subscriber got B's public progress update, and no
    # proposal (its user has no role in B, and proposals have no public page).
    channels = {d.channel for d in Delivery.objects.filter(subscription=of_b)}
    assert "voortgang" in channels
    assert "voorstellen" not in channels
    assert len(receiver.received) == Delivery.objects.filter(subscription=of_b).count()
    assert all(b"ZQXB" not in post.body for post in receiver.received)  # a URL, no texts
    assert {json.loads(post.body)["kanaal"] for post in receiver.received} == channels
