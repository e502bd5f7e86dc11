"""Actions agreed at a meeting: recording one and closing it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from samenspel.accounts.meeting_permissions import can_manage_meetings
from samenspel.accounts.permissions import require
from samenspel.meetings import forms, outcomes, selectors
from samenspel.meetings.views.common import (
    body_of_meeting,
    meeting_form_page,
    meeting_trail,
    meetings,
)
from samenspel.organisations.models import Body
from samenspel.web.navigation import safe_back


@require(can_manage_meetings, obj=body_of_meeting)
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request), pk=pk)
    return meeting_form_page(
        request,
        forms.ActionForm(request.POST or None),
        save=lambda data: outcomes.action_add(meeting=meeting, user=request.user, **data),
        success=_("De actie is vastgelegd."),
        next_url=f"{meeting.get_absolute_url()}#acties",
        title=_("Actie vastleggen"),
        back=meeting.get_absolute_url(),
        trail=meeting_trail(meeting, _("Actie")),
    )


def _actions(request: HttpRequest) -> Any:
    return selectors.actions_of(association=request.association)


def _action_body(request: HttpRequest, pk: int, **_kw: Any) -> Body:
    return get_object_or_404(_actions(request).select_related("body"), pk=pk).body


@require(can_manage_meetings, obj=_action_body)
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(_actions(request).select_related("meeting"), pk=pk)
    back = safe_back(request, request.GET.get("terug"), action.meeting.get_absolute_url())
    return meeting_form_page(
        request,
        forms.ActionCloseForm(request.POST or None),
        save=lambda data: outcomes.action_close(action=action, user=request.user, **data),
        success=_("De actie is gesloten."),
        next_url=back,
        title=_("Actie sluiten: %(title)s") % {"title": action},
        back=back,
        trail=((str(action.meeting), back), (_("Actie sluiten"), None)),
    )
