"""Pages of meetings: the list, a meeting with its invitees, agenda, outcomes and minutes.

Views parse input with a form, call one service and render; every view goes through a
predicate of `accounts.permissions`. Decision and action lists, the schedule and the
feeds live in `lists.py`, `feeds.py` and `public.py`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import (
    can_manage_meetings,
    can_manage_proposal,
    can_plan_meetings,
    can_read_confidential,
    can_take_minutes,
    is_signed_in,
    require,
)
from samenspel.core.dates import today
from samenspel.core.versioning import EditConflict
from samenspel.meetings import documents, forms, mailing, selectors, services
from samenspel.meetings.constants import Attendance, MeetingStatus, MinutesStatus
from samenspel.meetings.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    DocumentVersion,
    Invitation,
    Meeting,
    Minutes,
)
from samenspel.meetings.workflow import ALLOWED
from samenspel.organisations.models import Body
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs, safe_back

PAGE_SIZE = 50


def _meeting(request: HttpRequest, pk: int, **_kw) -> Body:
    """The body whose meetings a view changes (for `can_manage_meetings`)."""
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk).body


def _meeting_obj(request: HttpRequest, pk: int, **_kw) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def _item_body(request: HttpRequest, pk: int, **_kw) -> Body:
    return get_object_or_404(AgendaItem.objects.select_related("body"), pk=pk).body


def _crumbs(*pairs: tuple[str, str | None]) -> list[dict]:
    return breadcrumbs((_("Overzicht"), "/"), (_("Overleggen"), reverse("meetings:list")), *pairs)


def _form_page(request, form, *, title, back, template="meetings/form.html", **extra):
    context = {"form": form, "title": title, "back": back, **extra}
    return render(request, template, context)


# --- list and meeting page --------------------------------------------------------------


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


@require(is_signed_in)
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = forms.MeetingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    meetings = selectors.meeting_list(
        year=filters.get("year"), body=filters.get("body"), portfolio=filters.get("portfolio")
    )
    fmt = export_format(request)
    if fmt:
        columns = [_("Datum"), _("Tijd"), _("Vergadering"), _("Overleg"), _("Portefeuille")]
        columns += [_("Plaats"), _("Status"), _("Agendapunten")]
        return table_response(
            fmt=fmt, filename="vergaderingen", columns=columns, rows=_meeting_rows(meetings)
        )
    now = timezone.make_aware(dt.datetime.combine(today(), dt.time.min))
    upcoming = meetings.filter(starts_at__gte=now)
    past = meetings.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    page = Paginator(past, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "upcoming": upcoming[:PAGE_SIZE],
            "upcoming_count": upcoming.count(),
            "page": page,
            "query": query.urlencode(),
            "can_create": can_plan_meetings(request.user),
            "year": today().year,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Overleggen"), None)),
        },
    )


def _attendance_counts(invitations: list[Invitation]) -> list[tuple[str, int]]:
    """(label, number) per recorded attendance, for the line above the invitee table."""
    counts = Counter(i.attendance for i in invitations if not i.removed)
    return [(label, counts[value]) for value, label in Attendance.choices if counts[value]]


@require(is_signed_in)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.select_related("body__portfolio", "prepares__body"), pk=pk
    )
    items = selectors.meeting_items(meeting=meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    invitations = selectors.meeting_invitations(meeting=meeting)
    fmt = export_format(request)
    if fmt:
        return table_response(
            fmt=fmt,
            filename=f"vergadering-{meeting.pk}-genodigden",
            columns=[_("Naam"), _("Organisatie"), _("Grond"), _("Reden"), _("Aanwezigheid")],
            rows=[
                [
                    i.person.name,
                    i.person.organisation.display_name,
                    i.get_source_display(),
                    i.removed_reason if i.removed else i.reason,
                    _("afgemeld") if i.removed else i.get_attendance_display(),
                ]
                for i in invitations
            ],
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
            "can_take_minutes": can_manage or can_take_minutes(request.user, meeting),
            "can_read_confidential": can_read_confidential(request.user, meeting),
            "statuses": [s for s in MeetingStatus if s in ALLOWED.get(meeting.status, ())],
            "attendance_choices": Attendance.choices,
            "attendance_counts": _attendance_counts(invitations),
            "total_minutes": sum(i.duration_minutes for i in items),
            "backlog": selectors.backlog(body=meeting.body) if can_manage else [],
            "query": "",
            "breadcrumbs": _crumbs((str(meeting), None)),
        },
    )


@require(can_plan_meetings)
def meeting_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("overleg"):
        initial["body"] = Body.objects.filter(slug=request.GET["overleg"]).first()
    form = forms.MeetingCreateForm(request.POST or None, initial=initial)
    bodies = Body.objects.select_related("portfolio").order_by("name")
    form.fields["body"].queryset = bodies.filter(
        pk__in=[b.pk for b in bodies if can_manage_meetings(request.user, b)]
    )
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_create(
            body=form.cleaned_data["body"], user=request.user, **form.values()
        )
        messages.success(request, _("De vergadering is gepland."))
        return redirect(meeting)
    return _form_page(
        request,
        form,
        title=_("Vergadering plannen"),
        back=reverse("meetings:list"),
        breadcrumbs=_crumbs((_("Vergadering plannen"), None)),
    )


@require(can_manage_meetings, obj=_meeting)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    initial = forms.MeetingForm.initial_for(meeting)
    form = forms.MeetingEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=meeting,
                expected_version=form.cleaned_data["version"],
                user=request.user,
                **form.values(),
            )
        except EditConflict as conflict:
            messages.error(request, str(conflict))
            return redirect(request.path)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(meeting)
    return _form_page(
        request,
        form,
        title=_("Bewerken: %(name)s") % {"name": meeting},
        back=meeting.get_absolute_url(),
        breadcrumbs=_crumbs((str(meeting), meeting.get_absolute_url()), (_("Bewerken"), None)),
    )


@require_POST
@require(can_manage_meetings, obj=_meeting)
def meeting_status(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    try:
        services.meeting_status_set(
            meeting=meeting, status=request.POST.get("status", ""), user=request.user
        )
    except (ValidationError, ValueError) as error:
        messages.error(request, "; ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("De status is bijgewerkt."))
    return redirect(meeting)


# --- invitations ------------------------------------------------------------------------


@require_POST
@require(can_manage_meetings, obj=_meeting)
def invitations_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    services.invitations_refresh(meeting=meeting, user=request.user)
    messages.success(request, _("De genodigden zijn opnieuw bepaald volgens de regels."))
    return redirect(f"{meeting.get_absolute_url()}#genodigden")


@require(can_manage_meetings, obj=_meeting)
def guest_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    form = forms.GuestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_guest_add(meeting=meeting, user=request.user, **form.cleaned_data)
        messages.success(request, _("De gast is uitgenodigd."))
        return redirect(f"{meeting.get_absolute_url()}#genodigden")
    return _form_page(
        request,
        form,
        title=_("Gast uitnodigen"),
        back=meeting.get_absolute_url(),
        breadcrumbs=_crumbs((str(meeting), meeting.get_absolute_url()), (_("Gast"), None)),
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
    return _form_page(
        request,
        form,
        title=_("Afmelden: %(name)s") % {"name": invitation.person},
        back=invitation.meeting.get_absolute_url(),
        breadcrumbs=_crumbs(
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
@require(can_manage_meetings, obj=_meeting)
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


# --- agenda items -----------------------------------------------------------------------


def _item_values(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


def _item_add(request: HttpRequest, body: Body, meeting: Meeting | None) -> HttpResponse:
    form = forms.AgendaItemForm(request.POST or None, body=body)
    back = meeting.get_absolute_url() if meeting else f"{body.get_absolute_url()}#backlog"
    if request.method == "POST" and form.is_valid():
        services.agenda_item_add(
            body=body, meeting=meeting, user=request.user, **_item_values(form)
        )
        messages.success(request, _("Het agendapunt is toegevoegd."))
        return redirect(back)
    title = _("Agendapunt toevoegen") if meeting else _("Agendapunt voor de backlog")
    return _form_page(request, form, title=title, back=back, breadcrumbs=_crumbs((title, None)))


@require(can_manage_meetings, obj=_meeting)
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    return _item_add(request, meeting.body, meeting)


def _body_by_slug(request: HttpRequest, slug: str, **_kw) -> Body:
    return get_object_or_404(Body, slug=slug)


@require(can_manage_meetings, obj=_body_by_slug)
def backlog_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _item_add(request, get_object_or_404(Body, slug=slug), None)


def _item_back(item: AgendaItem) -> str:
    if item.meeting_id:
        return item.meeting.get_absolute_url()
    return f"{item.body.get_absolute_url()}#backlog"


@require(can_manage_meetings, obj=_item_body)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("body", "meeting"), pk=pk)
    initial = {name: getattr(item, name) for name in forms.AgendaItemEditForm.base_fields}
    initial["agreements"] = list(item.agreements.all())
    form = forms.AgendaItemEditForm(request.POST or None, initial=initial, body=item.body)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(
                item=item,
                expected_version=form.cleaned_data["version"],
                user=request.user,
                **_item_values(form),
            )
        except EditConflict as conflict:
            messages.error(request, str(conflict))
            return redirect(request.path)
        messages.success(request, _("Het agendapunt is bijgewerkt."))
        return redirect(_item_back(item))
    return _form_page(
        request,
        form,
        title=_("Bewerken: %(name)s") % {"name": item},
        back=_item_back(item),
        breadcrumbs=_crumbs((str(item), None)),
    )


@require_POST
@require(can_manage_meetings, obj=_item_body)
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    """`meeting=<id>` pulls the item into that meeting; `meeting=` parks it in the backlog."""
    item = get_object_or_404(AgendaItem.objects.select_related("body", "meeting"), pk=pk)
    meeting_id = request.POST.get("meeting", "")
    target = get_object_or_404(Meeting, pk=meeting_id) if meeting_id else None
    back = _item_back(item)
    try:
        services.agenda_item_move(item=item, meeting=target, user=request.user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, _("Het agendapunt is verplaatst."))
        back = target.get_absolute_url() if target else back
    return redirect(back)


# --- documents --------------------------------------------------------------------------


@require(can_manage_meetings, obj=_item_body)
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "body"), pk=pk)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_upload(
                item=item,
                upload=form.cleaned_data["upload"],
                title=form.cleaned_data["title"],
                is_confidential=form.cleaned_data["is_confidential"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het stuk is toegevoegd."))
            return redirect(_item_back(item))
    return _form_page(
        request,
        form,
        title=_("Stuk toevoegen aan '%(item)s'") % {"item": item},
        back=_item_back(item),
        multipart=True,
        breadcrumbs=_crumbs((str(item), None)),
    )


def _document_body(request: HttpRequest, pk: int, **_kw) -> Body:
    return get_object_or_404(AgendaDocument.objects.select_related("item__body"), pk=pk).item.body


@require(can_manage_meetings, obj=_document_body)
def document_version_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(AgendaDocument.objects.select_related("item__meeting"), pk=pk)
    form = forms.DocumentVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_upload(
                item=document.item,
                document=document,
                upload=form.cleaned_data["upload"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De nieuwe versie is opgeslagen."))
            return redirect(_item_back(document.item))
    return _form_page(
        request,
        form,
        title=_("Nieuwe versie van '%(doc)s'") % {"doc": document},
        back=_item_back(document.item),
        multipart=True,
        breadcrumbs=_crumbs((str(document), None)),
    )


@require(is_signed_in)
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Every download goes through here: a confidential document only for those who may."""
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__item__meeting__body"), pk=pk
    )
    document = version.document
    meeting = document.item.meeting
    if document.is_confidential or document.item.is_confidential:
        allowed = meeting is not None and can_read_confidential(request.user, meeting)
        if not (allowed or can_manage_meetings(request.user, document.item.body)):
            raise Http404
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.filename,
        content_type=documents.content_type(version.filename),
    )


# --- outcomes and actions ---------------------------------------------------------------


@require(can_manage_meetings, obj=_item_body)
def outcome_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "body"), pk=pk)
    if item.meeting is None:
        raise Http404
    form = forms.OutcomeForm(request.POST or None, item=item)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The PHO's decision on a proposal is recorded by who manages the proposal.
        on_proposal = bool(data.get("pho_outcome") and item.proposal_id)
        if on_proposal and not can_manage_proposal(request.user, item.proposal):
            raise PermissionDenied
        try:
            services.outcome_with_action_record(
                item=item,
                kind=data["kind"],
                text=data["text"],
                pho_outcome=data.get("pho_outcome", ""),
                progress_status=data.get("progress_status", ""),
                action_title=data["action_title"],
                action_owner=data["action_owner"],
                action_due_on=data["action_due_on"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De uitkomst is vastgelegd."))
            return redirect(f"{item.meeting.get_absolute_url()}#punt-{item.pk}")
    return _form_page(
        request,
        form,
        title=_("Uitkomst van '%(item)s'") % {"item": item},
        back=item.meeting.get_absolute_url(),
        item=item,
        breadcrumbs=_crumbs(
            (str(item.meeting), item.meeting.get_absolute_url()), (_("Uitkomst"), None)
        ),
    )


@require(can_manage_meetings, obj=_meeting)
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    form = forms.ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.action_add(meeting=meeting, user=request.user, **form.cleaned_data)
        messages.success(request, _("De actie is vastgelegd."))
        return redirect(f"{meeting.get_absolute_url()}#acties")
    return _form_page(
        request,
        form,
        title=_("Actie vastleggen"),
        back=meeting.get_absolute_url(),
        breadcrumbs=_crumbs((str(meeting), meeting.get_absolute_url()), (_("Actie"), None)),
    )


def _action_body(request: HttpRequest, pk: int, **_kw) -> Body:
    return get_object_or_404(Action.objects.select_related("body"), pk=pk).body


@require(can_manage_meetings, obj=_action_body)
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(Action.objects.select_related("meeting"), pk=pk)
    form = forms.ActionCloseForm(request.POST or None)
    back = safe_back(request, request.GET.get("terug"), action.meeting.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        try:
            services.action_close(action=action, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De actie is gesloten."))
            return redirect(back)
    return _form_page(
        request,
        form,
        title=_("Actie sluiten: %(title)s") % {"title": action},
        back=back,
        breadcrumbs=_crumbs((str(action.meeting), back), (_("Actie sluiten"), None)),
    )


# --- minutes ----------------------------------------------------------------------------


@require(can_take_minutes, obj=_meeting_obj)
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
            services.minutes_save(
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
    return _form_page(
        request,
        form,
        title=_("Notulen: %(meeting)s") % {"meeting": meeting},
        back=meeting.get_absolute_url(),
        breadcrumbs=_crumbs((str(meeting), meeting.get_absolute_url()), (_("Notulen"), None)),
    )


@require_POST
@require(can_take_minutes, obj=_meeting_obj)
def minutes_mark(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(Minutes.objects.select_related("meeting"), meeting_id=pk)
    try:
        services.minutes_mark(minutes=minutes, user=request.user)
    except ValidationError as error:
        messages.error(request, "; ".join(error.messages))
    else:
        messages.success(request, _("De notulen zijn gereed voor vaststelling."))
    return redirect(f"{minutes.meeting.get_absolute_url()}#notulen")


@require(can_manage_meetings, obj=_meeting)
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(Minutes.objects.select_related("meeting"), meeting_id=pk)
    meeting = minutes.meeting
    form = forms.MinutesApproveForm(
        request.POST or None, meeting=meeting, initial={"text": minutes.text}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.minutes_approve(
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
    return _form_page(
        request,
        form,
        title=_("Notulen vaststellen: %(meeting)s") % {"meeting": meeting},
        back=meeting.get_absolute_url(),
        breadcrumbs=_crumbs((str(meeting), meeting.get_absolute_url()), (_("Vaststellen"), None)),
    )


@require(can_manage_meetings, obj=_meeting)
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    minutes = get_object_or_404(
        Minutes.objects.select_related("meeting"), meeting_id=pk, status=MinutesStatus.APPROVED
    )
    form = forms.CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.minutes_correct(minutes=minutes, user=request.user, **form.cleaned_data)
        messages.success(request, _("De correctie is vastgelegd."))
        return redirect(f"{minutes.meeting.get_absolute_url()}#notulen")
    return _form_page(
        request,
        form,
        title=_("Correctie op vastgestelde notulen"),
        back=minutes.meeting.get_absolute_url(),
        breadcrumbs=_crumbs(
            (str(minutes.meeting), minutes.meeting.get_absolute_url()), (_("Correctie"), None)
        ),
    )


# --- the agenda as PDF and by e-mail ----------------------------------------------------


@require(is_signed_in)
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    response = HttpResponse(mailing.agenda_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{meeting.pk}.pdf"'
    return response


@require(can_manage_meetings, obj=_meeting)
def agenda_send(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows what would be sent; POST sends (or, with the dry run ticked, shows again)."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    form = forms.SendForm(request.POST if request.method == "POST" else None)
    base_url = request.build_absolute_uri("/").rstrip("/")
    preview = mailing.agenda_mailing(meeting, base_url)
    if request.method == "POST" and form.is_valid():
        dry_run = form.cleaned_data["dry_run"]
        result = mailing.agenda_send(
            meeting=meeting, base_url=base_url, user=request.user, dry_run=dry_run
        )
        if not dry_run:
            messages.success(
                request,
                _("De agenda is verstuurd aan %(count)s genodigden.")
                % {"count": len(result.recipients)},
            )
            return redirect(meeting)
        messages.info(request, _("Proefrun: er is niets verstuurd."))
    return render(
        request,
        "meetings/agenda_send.html",
        {
            "meeting": meeting,
            "form": form,
            "mailing": preview,
            "breadcrumbs": _crumbs(
                (str(meeting), meeting.get_absolute_url()), (_("Agenda versturen"), None)
            ),
        },
    )
