"""The steps of a proposal's process: the PHO decision, sending, a coalition, withdrawal.

A step that is not possible now (`decisions/workflow.py`) is refused with its reason,
on GET and POST alike, before any form is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import (
    can_confirm_coalition,
    can_manage_proposal,
    can_send_without_pho,
    require,
)
from samenspel.decisions import selectors, services, workflow
from samenspel.decisions.forms import CoalitionForm, PhoDecisionForm, SendForm, WithdrawForm
from samenspel.decisions.models import Proposal
from samenspel.decisions.views.common import proposal_of, step_page
from samenspel.web.steps import step_refused


def _step(
    request: HttpRequest,
    proposal: Proposal,
    form: Any,
    service: Callable[..., Any],
    success: str,
    title: str,
    **context: Any,
) -> HttpResponse:
    """`service(proposal=…, user=…, **data)` on the step's form (a confirm box is not data)."""

    def save(data: dict[str, Any]) -> Any:
        data.pop("confirm", None)
        return service(proposal=proposal, user=request.user, **data)

    return step_page(
        request, form, proposal=proposal, save=save, success=success, title=title, **context
    )


def _refused(request: HttpRequest, proposal: Proposal, reason: str) -> HttpResponse:
    return step_refused(request, reason, proposal.get_absolute_url())


@require(can_manage_proposal, obj=proposal_of)
def pho_decision(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_of(request, pk)
    refusal = workflow.pho_refusal(proposal)
    if refusal:
        return _refused(request, proposal, refusal)
    return _step(
        request,
        proposal,
        PhoDecisionForm(request.POST or None),
        services.pho_decision_record,
        _("Het PHO-besluit is vastgelegd."),
        _("PHO-besluit vastleggen"),
    )


@require(can_manage_proposal, obj=proposal_of)
def send(request: HttpRequest, pk: int) -> HttpResponse:
    """Sending; without a positive PHO decision on money only by the bureau, with a reason."""
    proposal = proposal_of(request, pk)
    refusal = workflow.send_refusal(proposal)
    if refusal:
        return _refused(request, proposal, refusal)
    missing = workflow.pho_missing(proposal)
    if missing and not can_send_without_pho(request.user):
        return _refused(request, proposal, f"{missing} {workflow.ONLY_BUREAU_WITHOUT_PHO}")
    return _step(
        request,
        proposal,
        SendForm(request.POST or None, without_pho=bool(missing)),
        services.proposal_send,
        _("Het voorstel ligt nu bij de colleges."),
        _("Zonder PHO-besluit versturen") if missing else _("Versturen naar de colleges"),
        intro=" ".join([missing, _("Het bureau kan het toch versturen, met een reden.")])
        if missing
        else "",
    )


@require(can_confirm_coalition)
def coalition(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_of(request, pk)
    state = selectors.proposal_state(selectors.proposals_with_states().get(pk=proposal.pk))
    refusal = workflow.coalition_refusal(state)
    if refusal:
        return _refused(request, proposal, refusal)
    return _step(
        request,
        proposal,
        CoalitionForm(request.POST or None),
        services.coalition_confirm,
        _("De coalitie is bevestigd; het voorstel is afgerond."),
        _("Coalitie bevestigen"),
    )


@require(can_manage_proposal, obj=proposal_of)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = proposal_of(request, pk)
    refusal = workflow.withdraw_refusal(proposal)
    if refusal:
        return _refused(request, proposal, refusal)
    return _step(
        request,
        proposal,
        WithdrawForm(request.POST or None),
        services.proposal_withdraw,
        _("Het voorstel is ingetrokken."),
        _("Voorstel intrekken"),
    )
