"""Calendar feeds: per person (secret token), per body, and one meeting as .ics."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import is_signed_in, public, require
from samenspel.meetings import ical, selectors, services
from samenspel.meetings.views.common import crumbs, meetings


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@public
def person_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in (calendar apps cannot); the token is the key. A wrong token: 404."""
    person = selectors.person_of_calendar_token(token=token)
    if person is None:
        raise Http404
    meetings = selectors.meetings_of_person(association=request.association, person=person)
    return ical.calendar_response(
        meetings,
        name=person.name,
        base_url=_base_url(request),
        filename="vergaderingen",
        association_name=request.association.name,
    )


@public
def body_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """A body's meetings as the public page shows them (no token): the same selector and
    the same fields, so no title, place or online link."""
    body = get_object_or_404(selectors.public_bodies(association=request.association), slug=slug)
    return ical.public_calendar_response(
        selectors.public_schedule(association=request.association, body=body),
        name=body.short_name or body.name,
        base_url=_base_url(request),
        filename=body.slug,
        association_name=request.association.name,
    )


@require(is_signed_in)
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(meetings(request).select_related("body"), pk=pk)
    return ical.calendar_response(
        [meeting],
        name=meeting.display_title,
        base_url=_base_url(request),
        filename=f"vergadering-{meeting.pk}",
        association_name=request.association.name,
    )


@require(is_signed_in)
def my_calendar(request: HttpRequest) -> HttpResponse:
    person = request.user.person
    token = services.calendar_token_get(person=person) if person else None
    feed_url = (
        request.build_absolute_uri(reverse("meetings:person_feed", args=[token.token]))
        if token
        else ""
    )
    return render(
        request,
        "meetings/my_calendar.html",
        {
            "person": person,
            "feed_url": feed_url,
            "breadcrumbs": crumbs((_("Mijn agenda-abonnement"), None)),
        },
    )


@require_POST
@require(is_signed_in)
def my_calendar_reset(request: HttpRequest) -> HttpResponse:
    if request.user.person is None:
        raise Http404
    services.calendar_token_reset(person=request.user.person)
    messages.success(request, _("Er is een nieuwe link gemaakt; de oude werkt niet meer."))
    return redirect("meetings:my_calendar")
