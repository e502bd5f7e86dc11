"""The meeting list and one meeting: its page, planning, editing, status, the agenda
as PDF and by e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.meeting_permissions import (
    can_manage_meetings,
    can_plan_meetings,
    can_read_confidential,
    can_take_minutes,
)
from samenspel.accounts.permissions import is_signed_in, require
from samenspel.core.dates import today
from samenspel.jobs.services import job_start
from samenspel.meetings import forms, mailing, selectors, services, workflow
from samenspel.meetings.constants import Attendance
from samenspel.meetings.jobs import AGENDA_MAIL
from samenspel.meetings.models import Invitation
from samenspel.meetings.steps import meeting_steps, minutes_steps, status_question
from samenspel.meetings.views.common import (
    body_of_meeting,
    crumbs,
    meeting_form_page,
    meeting_trail,
)
from samenspel.meetings.views.common import meetings as meetings_of
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs
from samenspel.web.sorting import SortColumn, Sorting
from samenspel.web.steps import confirm_page, step_refused

PAGE_SIZE = 50


def _meeting_rows(meetings):
    for m in meetings:
        yield [
            m.date,
            timezone.localtime(m.starts_at).strftime("%H:%M"),
            m.display_title,
            m.body.name,
            m.body.portfolio.abbreviation if m.body.portfolio else "",
            m.place,
            m.get_status_display(),
            m.item_count,
        ]


# The held meetings (paginated) are sorted on the server; the upcoming ones keep their order.
PAST_SORT = {
    "datum": SortColumn(gettext_lazy("Datum"), ("starts_at",)),
    "vergadering": SortColumn(gettext_lazy("Vergadering"), ("body__name", "starts_at")),
    "portefeuille": SortColumn(
        gettext_lazy("Portefeuille"), ("body__portfolio__abbreviation", "starts_at")
    ),
    "plaats": SortColumn(gettext_lazy("Plaats"), ("place", "starts_at")),
    "status": SortColumn(gettext_lazy("Status"), ("status", "starts_at")),
    "agendapunten": SortColumn(gettext_lazy("Agendapunten"), ("item_count", "starts_at")),
}


@require(is_signed_in)
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = forms.MeetingFilterForm(request.GET or None, association=request.association)
    filters = form.cleaned_data if form.is_valid() else {}
    meetings = selectors.meeting_list(
        association=request.association,
        year=filters.get("year"),
        body=filters.get("body"),
        portfolio=filters.get("portfolio"),
    )
    fmt = export_format(request)
    if fmt:
        columns = [_("Datum"), _("Tijd"), _("Vergadering"), _("Overleg"), _("Portefeuille")]
        columns += [_("Plaats"), _("Status"), _("Agendapunten")]
        return table_response(
            fmt=fmt, filename="vergaderingen", columns=columns, rows=_meeting_rows(meetings)
        )
    upcoming, past = selectors.upcoming_and_past(meetings, on=today())
    sorting = Sorting.from_request(request, PAST_SORT)
    past = sorting.apply(past)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "upcoming": upcoming[:PAGE_SIZE],
            "upcoming_count": upcoming.count(),
            "page": Paginator(past, PAGE_SIZE).get_page(request.GET.get("pagina")),
            "query": query.urlencode(),
            "sorting": sorting,
            "can_create": can_plan_meetings(request.user),
            "year": today().year,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Overleggen"), None)),
        },
    )


def _invitee_rows(invitations: list[Invitation]) -> list[list]:
    return [
        [
            i.person.name,
            i.person.organisation.display_name,
            i.get_source_display(),
            i.removed_reason if i.removed else i.reason,
            _("afgemeld") if i.removed else i.get_attendance_display(),
        ]
        for i in invitations
    ]


@require(is_signed_in)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        meetings_of(request).select_related("body__portfolio", "prepares__body"), pk=pk
    )
    items = selectors.meeting_items(meeting=meeting)
    minutes = selectors.minutes_of(meeting=meeting)
    invitations = selectors.meeting_invitations(meeting=meeting)
    fmt = export_format(request)
    if fmt:
        return table_response(
            fmt=fmt,
            filename=f"vergadering-{meeting.pk}-genodigden",
            columns=[_("Naam"), _("Organisatie"), _("Grond"), _("Reden"), _("Aanwezigheid")],
            rows=_invitee_rows(invitations),
        )
    can_manage = can_manage_meetings(request.user, meeting.body)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "invitations": invitations,
            "carried_actions": selectors.meeting_open_actions(meeting=meeting),
            "new_actions": meeting.actions.select_related("owner__organisation"),
            "minutes": minutes,
            "corrections": minutes.corrections.all() if minutes else [],
            "approves": meeting.approved_minutes.select_related("meeting"),
            "prepared_by": meeting.prepared_by.select_related("body"),
            "previous": selectors.previous_meeting(meeting=meeting),
            "can_manage": can_manage,
            "can_take_minutes": can_take_minutes(request.user, meeting),
            "can_read_confidential": can_read_confidential(request.user, meeting),
            "steps": meeting_steps(meeting, request.user),
            "minutes_steps": minutes_steps(meeting, minutes, request.user),
            "attendance_choices": Attendance.choices,
            "attendance_counts": selectors.attendance_counts(invitations),
            "total_minutes": selectors.agenda_minutes(items),
            "backlog": selectors.backlog(body=meeting.body) if can_manage else [],
            "query": "",
            "breadcrumbs": crumbs((str(meeting), None)),
        },
    )


@require(can_plan_meetings)
def meeting_create(request: HttpRequest) -> HttpResponse:
    bodies = selectors.bodies_for_planning(association=request.association, user=request.user)
    slug = request.GET.get("overleg")
    initial = {"body": bodies.filter(slug=slug).first()} if slug else {}
    form = forms.MeetingCreateForm(
        request.POST or None, initial=initial, association=request.association
    )
    form.fields["body"].queryset = bodies
    title = _("Vergadering plannen")
    return meeting_form_page(
        request,
        form,
        save=lambda data: services.meeting_create(
            body=data["body"], user=request.user, **form.values()
        ),
        success=_("De vergadering is gepland."),
        next_url=lambda meeting: meeting.get_absolute_url(),
        title=title,
        back=reverse("meetings:list"),
        trail=((title, None),),
    )


@require(can_manage_meetings, obj=body_of_meeting)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings_of(request), pk=pk)
    initial = forms.MeetingForm.initial_for(meeting)
    form = forms.MeetingEditForm(request.POST or None, initial=initial)
    return meeting_form_page(
        request,
        form,
        save=lambda data: services.meeting_update(
            meeting=meeting, expected_version=data["version"], user=request.user, **form.values()
        ),
        success=_("De wijzigingen zijn opgeslagen."),
        next_url=meeting.get_absolute_url(),
        title=_("Bewerken: %(name)s") % {"name": meeting},
        back=meeting.get_absolute_url(),
        trail=meeting_trail(meeting, _("Bewerken")),
    )


@require(can_manage_meetings, obj=body_of_meeting)
def meeting_status(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks "Weet je het zeker?" about `?status=`; POST `status` makes the change.
    A status the rules do not allow now is refused with the reason, on GET and POST."""
    meeting = get_object_or_404(meetings_of(request).select_related("body"), pk=pk)
    data = request.POST if request.method == "POST" else request.GET
    status = data.get("status", "")
    refusal = workflow.status_refusal(meeting, status, on=today())
    if refusal:
        return step_refused(request, refusal, meeting.get_absolute_url())
    question = status_question(meeting, status)
    if request.method != "POST":
        return confirm_page(
            request,
            question,
            back=meeting.get_absolute_url(),
            fields={"status": status},
            breadcrumbs=crumbs(*meeting_trail(meeting, question.title)),
        )
    try:
        services.meeting_status_set(meeting=meeting, status=status, user=request.user)
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), meeting.get_absolute_url())
    messages.success(request, question.done)
    return redirect(meeting)


# --- the agenda as PDF and by e-mail ----------------------------------------------------


@require(is_signed_in)
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings_of(request).select_related("body"), pk=pk)
    response = HttpResponse(mailing.agenda_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{meeting.pk}.pdf"'
    return response


@require(can_manage_meetings, obj=body_of_meeting)
def agenda_send(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows what would be sent; POST sends (or, with the dry run ticked, shows again)."""
    meeting = get_object_or_404(meetings_of(request).select_related("body"), pk=pk)
    refusal = workflow.agenda_send_refusal(meeting)
    if refusal:
        return step_refused(request, refusal, meeting.get_absolute_url())
    form = forms.SendForm(request.POST if request.method == "POST" else None)
    base_url = request.build_absolute_uri("/").rstrip("/")
    preview = mailing.agenda_mailing(meeting, base_url)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["dry_run"]:
            # Rendering the PDF and mailing every invitee takes seconds: a background job
            # (meetings/jobs.py); its page says when the agenda went out.
            job = job_start(
                association=request.association,
                user=request.user,
                kind=AGENDA_MAIL,
                title=_("Agenda versturen: %(meeting)s") % {"meeting": meeting},
                params={"meeting": meeting.pk, "base_url": base_url},
            )
            return redirect(job)
        messages.info(request, _("Proefrun: er is niets verstuurd."))
    return render(
        request,
        "meetings/agenda_send.html",
        {
            "meeting": meeting,
            "form": form,
            "mailing": preview,
            "breadcrumbs": crumbs(*meeting_trail(meeting, _("Agenda versturen"))),
        },
    )
