"""What the meetings pages share: loading the objects a URL names, breadcrumbs, the form page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.core.pages import form_page
from samenspel.meetings import selectors
from samenspel.meetings.models import AgendaItem, Meeting
from samenspel.organisations.models import Body
from samenspel.web.navigation import breadcrumbs

Trail = tuple[str, str | None]


def meetings(request: HttpRequest) -> Any:
    """The request's association's meetings: every meeting a URL names is looked up here,
    so another association's meeting is not found (404)."""
    return selectors.meetings_of(association=request.association)


def items(request: HttpRequest) -> Any:
    return selectors.items_of(association=request.association)


def bodies(request: HttpRequest) -> Any:
    return selectors.bodies_of(association=request.association)


def body_of_meeting(request: HttpRequest, pk: int, **_kw: Any) -> Body:
    """The body whose meetings a view changes (for `can_manage_meetings`)."""
    return get_object_or_404(meetings(request).select_related("body"), pk=pk).body


def meeting_of(request: HttpRequest, pk: int, **_kw: Any) -> Meeting:
    return get_object_or_404(meetings(request).select_related("body"), pk=pk)


def body_of_item(request: HttpRequest, pk: int, **_kw: Any) -> Body:
    item: AgendaItem = get_object_or_404(items(request).select_related("body"), pk=pk)
    return item.body


def crumbs(*pairs: Trail) -> list[dict]:
    return breadcrumbs((_("Overzicht"), "/"), (_("Overleggen"), reverse("meetings:list")), *pairs)


def meeting_trail(meeting: Meeting, label: str) -> tuple[Trail, Trail]:
    """Breadcrumbs below a meeting: the meeting (a link), then this page."""
    return (str(meeting), meeting.get_absolute_url()), (label, None)


def meeting_form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    next_url: str | Callable[[Any], Any],
    title: str,
    back: str,
    trail: tuple[Trail, ...],
    **context: Any,
) -> HttpResponse:
    """`core.pages.form_page` on the meetings form template, under the meetings breadcrumbs.

    `trail` continues the breadcrumbs after "Overleggen"; `context` goes to the template
    (`multipart=True` for uploads, `item=…` to show the agenda item above the form).
    """
    return form_page(
        request,
        form,
        save=save,
        success=success,
        next_url=next_url,
        title=title,
        back=back,
        template="meetings/form.html",
        context={"breadcrumbs": crumbs(*trail), **context},
    )
