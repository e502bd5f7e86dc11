"""The account holder's page: pending decisions, money and hours in running proposals."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_view_my_organisation, require
from samenspel.decisions import selectors
from samenspel.organisations.models import Organisation
from samenspel.web.navigation import breadcrumbs


def _organisation(request: HttpRequest, **kwargs: Any) -> Organisation | None:
    """The organisation asked for (`?organisatie=`), else the first one the user may pick.

    Another organisation's page exists but is not yours: 403 (the gate), not 404."""
    slug = request.GET.get("organisatie")
    if slug:
        return get_object_or_404(Organisation, slug=slug)
    return selectors.organisations_for_page(request.user, request.association).first()


@require(can_view_my_organisation, obj=_organisation)
def my_organisation(request: HttpRequest) -> HttpResponse:
    """The account holder's page: pending decisions, money and hours in running proposals."""
    organisation = _organisation(request)
    if organisation is None:
        return render(request, "decisions/my_organisation_empty.html", {})
    choosable = selectors.organisations_for_page(request.user, request.association)
    page = selectors.organisation_decisions(organisation, association=request.association)
    return render(
        request,
        "decisions/my_organisation.html",
        {
            "organisation": organisation,
            "organisations": choosable if choosable.count() > 1 else None,
            "pending": page.pending,
            "running": page.running,
            "decided": page.decided,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Mijn organisatie"), None)),
        },
    )
