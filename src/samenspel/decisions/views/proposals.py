"""Proposal pages: the list, one proposal, writing and editing one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.permissions import (
    can_confirm_coalition,
    can_create_proposal,
    can_manage_proposal,
    can_record_decision,
    can_view_decision_document,
    is_bureau,
    is_signed_in,
    portfolios_chaired_by,
    require,
)
from samenspel.core.pages import versioned_edit
from samenspel.decisions import selectors, services
from samenspel.decisions.constants import Stage
from samenspel.decisions.costs import proposal_costs
from samenspel.decisions.forms import ProposalCreateForm, ProposalFilterForm, ProposalForm
from samenspel.decisions.models import Proposal
from samenspel.decisions.views.common import proposal_of as _proposal
from samenspel.organisations.models import Portfolio
from samenspel.web.charts import Segment, progress_bar
from samenspel.web.dashboard import rendered_panels
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs

PAGE_SIZE = 25
SECTIONS = [
    "introduction",
    "intended_effect",
    "arguments",
    "risks",
    "finance_text",
    "staff_text",
    "communication",
    "implementation",
]
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


def _filtered_states(form: ProposalFilterForm) -> list[selectors.ProposalState]:
    qs = selectors.proposals_for_states()
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("q"):
        qs = qs.filter(title__icontains=data["q"])
    if data.get("portfolio"):
        qs = qs.filter(portfolio=data["portfolio"])
    states = [selectors.proposal_state(p) for p in qs]
    if data.get("stage"):
        states = [s for s in states if s.stage == data["stage"]]
    if data.get("result"):
        states = [s for s in states if s.result == data["result"]]
    if data.get("overdue"):
        states = [s for s in states if s.overdue_count]
    return states


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
    form = ProposalFilterForm(request.GET or None)
    states = _filtered_states(form)
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
            "can_create": can_create_proposal(request.user),
            "is_bureau": is_bureau(request.user),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Voorstellen"), None)),
        },
    )


def _timeline(proposal: Proposal, state: selectors.ProposalState) -> list[tuple]:
    events = [(proposal.created_on, _("Voorstel aangemaakt"))]
    if proposal.pho_decided_on:
        text = _("PHO: %(outcome)s") % {"outcome": proposal.get_pho_outcome_display()}
        if proposal.pho_reference:
            text += f" ({proposal.pho_reference})"
        events.append((proposal.pho_decided_on, text))
    if proposal.sent_on:
        events.append((proposal.sent_on, _("Verstuurd naar de colleges")))
    for p in state.participants:
        for decision in p.participant.decisions.all():
            events.append(
                (
                    decision.decided_on,
                    f"{p.organisation.name}: {decision.get_outcome_display()}",
                )
            )
    if proposal.coalition_confirmed_on:
        events.append((proposal.coalition_confirmed_on, _("Coalitie bevestigd door het bureau")))
    if proposal.closed_on:
        events.append((proposal.closed_on, _("Afgerond")))
    if proposal.withdrawn_on:
        events.append((proposal.withdrawn_on, _("Ingetrokken")))
    return sorted(events, key=lambda e: e[0])


@require(is_signed_in)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        selectors.proposals_for_states()
        .select_related("proposer")
        .prefetch_related("agreements", "years"),
        pk=pk,
    )
    state = selectors.proposal_state(proposal)
    manage = can_manage_proposal(request.user, proposal)
    for p in state.participants:
        p.may_record = state.stage == Stage.SENT and can_record_decision(
            request.user, p.organisation
        )
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
            "costs": proposal_costs(proposal, excluded=selectors.not_joining(state)),
            "timeline": _timeline(proposal, state),
            "sections": [
                (Proposal._meta.get_field(name).verbose_name.capitalize(), getattr(proposal, name))
                for name in SECTIONS
            ],
            "can_manage": manage,
            "can_confirm_coalition": can_confirm_coalition(request.user)
            and state.result == "coalition_to_confirm",
            "panels": rendered_panels("proposal", request, proposal),
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (proposal.title, None)
            ),
        },
    )


def _portfolios_for(user) -> object:
    if is_bureau(user):
        return Portfolio.objects.all()
    return Portfolio.objects.filter(pk__in=portfolios_chaired_by(user))


@require(can_create_proposal)
def proposal_create(request: HttpRequest) -> HttpResponse:
    portfolios = _portfolios_for(request.user)
    form = ProposalCreateForm(request.POST or None, portfolios=portfolios)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values.pop("version", None)
        try:
            proposal = services.proposal_create(
                user=request.user,
                participants=values.pop("participant_organisations"),
                agreements=values.pop("agreements"),
                years=values.pop("amounts_text"),
                hours_per_year=values.pop("hours_per_year"),
                **values,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het voorstel is aangemaakt als concept."))
            return redirect(proposal)
    return render(
        request,
        "decisions/proposal_form.html",
        {
            "form": form,
            "title": _("Nieuw voorstel"),
            "back": reverse("decisions:list"),
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (_("Nieuw voorstel"), None)
            ),
        },
    )


@require(can_manage_proposal, obj=_proposal)
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    if proposal.stage not in services.EDITABLE_STAGES:
        messages.error(request, str(services.NOT_EDITABLE))
        return redirect(proposal)

    class Form(ProposalForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, portfolios=_portfolios_for(request.user), **kwargs)

    return versioned_edit(
        request,
        proposal,
        Form,
        back=proposal.get_absolute_url(),
        save=services.proposal_update,
        template="decisions/proposal_form.html",
    )
