"""The accessibility statement and the help pages (/toegankelijkheid/, /help/)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samenspel.accounts.permissions import is_signed_in, public, require
from samenspel.web.accessibility import statement
from samenspel.web.help import HELP_AREAS, HelpArea
from samenspel.web.navigation import breadcrumbs


@public
@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "web/accessibility.html", statement())


@public
@require_safe
def help_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/help/index.html",
        {
            "areas": HELP_AREAS.values(),
            "breadcrumbs": breadcrumbs((_("Help"), None)),
        },
    )


def _help_page(request: HttpRequest, area: HelpArea) -> HttpResponse:
    return render(
        request,
        area.template,
        {
            "area": area,
            "areas": HELP_AREAS.values(),
            "breadcrumbs": breadcrumbs(
                (_("Help"), reverse("pages:help_index")), (str(area.label), None)
            ),
        },
    )


@public
@require_safe
def help_public(request: HttpRequest) -> HttpResponse:
    """The help of the public pages: for everyone, like the pages themselves."""
    return _help_page(request, HELP_AREAS["openbaar"])


@require(is_signed_in)
@require_safe
def help_area(request: HttpRequest, area: str) -> HttpResponse:
    """The help of one area of the main menu; an unknown area does not exist."""
    found = HELP_AREAS.get(area)
    if found is None:
        raise Http404(_("Er is geen hulp over '%(area)s'.") % {"area": area})
    return _help_page(request, found)
