"""What changed: a proposal, an executive decision, a progress update or a meeting saved.

Connected in `NotificationsConfig.ready()`. The message is made once the change is
committed (`transaction.on_commit`), so a rolled-back change sends nothing and the
subscribers' reads (the resource URL) find what they were told about.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from samenspel.notifications.models import Channel


def _models() -> dict[Any, str]:
    from samenspel.agenda.models import ProgressUpdate
    from samenspel.decisions.models import ExecutiveDecision, Proposal
    from samenspel.meetings.models import Meeting

    return {
        Proposal: Channel.PROPOSALS.value,
        ExecutiveDecision: Channel.DECISIONS.value,
        ProgressUpdate: Channel.PROGRESS.value,
        Meeting: Channel.MEETINGS.value,
    }


def _changed(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any):
    if raw:  # loading fixtures
        return
    channel = CHANNEL_OF[sender]
    action = "create" if created else "update"
    pk = instance.pk
    # robust: a failure to queue the message must not fail the change that was saved.
    transaction.on_commit(lambda: _send(sender, channel, pk, action), robust=True)


def _send(model: Any, channel: str, pk: int, action: str) -> None:
    from samenspel.notifications.models import Subscription
    from samenspel.notifications.services import notify

    # Most saves (the demo's thousands) happen with no subscriber at all: one cheap query.
    if not Subscription.objects.filter(is_active=True).exists():
        return
    obj = model.objects.filter(pk=pk).first()
    if obj is not None:
        notify(channel, obj, action)


CHANNEL_OF: dict[Any, str] = {}


def connect() -> None:
    CHANNEL_OF.update(_models())
    for model in CHANNEL_OF:
        post_save.connect(_changed, sender=model, dispatch_uid=f"notifications-{model.__name__}")
