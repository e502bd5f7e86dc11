"""Actions agreed at a meeting: recording one and closing it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_manage_meetings, require
from samenspel.meetings import forms, outcomes
from samenspel.meetings.models import Action, Meeting
from samenspel.meetings.views.common import body_of_meeting, crumbs, render_form
from samenspel.organisations.models import Body
from samenspel.web.navigation import safe_back


@require(can_manage_meetings, obj=body_of_meeting)
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    form = forms.ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcomes.action_add(meeting=meeting, user=request.user, **form.cleaned_data)
        messages.success(request, _("De actie is vastgelegd."))
        return redirect(f"{meeting.get_absolute_url()}#acties")
    return render_form(
        request,
        form,
        title=_("Actie vastleggen"),
        back=meeting.get_absolute_url(),
        breadcrumbs=crumbs((str(meeting), meeting.get_absolute_url()), (_("Actie"), None)),
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
            outcomes.action_close(action=action, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De actie is gesloten."))
            return redirect(back)
    return render_form(
        request,
        form,
        title=_("Actie sluiten: %(title)s") % {"title": action},
        back=back,
        breadcrumbs=crumbs((str(action.meeting), back), (_("Actie sluiten"), None)),
    )
