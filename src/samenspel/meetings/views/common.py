"""What the meetings pages share: loading the objects a URL names, breadcrumbs, the form page."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.meetings.models import AgendaItem, Meeting
from samenspel.organisations.models import Body
from samenspel.web.navigation import breadcrumbs


def body_of_meeting(request: HttpRequest, pk: int, **_kw) -> Body:
    """The body whose meetings a view changes (for `can_manage_meetings`)."""
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk).body


def meeting_of(request: HttpRequest, pk: int, **_kw) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


def body_of_item(request: HttpRequest, pk: int, **_kw) -> Body:
    return get_object_or_404(AgendaItem.objects.select_related("body"), pk=pk).body


def crumbs(*pairs: tuple[str, str | None]) -> list[dict]:
    return breadcrumbs((_("Overzicht"), "/"), (_("Overleggen"), reverse("meetings:list")), *pairs)


def render_form(request, form, *, title, back, template="meetings/form.html", **extra):
    context = {"form": form, "title": title, "back": back, **extra}
    return render(request, template, context)
