"""Agenda items and the backlog, their documents (upload, new version, download) and outcomes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.meeting_permissions import (
    can_manage_meetings,
    can_read_document,
    can_record_outcome,
)
from samenspel.accounts.permissions import is_signed_in, require
from samenspel.meetings import documents, forms, outcomes, selectors, services
from samenspel.meetings.models import AgendaItem, DocumentVersion, Meeting
from samenspel.meetings.views.common import (
    bodies,
    body_of_item,
    body_of_meeting,
    items,
    meeting_form_page,
    meeting_trail,
    meetings,
)
from samenspel.organisations.models import Body

# --- agenda items -----------------------------------------------------------------------


def _without_version(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "version"}


def _item_back(item: AgendaItem) -> str:
    if item.meeting_id:
        return item.meeting.get_absolute_url()
    return f"{item.body.get_absolute_url()}#backlog"


def _item_add(request: HttpRequest, body: Body, meeting: Meeting | None) -> HttpResponse:
    back = meeting.get_absolute_url() if meeting else f"{body.get_absolute_url()}#backlog"
    title = _("Agendapunt toevoegen") if meeting else _("Agendapunt voor de backlog")
    return meeting_form_page(
        request,
        forms.AgendaItemForm(request.POST or None, body=body, association=request.association),
        save=lambda data: services.agenda_item_add(
            body=body, meeting=meeting, user=request.user, **_without_version(data)
        ),
        success=_("Het agendapunt is toegevoegd."),
        next_url=back,
        title=title,
        back=back,
        trail=((title, None),),
    )


@require(can_manage_meetings, obj=body_of_meeting)
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request).select_related("body"), pk=pk)
    return _item_add(request, meeting.body, meeting)


def _body_by_slug(request: HttpRequest, slug: str, **_kw: Any) -> Body:
    return get_object_or_404(bodies(request), slug=slug)


@require(can_manage_meetings, obj=_body_by_slug)
def backlog_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _item_add(request, get_object_or_404(bodies(request), slug=slug), None)


@require(can_manage_meetings, obj=body_of_item)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(items(request).select_related("body", "meeting"), pk=pk)
    initial = {name: getattr(item, name) for name in forms.AgendaItemEditForm.base_fields}
    initial["agreements"] = list(item.agreements.all())
    return meeting_form_page(
        request,
        forms.AgendaItemEditForm(
            request.POST or None, initial=initial, body=item.body, association=request.association
        ),
        save=lambda data: services.agenda_item_update(
            item=item,
            expected_version=data["version"],
            user=request.user,
            **_without_version(data),
        ),
        success=_("Het agendapunt is bijgewerkt."),
        next_url=_item_back(item),
        title=_("Bewerken: %(name)s") % {"name": item},
        back=_item_back(item),
        trail=((str(item), None),),
    )


@require_POST
@require(can_manage_meetings, obj=body_of_item)
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    """`meeting=<id>` pulls the item into that meeting; `meeting=` parks it in the backlog."""
    item = get_object_or_404(items(request).select_related("body", "meeting"), pk=pk)
    meeting_id = request.POST.get("meeting", "")
    target = get_object_or_404(meetings(request), pk=meeting_id) if meeting_id else None
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


@require(can_manage_meetings, obj=body_of_item)
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(items(request).select_related("meeting", "body"), pk=pk)
    return meeting_form_page(
        request,
        forms.DocumentForm(request.POST or None, request.FILES or None),
        save=lambda data: services.document_upload(
            item=item,
            upload=data["upload"],
            title=data["title"],
            is_confidential=data["is_confidential"],
            user=request.user,
        ),
        success=_("Het stuk is toegevoegd."),
        next_url=_item_back(item),
        title=_("Stuk toevoegen aan '%(item)s'") % {"item": item},
        back=_item_back(item),
        trail=((str(item), None),),
        multipart=True,
    )


def _documents(request: HttpRequest) -> Any:
    return selectors.documents_of(association=request.association)


def _document_body(request: HttpRequest, pk: int, **_kw: Any) -> Body:
    return get_object_or_404(_documents(request).select_related("item__body"), pk=pk).item.body


@require(can_manage_meetings, obj=_document_body)
def document_version_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(_documents(request).select_related("item__meeting"), pk=pk)
    return meeting_form_page(
        request,
        forms.DocumentVersionForm(request.POST or None, request.FILES or None),
        save=lambda data: services.document_upload(
            item=document.item, document=document, upload=data["upload"], user=request.user
        ),
        success=_("De nieuwe versie is opgeslagen."),
        next_url=_item_back(document.item),
        title=_("Nieuwe versie van '%(doc)s'") % {"doc": document},
        back=_item_back(document.item),
        trail=((str(document), None),),
        multipart=True,
    )


def _readable_version(request: HttpRequest, pk: int) -> DocumentVersion:
    """The version asked for, if the user may read its document (`can_read_document`).
    A confidential one they may not read is not found (404, as for a wrong number):
    whether it exists is not confirmed."""
    version = get_object_or_404(
        selectors.document_versions_of(association=request.association).select_related(
            "document__item__meeting__body"
        ),
        pk=pk,
    )
    if not can_read_document(request.user, version.document):
        raise Http404
    return version


@require(is_signed_in)
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Every download goes through here; which documents a user gets, `_readable_version`."""
    version = _readable_version(request, pk)
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.filename,
        content_type=documents.content_type(version.filename),
    )


# --- outcomes ---------------------------------------------------------------------------


def _outcome_target(request: HttpRequest, pk: int, **_kw: Any) -> dict[str, Any]:
    """What `can_record_outcome` judges: the item, and whether a PHO decision on its
    proposal is being recorded."""
    item = get_object_or_404(items(request).select_related("body", "proposal"), pk=pk)
    return {"item": item, "on_proposal": bool(item.proposal_id and request.POST.get("pho_outcome"))}


@require(can_record_outcome, obj=_outcome_target)
def outcome_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(items(request).select_related("meeting", "body"), pk=pk)
    if item.meeting is None:
        raise Http404
    return meeting_form_page(
        request,
        forms.OutcomeForm(request.POST or None, item=item),
        save=lambda data: outcomes.outcome_with_action_record(item=item, user=request.user, **data),
        success=_("De uitkomst is vastgelegd."),
        next_url=f"{item.meeting.get_absolute_url()}#punt-{item.pk}",
        title=_("Uitkomst van '%(item)s'") % {"item": item},
        back=item.meeting.get_absolute_url(),
        trail=meeting_trail(item.meeting, _("Uitkomst")),
        item=item,
    )
