"""The account holder's page: pending decisions, money and hours in running proposals."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import (
    can_view_my_organisation,
    is_bureau,
    organisations_held_by,
    require,
)
from samenspel.decisions import selectors
from samenspel.decisions.costs import inhabitant_figures, proposal_costs
from samenspel.organisations.models import Organisation
from samenspel.web.navigation import breadcrumbs


def _choosable(user) -> QuerySet[Organisation]:
    """The organisations whose page `user` may pick: the bureau every member's."""
    if is_bureau(user):
        return Organisation.objects.filter(is_member=True).order_by("name")
    return Organisation.objects.filter(pk__in=organisations_held_by(user)).order_by("name")


def _organisation(request: HttpRequest, **kwargs) -> Organisation | None:
    """The organisation asked for (`?organisatie=`), else the first one `user` may pick.

    Another organisation's page exists but is not yours: 403 (the gate), not 404."""
    slug = request.GET.get("organisatie")
    if slug:
        return get_object_or_404(Organisation, slug=slug)
    return _choosable(request.user).first()


@require(can_view_my_organisation, obj=_organisation)
def my_organisation(request: HttpRequest) -> HttpResponse:
    """The account holder's page: pending decisions, money and hours in running proposals."""
    choosable = _choosable(request.user)
    organisation = _organisation(request)
    if organisation is None:
        return render(request, "decisions/my_organisation_empty.html", {})
    states = selectors.proposal_states_on(date=selectors.today(), organisation=organisation)
    figures = inhabitant_figures(
        Organisation.objects.filter(is_member=True).values_list("pk", flat=True)
    )
    rows = []
    for state in (s for s in states if s.is_running):
        costs = proposal_costs(
            state.proposal, excluded=selectors.not_joining(state), figures=figures
        )
        mine = next(p for p in state.participants if p.organisation.pk == organisation.pk)
        rows.append({"state": state, "costs": costs.row_for(organisation), "mine": mine})
    return render(
        request,
        "decisions/my_organisation.html",
        {
            "organisation": organisation,
            "organisations": choosable if choosable.count() > 1 else None,
            "pending": selectors.pending_for(organisation=organisation, states=states),
            "running": rows,
            "decided": [s for s in states if not s.is_running][:20],
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Mijn organisatie"), None)),
        },
    )
