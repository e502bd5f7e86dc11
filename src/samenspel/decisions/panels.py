"""Panels the decisions app adds to the dashboard and to an organisation's page."""

from __future__ import annotations

from django.http import HttpRequest

from samenspel.accounts.permissions import can_record_decision, is_signed_in
from samenspel.core.dates import today
from samenspel.decisions.selectors import association_states_on, pending_for
from samenspel.organisations.selectors import is_member


def dashboard_panel(request: HttpRequest) -> dict:
    if not is_signed_in(request.user):
        return {}
    states = association_states_on(association=request.association, on=today())
    running = [s for s in states if s.is_running]
    return {
        "running": running[:5],
        "running_count": len(running),
        "overdue_count": sum(s.overdue_count for s in running),
        "shown": bool(states),
    }


def organisation_panel(request: HttpRequest, organisation) -> dict:
    """The decisions this organisation's executive still has to take."""
    if not is_signed_in(request.user):
        return {}
    if not (
        is_member(organisation, request.association)
        or organisation.proposal_participations.filter(
            proposal__portfolio__association=request.association
        ).exists()
    ):
        return {}
    return {
        "organisation": organisation,
        "pending": pending_for(organisation=organisation, association=request.association),
        "may_record": can_record_decision(request.user, organisation),
    }
