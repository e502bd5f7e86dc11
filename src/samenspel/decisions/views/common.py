"""What the decisions pages share: loading the objects a URL names, the step form page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.core.pages import form_page
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.web.navigation import breadcrumbs


def proposal_of(request: HttpRequest, pk: int, **kwargs: Any) -> Proposal:
    """The proposal of the request's association (another association's: 404)."""
    return get_object_or_404(
        Proposal.objects.select_related("portfolio").filter(
            portfolio__association=request.association
        ),
        pk=pk,
    )


def participant_of(
    request: HttpRequest, pk: int, participant_pk: int, **kwargs: Any
) -> Participant:
    return get_object_or_404(
        Participant.objects.select_related("organisation", "proposal__portfolio"),
        pk=participant_pk,
        proposal_id=pk,
        proposal__portfolio__association=request.association,
    )


def decision_of(
    request: HttpRequest, pk: int, decision_pk: int, **kwargs: Any
) -> ExecutiveDecision:
    return get_object_or_404(
        ExecutiveDecision.objects.select_related(
            "participant__organisation", "participant__proposal"
        ),
        pk=decision_pk,
        participant__proposal_id=pk,
        participant__proposal__portfolio__association=request.association,
    )


def step_page(
    request: HttpRequest,
    form: Any,
    *,
    proposal: Proposal,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    title: str,
    next_url: str | None = None,
    intro: str = "",
) -> HttpResponse:
    """One step on a proposal (`core.pages.form_page`): the step form under the proposal's
    breadcrumbs, with `intro` as a warning above it; back to the proposal, or to
    `next_url`, when it is done."""
    back = proposal.get_absolute_url()
    return form_page(
        request,
        form,
        save=save,
        success=success,
        next_url=next_url or back,
        title=title,
        back=back,
        template="decisions/step_form.html",
        context={
            "button": _("Opslaan"),
            "proposal": proposal,
            "intro": intro,
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")),
                (proposal.title, back),
                (title, None),
            ),
        },
    )
