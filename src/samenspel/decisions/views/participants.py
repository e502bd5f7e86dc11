"""A participant's figures, an executive's decision and the college proposals' documents."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.corrections import can_correct_decision
from samenspel.accounts.permissions import (
    can_manage_proposal,
    can_record_decision,
    can_view_decision_document,
    is_signed_in,
    require,
)
from samenspel.core.pages import form_page
from samenspel.decisions import documents, services
from samenspel.decisions.corrections import decision_version, executive_decision_correct
from samenspel.decisions.costs import proposal_costs
from samenspel.decisions.forms import (
    DecisionCorrectForm,
    DecisionForm,
    ParticipantForm,
    ParticipantPlanForm,
)
from samenspel.decisions.jobs import DOCUMENTS_ZIP, documents_zip_title
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.decisions.views.common import decision_of, participant_of, proposal_of, step_page
from samenspel.jobs.services import job_start
from samenspel.organisations.models import Organisation
from samenspel.web.navigation import breadcrumbs, safe_back


def _organisation_of_participant(request: HttpRequest, **kwargs: Any) -> Organisation:
    return participant_of(request, **kwargs).organisation


def _decision_page(
    request: HttpRequest,
    participant: Participant,
    form: DecisionForm,
    *,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    title: str,
    decision: ExecutiveDecision | None = None,
) -> HttpResponse:
    """The decision form beside what the executive decided on: the decision points, the
    deadline, and the organisation's share of the money and hours."""
    proposal = participant.proposal
    back = proposal.get_absolute_url()
    costs = proposal_costs(proposal)
    share = costs.row_for(participant.organisation)
    return form_page(
        request,
        form,
        save=save,
        success=success,
        next_url=safe_back(request, request.POST.get("next"), back),
        title=title,
        back=back,
        template="decisions/decision_form.html",
        context={
            "proposal": proposal,
            "participant": participant,
            "decision": decision,
            "costs": costs,
            "share": share,
            "share_per_year": list(zip(costs.years, share.share_cells, strict=True))
            if share
            else [],
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (proposal.title, back), (title, None)
            ),
        },
    )


@require(can_record_decision, obj=_organisation_of_participant)
def decision_record(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """Record an executive's decision: only that organisation's account holder or the bureau."""
    participant = participant_of(request, pk, participant_pk)
    organisation = {"org": participant.organisation}
    return _decision_page(
        request,
        participant,
        DecisionForm(request.POST or None, request.FILES or None),
        save=lambda data: services.executive_decision_record(
            participant=participant, user=request.user, **data
        ),
        success=_("Het besluit van %(org)s is vastgelegd.") % organisation,
        title=_("Besluit van %(org)s vastleggen") % organisation,
    )


@require(can_correct_decision, obj=decision_of)
def decision_correct(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    """Correct a recorded decision, with a reason (`decisions.corrections`)."""
    decision = decision_of(request, pk, decision_pk)
    participant = decision.participant
    initial = {
        "decided_on": decision.decided_on,
        "outcome": decision.outcome,
        "reference": decision.reference,
        "remark": decision.remark,
        "version": decision_version(decision),
    }
    organisation = {"org": participant.organisation}
    return _decision_page(
        request,
        participant,
        DecisionCorrectForm(request.POST or None, request.FILES or None, initial=initial),
        save=lambda data: executive_decision_correct(
            decision=decision, user=request.user, expected_version=data.pop("version"), **data
        ),
        success=_("Het besluit van %(org)s is gecorrigeerd.") % organisation,
        title=_("Besluit van %(org)s corrigeren") % organisation,
        decision=decision,
    )


@require(can_manage_proposal, obj=proposal_of)
def participant_edit(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """Hours, fixed amount and planned college date; after sending only the date."""
    participant = participant_of(request, pk, participant_pk)
    editable = participant.proposal.stage in services.EDITABLE_STAGES
    form_class = ParticipantForm if editable else ParticipantPlanForm
    # A fresh instance: validating a model form writes the input onto its instance.
    form = form_class(request.POST or None, instance=Participant.objects.get(pk=participant.pk))
    return step_page(
        request,
        form,
        proposal=participant.proposal,
        save=lambda data: services.participant_update(
            participant=participant,
            expected_version=data.pop("version"),
            user=request.user,
            **data,
        ),
        success=_("De gegevens van de deelnemer zijn opgeslagen."),
        title=_("Deelnemer %(org)s") % {"org": participant.organisation},
    )


@require(can_view_decision_document, obj=decision_of)
def decision_document(request: HttpRequest, pk: int, decision_pk: int) -> FileResponse:
    decision = decision_of(request, pk, decision_pk)
    if not decision.document:
        raise Http404
    name = decision.document.name.rsplit("/", 1)[-1]
    return FileResponse(decision.document.open("rb"), as_attachment=True, filename=name)


@require(is_signed_in)
def participant_document(
    request: HttpRequest, pk: int, participant_pk: int, fmt: str
) -> HttpResponse:
    if fmt not in {"docx", "pdf"}:
        raise Http404
    participant = participant_of(request, pk, participant_pk)
    try:
        content = documents.participant_document(participant.proposal, participant, fmt)
    except ValidationError as error:
        return _refused(request, participant.proposal, error)
    return _download(content, documents.filename_for(participant.proposal, participant, fmt))


@require_POST
@require(is_signed_in)
def documents_zip(request: HttpRequest, pk: int) -> HttpResponse:
    """All college proposals in one ZIP: seconds of work, so a background job; the user
    goes to the job's page, which offers the file when it is ready."""
    proposal = proposal_of(request, pk)
    fmt = "pdf" if request.POST.get("formaat") == "pdf" else "docx"
    try:
        documents.costs_for_documents(proposal)  # refused now rather than in the job
    except ValidationError as error:
        return _refused(request, proposal, error)
    job = job_start(
        association=request.association,
        user=request.user,
        kind=DOCUMENTS_ZIP,
        title=documents_zip_title(proposal, fmt),
        params={"proposal": proposal.pk, "format": fmt},
    )
    return redirect(job)


def _refused(request: HttpRequest, proposal: Proposal, error: ValidationError) -> HttpResponse:
    messages.error(request, " ".join(error.messages))
    return redirect(proposal)


def _download(content: bytes, filename: str) -> HttpResponse:
    kind = documents.DOCX_TYPE if filename.endswith(".docx") else mimetypes.guess_type(filename)[0]
    response = HttpResponse(content, content_type=kind or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
