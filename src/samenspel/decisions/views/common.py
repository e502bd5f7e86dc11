"""What the decisions pages share: loading the objects a URL names, the step form page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.web.navigation import breadcrumbs


def proposal_of(request: HttpRequest, pk: int, **kwargs) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("portfolio"), pk=pk)


def participant_of(request: HttpRequest, pk: int, participant_pk: int, **kwargs) -> Participant:
    return get_object_or_404(
        Participant.objects.select_related("organisation", "proposal__portfolio"),
        pk=participant_pk,
        proposal_id=pk,
    )


def decision_of(request: HttpRequest, pk: int, decision_pk: int, **kwargs) -> ExecutiveDecision:
    return get_object_or_404(
        ExecutiveDecision.objects.select_related(
            "participant__organisation", "participant__proposal"
        ),
        pk=decision_pk,
        participant__proposal_id=pk,
    )


def step_page(request, *, proposal: Proposal, form, title: str, button: str = "") -> HttpResponse:
    return render(
        request,
        "decisions/step_form.html",
        {
            "form": form,
            "title": title,
            "button": button or _("Opslaan"),
            "proposal": proposal,
            "back": proposal.get_absolute_url(),
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")),
                (proposal.title, proposal.get_absolute_url()),
                (title, None),
            ),
        },
    )
