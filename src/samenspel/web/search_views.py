"""The search page, `/zoeken/?q=…`: one address for everyone, what it searches by who asks.

Whoever takes part in the association (a role in it) searches every source, through a
view guarded by `require(is_signed_in)`; an anonymous visitor, or someone signed in
without a role here, searches the public sources only (the public agenda), so the field
in the header works on every page and never shows what is not public.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samenspel.accounts.permissions import is_signed_in, public, require, takes_part
from samenspel.web.search import MAX_LENGTH, MIN_LENGTH, search_groups


def _page(request: HttpRequest, *, public_only: bool) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    problem, groups = "", []
    if len(query) < MIN_LENGTH:
        problem = _("Typ minstens %(n)s tekens om te zoeken.") % {"n": MIN_LENGTH}
    elif len(query) > MAX_LENGTH:
        problem = _(
            "Je zoekopdracht is %(length)s tekens lang; zoek met hoogstens %(n)s tekens."
        ) % {"length": len(query), "n": MAX_LENGTH}
    else:
        groups = search_groups(request, query, public=public_only)
    return render(
        request,
        "web/search.html",
        {
            "query": query,
            "problem": problem,
            "groups": groups,
            "public_only": public_only,
            "search_query": query,  # keeps the query in the header's field
        },
    )


@require(is_signed_in)
def _full_search(request: HttpRequest) -> HttpResponse:
    return _page(request, public_only=False)


@require_GET
@public
def search(request: HttpRequest) -> HttpResponse:
    if takes_part(request.user):
        return _full_search(request)
    return _page(request, public_only=True)
