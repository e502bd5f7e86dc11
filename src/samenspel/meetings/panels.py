"""What meetings add to other pages: the body page, the person page, a proposal, the dashboard."""

from __future__ import annotations

from django.http import HttpRequest

from samenspel.accounts.meeting_permissions import can_manage_meetings
from samenspel.core.dates import today
from samenspel.meetings import selectors

LIMIT = 10


def body_context(request: HttpRequest, body) -> dict:
    date = today()
    association = request.association
    year_decisions = selectors.decisions_between(
        association=association,
        start=date.replace(month=1, day=1),
        end=date.replace(month=12, day=31),
        body=body,
    )
    meetings = selectors.meeting_list(association=association, body=body)
    return {
        "body": body,
        "year": date.year,
        "upcoming": meetings.filter(starts_at__date__gte=date)[:LIMIT],
        "recent": meetings.filter(starts_at__date__lt=date).order_by("-starts_at")[:LIMIT],
        "decisions": year_decisions[:LIMIT],
        "decision_count": year_decisions.count(),
        "actions": selectors.open_actions_on(association=association, date=date, body=body)[:LIMIT],
        "backlog": selectors.backlog(body=body),
        "can_manage": can_manage_meetings(request.user, body),
    }


def person_context(request: HttpRequest, person) -> dict:
    date = today()
    association = request.association
    return {
        "person": person,
        "upcoming": selectors.upcoming_for_person(
            association=association, person=person, today=date
        )[:LIMIT],
        "actions": selectors.open_actions_on(association=association, date=date, person=person),
        "is_self": getattr(request.user, "person_id", None) == person.pk,
    }


def proposal_context(request: HttpRequest, proposal) -> dict:
    return {
        "items": selectors.proposal_agenda_items(association=request.association, proposal=proposal)
    }


def dashboard_context(request: HttpRequest) -> dict:
    date = today()
    person = getattr(request.user, "person", None)
    association = request.association
    upcoming = (
        selectors.upcoming_for_person(association=association, person=person, today=date)
        if person
        else selectors.meeting_list(association=association).filter(starts_at__date__gte=date)
    )
    return {"upcoming": upcoming[:5], "personal": person is not None}
