"""The steps of a proposal's process: the PHO decision, sending, a coalition, withdrawal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_confirm_coalition, can_manage_proposal, require
from samenspel.decisions import services
from samenspel.decisions.forms import CoalitionForm, PhoDecisionForm, SendForm, WithdrawForm
from samenspel.decisions.views.common import proposal_of, step_page


def _step(
    request: HttpRequest, pk: int, form_class, service: Callable[..., Any], success: str, title: str
) -> HttpResponse:
    """`service(proposal=…, user=…, **data)` on the step's form (a confirm box is not data)."""
    proposal = proposal_of(request, pk)

    def save(data: dict[str, Any]) -> Any:
        data.pop("confirm", None)
        return service(proposal=proposal, user=request.user, **data)

    form = form_class(request.POST or None)
    return step_page(request, form, proposal=proposal, save=save, success=success, title=title)


@require(can_manage_proposal, obj=proposal_of)
def pho_decision(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        PhoDecisionForm,
        services.pho_decision_record,
        _("Het PHO-besluit is vastgelegd."),
        _("PHO-besluit vastleggen"),
    )


@require(can_manage_proposal, obj=proposal_of)
def send(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        SendForm,
        services.proposal_send,
        _("Het voorstel ligt nu bij de colleges."),
        _("Versturen naar de colleges"),
    )


@require(can_confirm_coalition)
def coalition(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        CoalitionForm,
        services.coalition_confirm,
        _("De coalitie is bevestigd; het voorstel is afgerond."),
        _("Coalitie bevestigen"),
    )


@require(can_manage_proposal, obj=proposal_of)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        WithdrawForm,
        services.proposal_withdraw,
        _("Het voorstel is ingetrokken."),
        _("Voorstel intrekken"),
    )
