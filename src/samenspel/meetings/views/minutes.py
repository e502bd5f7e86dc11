"""A meeting's minutes: writing, marking ready, approving and correcting them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import can_manage_meetings, can_take_minutes, require
from samenspel.core.versioning import EditConflict
from samenspel.meetings import forms
from samenspel.meetings import minutes as minutes_services
from samenspel.meetings.constants import MinutesStatus
from samenspel.meetings.models import Meeting, Minutes
from samenspel.meetings.views.common import body_of_meeting, crumbs, meeting_of, render_form

# --- minutes ----------------------------------------------------------------------------


@require(can_take_minutes, obj=meeting_of)
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes and minutes.is_locked:
        messages.error(request, _("Vastgestelde notulen liggen vast; leg een correctie vast."))
        return redirect(f"{meeting.get_absolute_url()}#notulen")
    initial = {
        "text": minutes.text if minutes else "",
        "minute_taker": minutes.minute_taker if minutes else None,
        "version": minutes.version if minutes else 1,
    }
    form = forms.MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            minutes_services.minutes_save(
                meeting=meeting,
                text=form.cleaned_data["text"],
                minute_taker=form.cleaned_data["minute_taker"],
                expected_version=form.cleaned_data["version"] if minutes else None,
                user=request.user,
            )
        except EditConflict as conflict:
            messages.error(request, str(conflict))
            return redirect(request.path)
        messages.success(request, _("De notulen zijn opgeslagen."))
        return redirect(f"{meeting.get_absolute_url()}#notulen")
    return render_form(
        request,
        form,
        title=_("Notulen: %(meeting)s") % {"meeting": meeting},
        back=meeting.get_absolute_url(),
        breadcrumbs=crumbs((str(meeting), meeting.get_absolute_url()), (_("Notulen"), None)),
    )


@require_POST
@require(can_take_minutes, obj=meeting_of)
def minutes_mark(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(Minutes.objects.select_related("meeting"), meeting_id=pk)
    try:
        minutes_services.minutes_mark(minutes=minutes, user=request.user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, _("De notulen zijn gereed voor vaststelling."))
    return redirect(f"{minutes.meeting.get_absolute_url()}#notulen")


@require(can_manage_meetings, obj=body_of_meeting)
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(Minutes.objects.select_related("meeting"), meeting_id=pk)
    meeting = minutes.meeting
    form = forms.MinutesApproveForm(
        request.POST or None, meeting=meeting, initial={"text": minutes.text}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            minutes_services.minutes_approve(
                minutes=minutes,
                at_meeting=data["at_meeting"],
                with_changes=data["with_changes"],
                text=data["text"] if data["with_changes"] else None,
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De notulen zijn vastgesteld en liggen nu vast."))
            return redirect(f"{meeting.get_absolute_url()}#notulen")
    return render_form(
        request,
        form,
        title=_("Notulen vaststellen: %(meeting)s") % {"meeting": meeting},
        back=meeting.get_absolute_url(),
        breadcrumbs=crumbs((str(meeting), meeting.get_absolute_url()), (_("Vaststellen"), None)),
    )


@require(can_manage_meetings, obj=body_of_meeting)
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(
        Minutes.objects.select_related("meeting"), meeting_id=pk, status=MinutesStatus.APPROVED
    )
    form = forms.CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        minutes_services.minutes_correct(minutes=minutes, user=request.user, **form.cleaned_data)
        messages.success(request, _("De correctie is vastgelegd."))
        return redirect(f"{minutes.meeting.get_absolute_url()}#notulen")
    return render_form(
        request,
        form,
        title=_("Correctie op vastgestelde notulen"),
        back=minutes.meeting.get_absolute_url(),
        breadcrumbs=crumbs(
            (str(minutes.meeting), minutes.meeting.get_absolute_url()), (_("Correctie"), None)
        ),
    )
