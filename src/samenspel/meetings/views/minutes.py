"""A meeting's minutes: writing, marking ready, approving and correcting them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import can_manage_meetings, can_take_minutes, require
from samenspel.meetings import forms, selectors
from samenspel.meetings import minutes as minutes_services
from samenspel.meetings.constants import MinutesStatus
from samenspel.meetings.models import Meeting, Minutes
from samenspel.meetings.views.common import (
    body_of_meeting,
    meeting_form_page,
    meeting_of,
    meeting_trail,
    meetings,
)


def _minutes(request: HttpRequest) -> QuerySet[Minutes]:
    return selectors.minutes_of_association(association=request.association)


def _minutes_url(meeting: Meeting) -> str:
    return f"{meeting.get_absolute_url()}#notulen"


@require(can_take_minutes, obj=meeting_of)
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request).select_related("body"), pk=pk)
    minutes = selectors.minutes_of(meeting=meeting)
    if minutes and minutes.is_locked:
        messages.error(request, _("Vastgestelde notulen liggen vast; leg een correctie vast."))
        return redirect(_minutes_url(meeting))
    initial = {
        "text": minutes.text if minutes else "",
        "minute_taker": minutes.minute_taker if minutes else None,
        "version": minutes.version if minutes else 1,
    }
    return meeting_form_page(
        request,
        forms.MinutesForm(request.POST or None, initial=initial),
        save=lambda data: minutes_services.minutes_save(
            meeting=meeting,
            text=data["text"],
            minute_taker=data["minute_taker"],
            expected_version=data["version"] if minutes else None,
            user=request.user,
        ),
        success=_("De notulen zijn opgeslagen."),
        next_url=_minutes_url(meeting),
        title=_("Notulen: %(meeting)s") % {"meeting": meeting},
        back=meeting.get_absolute_url(),
        trail=meeting_trail(meeting, _("Notulen")),
    )


@require_POST
@require(can_take_minutes, obj=meeting_of)
def minutes_mark(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(_minutes(request).select_related("meeting"), meeting_id=pk)
    try:
        minutes_services.minutes_mark(minutes=minutes, user=request.user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, _("De notulen zijn gereed voor vaststelling."))
    return redirect(_minutes_url(minutes.meeting))


@require(can_manage_meetings, obj=body_of_meeting)
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(_minutes(request).select_related("meeting"), meeting_id=pk)
    meeting = minutes.meeting
    return meeting_form_page(
        request,
        forms.MinutesApproveForm(
            request.POST or None, meeting=meeting, initial={"text": minutes.text}
        ),
        save=lambda data: minutes_services.minutes_approve(
            minutes=minutes,
            at_meeting=data["at_meeting"],
            with_changes=data["with_changes"],
            text=data["text"] if data["with_changes"] else None,
            user=request.user,
        ),
        success=_("De notulen zijn vastgesteld en liggen nu vast."),
        next_url=_minutes_url(meeting),
        title=_("Notulen vaststellen: %(meeting)s") % {"meeting": meeting},
        back=meeting.get_absolute_url(),
        trail=meeting_trail(meeting, _("Vaststellen")),
    )


@require(can_manage_meetings, obj=body_of_meeting)
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(
        _minutes(request).select_related("meeting"), meeting_id=pk, status=MinutesStatus.APPROVED
    )
    return meeting_form_page(
        request,
        forms.CorrectionForm(request.POST or None),
        save=lambda data: minutes_services.minutes_correct(
            minutes=minutes, user=request.user, **data
        ),
        success=_("De correctie is vastgelegd."),
        next_url=_minutes_url(minutes.meeting),
        title=_("Correctie op vastgestelde notulen"),
        back=minutes.meeting.get_absolute_url(),
        trail=meeting_trail(minutes.meeting, _("Correctie")),
    )
