"""Writes of what a meeting did: outcomes (numbered decisions, the PHO's decision on a
proposal, progress on agreements) and the actions agreed, until they are closed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.agenda.services import progress_update_add
from samenspel.decisions.services import pho_decision_record
from samenspel.meetings.constants import ActionStatus, OutcomeKind
from samenspel.meetings.models import Action, AgendaItem, Meeting, Outcome
from samenspel.meetings.services import locked_row, next_number, saved
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Body


def decision_prefix(body: Body) -> str:
    return body.short_name or body.abbreviation or body.name


def _next_decision_number(body: Body, year: int) -> int:
    locked_row(Body, body.pk)  # numbers are handed out one at a time per body
    return next_number(Outcome.objects.filter(body=body, year=year), "number")


def _record_on_proposal(
    item: AgendaItem, outcome: Outcome, pho_outcome: str, user: User | None
) -> None:
    if not pho_outcome:
        raise ValidationError(
            {"pho_outcome": _("Kies het PHO-besluit over het voorstel '%s'.") % item.proposal}
        )
    pho_decision_record(
        proposal=item.proposal,
        decided_on=item.meeting.date,
        outcome=pho_outcome,
        reference=outcome.reference,
        user=user,
    )


def _add_progress(item: AgendaItem, outcome: Outcome, status: str, user: User | None) -> None:
    label = outcome.reference or item.meeting.display_title
    text = f"{label}: {outcome.text}"
    for agreement in item.agreements.all():
        progress_update_add(
            agreement=agreement,
            author=user,
            date=item.meeting.date,
            status=status,
            text=text,
            is_internal=item.is_confidential,
            is_demo=outcome.is_demo,
        )


@transaction.atomic
def outcome_record(
    *,
    item: AgendaItem,
    kind: str,
    text: str,
    user: User | None,
    pho_outcome: str = "",
    progress_status: str = "",
    record_on_proposal: bool = True,
    is_demo: bool = False,
) -> Outcome:
    """Record what the meeting did with an item.

    A decision gets the body's next number of the meeting's year ("PHO G&W 2024-07").
    A PHO decision on a proposal is recorded on the proposal (decisions app), and with
    `progress_status` every linked agreement gets a progress update quoting the outcome.
    `record_on_proposal=False` is for data whose proposal already has its PHO decision.
    """
    item = locked_row(AgendaItem, item.pk)
    if item.meeting is None:
        raise ValidationError(_("Een agendapunt in de backlog heeft nog geen uitkomst."))
    if Outcome.objects.filter(item=item).exists():
        raise ValidationError(_("Dit agendapunt heeft al een uitkomst."))
    body, year = item.meeting.body, item.meeting.date.year
    outcome = Outcome(item=item, kind=kind, text=text, body=body, recorded_by=user, is_demo=is_demo)
    if kind == OutcomeKind.DECISION:
        outcome.year, outcome.number = year, _next_decision_number(body, year)
        outcome.reference = f"{decision_prefix(body)} {year}-{outcome.number:02d}"
    on_proposal = (
        kind == OutcomeKind.DECISION
        and item.proposal_id is not None
        and body.kind == BodyKind.PORTFOLIO_MEETING
    )
    if on_proposal:
        outcome.pho_outcome = pho_outcome
    saved(outcome, user)
    if on_proposal and record_on_proposal:
        _record_on_proposal(item, outcome, pho_outcome, user)
    if progress_status:
        _add_progress(item, outcome, progress_status, user)
    return outcome


@transaction.atomic
def outcome_with_action_record(
    *,
    item: AgendaItem,
    kind: str,
    text: str,
    user: User | None,
    pho_outcome: str = "",
    progress_status: str = "",
    action_title: str = "",
    action_owner: Any = None,
    action_due_on: dt.date | None = None,
) -> Outcome:
    """The outcome form: an outcome, and optionally one action on the same item."""
    outcome = outcome_record(
        item=item,
        kind=kind,
        text=text,
        pho_outcome=pho_outcome,
        progress_status=progress_status,
        user=user,
    )
    if action_title:
        action_add(
            meeting=item.meeting,
            item=item,
            title=action_title,
            owner=action_owner,
            due_on=action_due_on,
            user=user,
        )
    return outcome


# --- actions ----------------------------------------------------------------------------


@transaction.atomic
def action_add(
    *,
    meeting: Meeting,
    title: str,
    owner: Any,
    user: User | None,
    item: AgendaItem | None = None,
    due_on: dt.date | None = None,
    is_demo: bool = False,
) -> Action:
    action = Action(
        body=meeting.body,
        meeting=meeting,
        item=item,
        title=title,
        owner=owner,
        due_on=due_on,
        created_on=meeting.date,
        is_demo=is_demo,
    )
    return saved(action, user)


@transaction.atomic
def action_close(
    *, action: Action, status: str, closed_on: dt.date, user: User | None, note: str = ""
) -> Action:
    """Close an action as done or cancelled; from then on it is no longer carried over."""
    action = locked_row(Action, action.pk)
    if action.status != ActionStatus.OPEN:
        raise ValidationError(_("Deze actie is al gesloten."))
    if status == ActionStatus.OPEN:
        raise ValidationError({"status": _("Kies 'afgerond' of 'vervallen'.")})
    if closed_on < action.created_on:
        raise ValidationError({"closed_on": _("Een actie sluit niet vóór ze is afgesproken.")})
    action.status, action.closed_on, action.closing_note = status, closed_on, note
    action.version += 1
    return saved(action, user)
