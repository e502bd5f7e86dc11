"""A meeting's invitees: recomputing them, guests, removals and attendance."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.meeting_permissions import can_manage_meetings
from samenspel.accounts.permissions import require
from samenspel.meetings import forms, selectors, services
from samenspel.meetings.models import Meeting
from samenspel.meetings.views.common import (
    body_of_meeting,
    meeting_form_page,
    meeting_trail,
    meetings,
)
from samenspel.organisations.models import Body

ATTENDANCE_FIELD = "aanwezigheid-"


def _invitees_url(meeting: Meeting) -> str:
    return f"{meeting.get_absolute_url()}#genodigden"


def _invitations(request: HttpRequest) -> Any:
    return selectors.invitations_of(association=request.association)


def _body_of_invitation(request: HttpRequest, pk: int, **_kw: Any) -> Body:
    return get_object_or_404(
        _invitations(request).select_related("meeting__body"), pk=pk
    ).meeting.body


@require_POST
@require(can_manage_meetings, obj=body_of_meeting)
def invitations_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request), pk=pk)
    services.invitations_refresh(meeting=meeting, user=request.user)
    messages.success(request, _("De genodigden zijn opnieuw bepaald volgens de regels."))
    return redirect(_invitees_url(meeting))


@require(can_manage_meetings, obj=body_of_meeting)
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request), pk=pk)
    return meeting_form_page(
        request,
        forms.GuestForm(request.POST or None),
        save=lambda data: services.invitation_guest_add(meeting=meeting, user=request.user, **data),
        success=_("De gast is uitgenodigd."),
        next_url=_invitees_url(meeting),
        title=_("Gast uitnodigen"),
        back=meeting.get_absolute_url(),
        trail=meeting_trail(meeting, _("Gast")),
    )


@require(can_manage_meetings, obj=_body_of_invitation)
def invitation_remove(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(_invitations(request).select_related("meeting", "person"), pk=pk)
    name = {"name": invitation.person}
    return meeting_form_page(
        request,
        forms.RemovalForm(request.POST or None),
        save=lambda data: services.invitation_remove(
            invitation=invitation, reason=data["reason"], user=request.user
        ),
        success=_("%(name)s is afgemeld.") % name,
        next_url=_invitees_url(invitation.meeting),
        title=_("Afmelden: %(name)s") % name,
        back=invitation.meeting.get_absolute_url(),
        trail=meeting_trail(invitation.meeting, _("Afmelden")),
    )


@require_POST
@require(can_manage_meetings, obj=_body_of_invitation)
def invitation_restore(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(_invitations(request).select_related("meeting"), pk=pk)
    services.invitation_restore(invitation=invitation, user=request.user)
    return redirect(_invitees_url(invitation.meeting))


def _posted_attendance(request: HttpRequest, prefix: str = "") -> dict[int, str]:
    """`aanwezigheid-<invitation id>` = attendance, for every invitee on the form (with
    `prefix` "was-": the attendance each row showed when the form was opened)."""
    posted = {}
    field = prefix + ATTENDANCE_FIELD
    for key, value in request.POST.items():
        number = key.removeprefix(field)
        if key.startswith(field) and number.isascii() and number.isdigit():
            posted[int(number)] = value
    return posted


@require_POST
@require(can_manage_meetings, obj=body_of_meeting)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """One form for the whole list (see `services.attendance_save`)."""
    meeting = get_object_or_404(meetings(request), pk=pk)
    kept = services.attendance_save(
        meeting=meeting,
        attendance=_posted_attendance(request),
        opened=_posted_attendance(request, prefix="was-"),
        user=request.user,
    ).kept
    messages.success(request, _("De aanwezigheid is opgeslagen."))
    if kept:
        messages.warning(
            request,
            _(
                "Iemand anders heeft intussen de aanwezigheid van %(names)s vastgelegd; die "
                "is bewaard. Pas hem opnieuw aan als jouw invoer klopt."
            )
            % {"names": ", ".join(kept)},
        )
    return redirect(_invitees_url(meeting))
