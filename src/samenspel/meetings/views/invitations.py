"""A meeting's invitees: recomputing them, guests, removals and attendance."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import can_manage_meetings, require
from samenspel.meetings import forms, services
from samenspel.meetings.constants import Attendance
from samenspel.meetings.models import Invitation, Meeting
from samenspel.meetings.views.common import body_of_meeting, crumbs, render_form
from samenspel.organisations.models import Body

# --- invitations ------------------------------------------------------------------------


@require_POST
@require(can_manage_meetings, obj=body_of_meeting)
def invitations_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    services.invitations_refresh(meeting=meeting, user=request.user)
    messages.success(request, _("De genodigden zijn opnieuw bepaald volgens de regels."))
    return redirect(f"{meeting.get_absolute_url()}#genodigden")


@require(can_manage_meetings, obj=body_of_meeting)
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    form = forms.GuestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_guest_add(meeting=meeting, user=request.user, **form.cleaned_data)
        messages.success(request, _("De gast is uitgenodigd."))
        return redirect(f"{meeting.get_absolute_url()}#genodigden")
    return render_form(
        request,
        form,
        title=_("Gast uitnodigen"),
        back=meeting.get_absolute_url(),
        breadcrumbs=crumbs((str(meeting), meeting.get_absolute_url()), (_("Gast"), None)),
    )


def _invitation_body(request: HttpRequest, pk: int, **_kw) -> Body:
    return get_object_or_404(Invitation.objects.select_related("meeting__body"), pk=pk).meeting.body


@require(can_manage_meetings, obj=_invitation_body)
def invitation_remove(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("meeting", "person"), pk=pk)
    form = forms.RemovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_remove(
            invitation=invitation, reason=form.cleaned_data["reason"], user=request.user
        )
        messages.success(request, _("%(name)s is afgemeld.") % {"name": invitation.person})
        return redirect(f"{invitation.meeting.get_absolute_url()}#genodigden")
    return render_form(
        request,
        form,
        title=_("Afmelden: %(name)s") % {"name": invitation.person},
        back=invitation.meeting.get_absolute_url(),
        breadcrumbs=crumbs(
            (str(invitation.meeting), invitation.meeting.get_absolute_url()), (_("Afmelden"), None)
        ),
    )


@require_POST
@require(can_manage_meetings, obj=_invitation_body)
def invitation_restore(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("meeting"), pk=pk)
    services.invitation_restore(invitation=invitation, user=request.user)
    return redirect(f"{invitation.meeting.get_absolute_url()}#genodigden")


@require_POST
@require(can_manage_meetings, obj=body_of_meeting)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """One form for the whole list: `aanwezigheid-<invitation id>` = attendance."""
    meeting = get_object_or_404(Meeting, pk=pk)
    with transaction.atomic():  # the whole list is saved, or nothing
        for invitation in meeting.invitations.all():
            value = request.POST.get(f"aanwezigheid-{invitation.pk}")
            if value in Attendance.values and value != invitation.attendance:
                services.attendance_record(
                    invitation=invitation, attendance=value, user=request.user
                )
    messages.success(request, _("De aanwezigheid is opgeslagen."))
    return redirect(f"{meeting.get_absolute_url()}#genodigden")
