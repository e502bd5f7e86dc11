"""The steps of a proposal's process: the PHO decision, sending, a coalition, withdrawal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_confirm_coalition, can_manage_proposal, require
from samenspel.decisions import services
from samenspel.decisions.forms import CoalitionForm, PhoDecisionForm, SendForm, WithdrawForm
from samenspel.decisions.models import Proposal
from samenspel.decisions.views.common import proposal_of as _proposal
from samenspel.decisions.views.common import step_page as _form_page


def _step(request, proposal: Proposal, form, service, success: str, title: str, **fixed):
    """Validate `form`, call `service(proposal=…, user=…, **data)`, report in Dutch."""
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "confirm"}
        try:
            service(proposal=proposal, user=request.user, **data, **fixed)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(proposal)
    return _form_page(request, proposal=proposal, form=form, title=title)


@require(can_manage_proposal, obj=_proposal)
def pho_decision(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    form = PhoDecisionForm(request.POST or None)
    return _step(
        request,
        proposal,
        form,
        services.pho_decision_record,
        _("Het PHO-besluit is vastgelegd."),
        _("PHO-besluit vastleggen"),
    )


@require(can_manage_proposal, obj=_proposal)
def send(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    form = SendForm(request.POST or None)
    return _step(
        request,
        proposal,
        form,
        services.proposal_send,
        _("Het voorstel ligt nu bij de colleges."),
        _("Versturen naar de colleges"),
    )


@require(can_confirm_coalition)
def coalition(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    form = CoalitionForm(request.POST or None)
    return _step(
        request,
        proposal,
        form,
        services.coalition_confirm,
        _("De coalitie is bevestigd; het voorstel is afgerond."),
        _("Coalitie bevestigen"),
    )


@require(can_manage_proposal, obj=_proposal)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    form = WithdrawForm(request.POST or None)
    return _step(
        request,
        proposal,
        form,
        services.proposal_withdraw,
        _("Het voorstel is ingetrokken."),
        _("Voorstel intrekken"),
    )
