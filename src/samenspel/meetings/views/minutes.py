"""A meeting's minutes: writing, marking ready, approving and correcting them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from samenspel.accounts.meeting_permissions import can_manage_meetings, can_take_minutes
from samenspel.accounts.permissions import require
from samenspel.meetings import forms, selectors, workflow
from samenspel.meetings import minutes as minutes_services
from samenspel.meetings.models import Meeting, Minutes
from samenspel.meetings.steps import mark_question
from samenspel.meetings.views.common import (
    body_of_meeting,
    crumbs,
    meeting_form_page,
    meeting_of,
    meeting_trail,
    meetings,
)
from samenspel.web.steps import confirm_page, step_refused


def _minutes_url(meeting: Meeting) -> str:
    return f"{meeting.get_absolute_url()}#notulen"


@require(can_take_minutes, obj=meeting_of)
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request).select_related("body"), pk=pk)
    minutes = selectors.minutes_of(meeting=meeting)
    refusal = workflow.minutes_write_refusal(meeting, minutes)
    if refusal:
        return step_refused(request, refusal, _minutes_url(meeting))
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


@require(can_take_minutes, obj=meeting_of)
def minutes_mark(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks "Weet je het zeker?", POST marks the draft ready for approval."""
    meeting = meeting_of(request, pk)
    minutes = selectors.minutes_of(meeting=meeting)
    refusal = workflow.minutes_mark_refusal(minutes)
    if refusal or minutes is None:
        return step_refused(request, refusal or "", _minutes_url(meeting))
    question = mark_question()
    if request.method != "POST":
        return confirm_page(
            request,
            question,
            back=_minutes_url(meeting),
            breadcrumbs=crumbs(*meeting_trail(meeting, question.title)),
        )
    try:
        minutes_services.minutes_mark(minutes=minutes, user=request.user)
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), _minutes_url(meeting))
    messages.success(request, question.done)
    return redirect(_minutes_url(meeting))


def _minutes_or_refused(request: HttpRequest, pk: int, rule) -> Minutes | HttpResponse:
    """The meeting's minutes, or the refusal when `rule` says the step is not possible."""
    meeting = meeting_of(request, pk)
    minutes = selectors.minutes_of(meeting=meeting)
    refusal = rule(minutes)
    if refusal or minutes is None:
        return step_refused(request, refusal or "", _minutes_url(meeting))
    return minutes


@require(can_manage_meetings, obj=body_of_meeting)
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = _minutes_or_refused(request, pk, workflow.minutes_approve_refusal)
    if isinstance(minutes, HttpResponse):
        return minutes
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
    minutes = _minutes_or_refused(request, pk, workflow.minutes_correct_refusal)
    if isinstance(minutes, HttpResponse):
        return minutes
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
