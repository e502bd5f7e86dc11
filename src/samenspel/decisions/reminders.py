"""Reminders to account holders about their executive's pending decisions.

Safe to run daily (or more often) from cron: a reminder about one decision goes to one
person at most once a day (`ReminderSent`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.models import RoleAssignment
from samenspel.decisions.models import ReminderSent
from samenspel.decisions.selectors import ParticipantState, pending_for
from samenspel.organisations.associations import association_site_url
from samenspel.organisations.models import Association, Organisation


@dataclass
class Reminder:
    user: Any
    organisation: Organisation
    items: list[ParticipantState]
    site_url: str  # the association's address: the mail's links start with it


@dataclass
class ReminderRun:
    sent: list[Reminder] = field(default_factory=list)
    already_sent: int = 0
    without_email: list[str] = field(default_factory=list)


def reminders_due(*, association: Association, on: dt.date, days: int) -> list[Reminder]:
    """Per account holder in `association` and organisation: decisions on its proposals
    overdue or due within `days`."""
    horizon = on + dt.timedelta(days=days)
    holders = defaultdict(list)
    # Only who holds the role on `on`: a seat that ended gets no more mail.
    held = (
        RoleAssignment.objects.current(on)
        .filter(role=RoleKind.ACCOUNT_HOLDER, association=association)
        .select_related("organisation")
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True, pk__in=held.values("user_id"))
        .prefetch_related(Prefetch("role_assignments", queryset=held, to_attr="held"))
    )
    for user in users:
        for assignment in user.held:
            if assignment.organisation:
                holders[assignment.organisation].append(user)
    reminders = []
    site = association_site_url(association)
    for organisation, people in sorted(holders.items(), key=lambda item: item[0].name):
        items = [
            p
            for p in pending_for(organisation=organisation, association=association, on=on)
            if p.participant.proposal.decision_deadline <= horizon
        ]
        if items:
            reminders.extend(Reminder(user, organisation, items, site) for user in people)
    return reminders


def _claim(reminder: Reminder, on: dt.date) -> list[ParticipantState]:
    """Record today's reminders; items already reminded today are left out."""
    fresh = []
    for item in reminder.items:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    user=reminder.user, participant=item.participant, sent_on=on
                )
        except IntegrityError:
            continue
        fresh.append(item)
    return fresh


def reminders_send(
    *, association: Association, on: dt.date, days: int, dry_run: bool = False
) -> ReminderRun:
    run = ReminderRun()
    for reminder in reminders_due(association=association, on=on, days=days):
        if not reminder.user.email:
            run.without_email.append(reminder.user.get_username())
            continue
        if dry_run:
            run.sent.append(reminder)
            continue
        # Claim and send together: a mail that fails to go out is not recorded as sent.
        with transaction.atomic():
            items = _claim(reminder, on)
            run.already_sent += len(reminder.items) - len(items)
            if not items:
                continue
            reminder.items = items
            _mail(reminder, on)
        run.sent.append(reminder)
    return run


def reminder_text(reminder: Reminder, on: dt.date) -> tuple[str, str]:
    context = {"reminder": reminder, "on": on, "site_url": reminder.site_url}
    subject = render_to_string("decisions/email/reminder_subject.txt", context).strip()
    return subject, render_to_string("decisions/email/reminder.txt", context)


def _mail(reminder: Reminder, on: dt.date) -> None:
    subject, body = reminder_text(reminder, on)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[reminder.user.email])
