"""Proposal pages: the list, one proposal, writing and editing one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.corrections import can_correct_decision
from samenspel.accounts.models import User
from samenspel.accounts.permissions import (
    can_confirm_coalition,
    can_create_proposal,
    can_manage_proposal,
    can_manage_templates,
    can_record_decision,
    can_view_decision_document,
    is_signed_in,
    require,
)
from samenspel.core.pages import form_page, versioned_edit
from samenspel.decisions import selectors, services, workflow
from samenspel.decisions.constants import PROPOSAL_SECTIONS, Result, Stage
from samenspel.decisions.forms import ProposalCreateForm, ProposalFilterForm, ProposalForm
from samenspel.decisions.models import Proposal
from samenspel.decisions.views.common import proposal_of
from samenspel.web.charts import Segment, progress_bar
from samenspel.web.dashboard import rendered_panels
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs
from samenspel.web.sorting import SortColumn, Sorting
from samenspel.web.steps import step_refused

PAGE_SIZE = 25
COLUMNS = [
    gettext_lazy("Voorstel"),
    gettext_lazy("Portefeuille"),
    gettext_lazy("Fase"),
    gettext_lazy("Uitkomst"),
    gettext_lazy("Besloten"),
    gettext_lazy("Deelnemers"),
    gettext_lazy("Over tijd"),
    gettext_lazy("Besluit gevraagd vóór"),
]


# The list is derived per proposal (stage, result), so it is sorted once read; stages and
# results in the order they are declared, not alphabetically.
def _by(label, key: Callable[[selectors.ProposalState], Any]) -> SortColumn:
    return SortColumn(label, key=key, pk=lambda s: s.proposal.pk)


SORT_COLUMNS = {
    "voorstel": _by(gettext_lazy("Voorstel"), lambda s: s.proposal.title),
    "portefeuille": _by(
        gettext_lazy("Portefeuille"),
        lambda s: s.proposal.portfolio.abbreviation or s.proposal.portfolio.name,
    ),
    "fase": _by(gettext_lazy("Fase"), lambda s: list(Stage).index(s.stage)),
    "uitkomst": _by(gettext_lazy("Uitkomst"), lambda s: list(Result).index(s.result)),
    "besloten": _by(gettext_lazy("Besloten"), lambda s: (s.decided_count, s.participant_count)),
    "over-tijd": _by(gettext_lazy("Over tijd"), lambda s: s.overdue_count),
    "besluit-voor": _by(
        gettext_lazy("Besluit gevraagd vóór"), lambda s: s.proposal.decision_deadline
    ),
}


def decided_bar(state: selectors.ProposalState) -> str:
    label = _("%(d)s van %(n)s besloten") % {
        "d": state.decided_count,
        "n": state.participant_count,
    }
    return progress_bar(
        segments=[
            Segment(_("ingestemd"), state.agreed_count, "#2e7d32"),
            Segment(_("anders besloten"), state.decided_count - state.agreed_count, "#8a6d00"),
            Segment(_("open"), state.participant_count - state.decided_count, "#d0d5db"),
        ],
        label=label,
    )


@require(is_signed_in)
def proposal_list(request: HttpRequest) -> HttpResponse:
    form = ProposalFilterForm(request.GET or None, association=request.association)
    states = selectors.proposal_states_matching(
        association=request.association, **(form.cleaned_data if form.is_valid() else {})
    )
    sorting = Sorting.from_request(request, SORT_COLUMNS)
    states = sorting.sort_list(states)
    fmt = export_format(request)
    if fmt:
        rows = (
            [
                s.proposal.title,
                s.proposal.portfolio.abbreviation or s.proposal.portfolio.name,
                s.stage_label,
                s.result_label,
                s.decided_count,
                s.participant_count,
                s.overdue_count,
                s.proposal.decision_deadline,
            ]
            for s in states
        )
        return table_response(fmt=fmt, filename="voorstellen", columns=COLUMNS, rows=rows)
    page = Paginator(states, PAGE_SIZE).get_page(request.GET.get("pagina"))
    for state in page.object_list:
        state.bar = decided_bar(state)
    query = request.GET.copy()
    query.pop("pagina", None)
    query.pop("format", None)
    return render(
        request,
        "decisions/proposal_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "sorting": sorting,
            "can_create": can_create_proposal(request.user),
            "may_manage_templates": can_manage_templates(request.user),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Voorstellen"), None)),
        },
    )


@require(is_signed_in)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        selectors.proposals_for_states(association=request.association)
        .select_related("proposer")
        .prefetch_related("agreements", "years"),
        pk=pk,
    )
    state = selectors.proposal_state(proposal)
    manage = can_manage_proposal(request.user, proposal)
    costs = selectors.state_costs(state)
    shows_steps = manage or can_confirm_coalition(request.user)
    for p in state.participants:
        p.may_record = state.stage == Stage.SENT and can_record_decision(
            request.user, p.organisation
        )
        p.may_correct = p.decision is not None and can_correct_decision(request.user, p.decision)
        p.may_see_document = bool(p.decision and p.decision.document) and (
            can_view_decision_document(request.user, p.decision)
        )
    return render(
        request,
        "decisions/proposal_detail.html",
        {
            "proposal": proposal,
            "state": state,
            "bar": decided_bar(state),
            "costs": costs,
            "steps": workflow.steps_for(proposal, request.user, state=state, costs=costs)
            if shows_steps
            else None,
            "timeline": selectors.proposal_timeline(state),
            "sections": [
                (Proposal._meta.get_field(name).verbose_name.capitalize(), getattr(proposal, name))
                for name in PROPOSAL_SECTIONS
            ],
            "can_manage": manage,
            "can_confirm_coalition": can_confirm_coalition(request.user)
            and state.result == Result.COALITION_TO_CONFIRM,
            "panels": rendered_panels("proposal", request, proposal),
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (proposal.title, None)
            ),
        },
    )


def _create(user: User) -> Callable[[dict[str, Any]], Proposal]:
    """The create form's fields, handed to `services.proposal_create`."""

    def save(values: dict[str, Any]) -> Proposal:
        values.pop("version", None)
        return services.proposal_create(
            user=user,
            participants=values.pop("participant_organisations"),
            agreements=values.pop("agreements"),
            years=values.pop("amounts_text"),
            hours_per_year=values.pop("hours_per_year"),
            **values,
        )

    return save


@require(can_create_proposal)
def proposal_create(request: HttpRequest) -> HttpResponse:
    portfolios = selectors.portfolios_for_proposals(request.user, association=request.association)
    return form_page(
        request,
        ProposalCreateForm(
            request.POST or None, association=request.association, portfolios=portfolios
        ),
        save=_create(request.user),
        success=_("Het voorstel is aangemaakt als concept."),
        next_url=lambda proposal: proposal.get_absolute_url(),
        title=_("Nieuw voorstel"),
        back=reverse("decisions:list"),
        template="decisions/proposal_form.html",
        context={
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (_("Nieuw voorstel"), None)
            ),
        },
    )


@require(can_manage_proposal, obj=proposal_of)
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_of(request, pk)
    refusal = workflow.edit_refusal(proposal)
    if refusal:
        return step_refused(request, refusal, proposal.get_absolute_url())

    class Form(ProposalForm):
        def __init__(self, *args, **kwargs):
            super().__init__(
                *args,
                association=request.association,
                portfolios=selectors.portfolios_for_proposals(
                    request.user, association=request.association
                ),
                **kwargs,
            )

    return versioned_edit(
        request,
        proposal,
        Form,
        back=proposal.get_absolute_url(),
        save=services.proposal_update,
        template="decisions/proposal_form.html",
    )
