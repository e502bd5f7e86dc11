"""The account holder's page: pending decisions, money and hours in running proposals."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_record_decision, is_bureau, roles_of
from samenspel.decisions import selectors
from samenspel.decisions.costs import inhabitant_figures, proposal_costs
from samenspel.organisations.models import Organisation
from samenspel.web.navigation import breadcrumbs


@login_required
def my_organisation(request: HttpRequest) -> HttpResponse:
    """The account holder's page: pending decisions, money and hours in running proposals."""
    roles = roles_of(request.user)
    own = Organisation.objects.filter(pk__in=roles.account_holder_of).order_by("name")
    choosable = Organisation.objects.filter(is_member=True) if is_bureau(request.user) else own
    slug = request.GET.get("organisatie")
    # Another organisation's page exists but is not yours: 403 (below), not 404.
    organisation = (
        get_object_or_404(Organisation, slug=slug) if slug else choosable.order_by("name").first()
    )
    if organisation is None:
        return render(request, "decisions/my_organisation_empty.html", {})
    if not can_record_decision(request.user, organisation):
        raise PermissionDenied
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
