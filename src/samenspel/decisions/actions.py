"""The steps of a proposal's process, its documents and the Word templates."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import (
    can_confirm_coalition,
    can_manage_proposal,
    can_record_decision,
    can_view_decision_document,
    is_bureau,
    require,
)
from samenspel.decisions import documents, services
from samenspel.decisions.forms import (
    CoalitionForm,
    DecisionForm,
    ParticipantForm,
    ParticipantPlanForm,
    PhoDecisionForm,
    SendForm,
    TemplateForm,
    WithdrawForm,
)
from samenspel.decisions.models import DocumentTemplate, ExecutiveDecision, Participant, Proposal
from samenspel.web.navigation import breadcrumbs, safe_back
from samenspel.web.uploads import document_check


def _proposal(request, pk: int, **kwargs) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("portfolio"), pk=pk)


def _form_page(request, *, proposal: Proposal, form, title: str, button: str = "") -> HttpResponse:
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


@require(lambda user: can_confirm_coalition(user))
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


def _participant(request, pk: int, participant_pk: int) -> Participant:
    return get_object_or_404(
        Participant.objects.select_related("organisation", "proposal__portfolio"),
        pk=participant_pk,
        proposal_id=pk,
    )


@login_required
def decision_record(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """Record an executive's decision: only that organisation's account holder or the bureau."""
    participant = _participant(request, pk, participant_pk)
    if not can_record_decision(request.user, participant.organisation):
        raise PermissionDenied
    proposal = participant.proposal
    form = DecisionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.executive_decision_record(
                participant=participant, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Het besluit van %(org)s is vastgelegd.") % {"org": participant.organisation},
            )
            return redirect(
                safe_back(request, request.POST.get("next"), proposal.get_absolute_url())
            )
    title = _("Besluit van %(org)s vastleggen") % {"org": participant.organisation}
    return _form_page(request, proposal=proposal, form=form, title=title)


@require(can_manage_proposal, obj=_proposal)
def participant_edit(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    participant = _participant(request, pk, participant_pk)
    editable = participant.proposal.stage in services.EDITABLE_STAGES
    form_class = ParticipantForm if editable else ParticipantPlanForm
    form = form_class(request.POST or None, instance=Participant.objects.get(pk=participant.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_update(
                participant=participant, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De gegevens van de deelnemer zijn opgeslagen."))
            return redirect(participant.proposal)
    title = _("Deelnemer %(org)s") % {"org": participant.organisation}
    return _form_page(request, proposal=participant.proposal, form=form, title=title)


def _decision(request, pk: int, decision_pk: int) -> ExecutiveDecision:
    return get_object_or_404(
        ExecutiveDecision.objects.select_related(
            "participant__organisation", "participant__proposal"
        ),
        pk=decision_pk,
        participant__proposal_id=pk,
    )


@require(can_view_decision_document, obj=_decision)
def decision_document(request: HttpRequest, pk: int, decision_pk: int) -> FileResponse:
    decision = _decision(request, pk, decision_pk)
    if not decision.document:
        raise Http404
    name = decision.document.name.rsplit("/", 1)[-1]
    return FileResponse(decision.document.open("rb"), as_attachment=True, filename=name)


@login_required
def participant_document(request: HttpRequest, pk: int, participant_pk: int, fmt: str):
    if fmt not in {"docx", "pdf"}:
        raise Http404
    participant = _participant(request, pk, participant_pk)
    try:
        content = documents.participant_document(participant.proposal, participant, fmt)
    except ValidationError as error:
        return _refused(request, participant.proposal, error)
    return _download(content, documents.filename_for(participant.proposal, participant, fmt))


@login_required
def documents_zip(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    fmt = "pdf" if request.GET.get("formaat") == "pdf" else "docx"
    try:
        content = documents.documents_zip(proposal, fmt)
    except ValidationError as error:
        return _refused(request, proposal, error)
    return _download(content, f"collegevoorstellen-{pk}-{fmt}.zip")


def _refused(request: HttpRequest, proposal: Proposal, error: ValidationError) -> HttpResponse:
    messages.error(request, " ".join(error.messages))
    return redirect(proposal)


def _download(content: bytes, filename: str) -> HttpResponse:
    kind = documents.DOCX_TYPE if filename.endswith(".docx") else mimetypes.guess_type(filename)[0]
    response = HttpResponse(content, content_type=kind or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require(lambda user: is_bureau(user))
def templates(request: HttpRequest) -> HttpResponse:
    """The Word templates: the default, and the ones the bureau uploaded."""
    form = TemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document_check(upload, allowed={".docx": b"PK\x03\x04"})
            documents.template_check(upload)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            template = DocumentTemplate(
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
                file=upload,
                uploaded_by=request.user,
            )
            template._history_user = request.user
            template.save()
            messages.success(request, _("Het sjabloon is opgeslagen."))
            return redirect("decisions:templates")
    return render(
        request,
        "decisions/templates.html",
        {
            "form": form,
            "templates": DocumentTemplate.objects.select_related("organisation", "uploaded_by"),
            "placeholders": sorted(documents.PLACEHOLDERS),
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (_("Sjablonen"), None)
            ),
        },
    )


@require(lambda user: is_bureau(user))
def template_delete(request: HttpRequest, template_pk: int) -> HttpResponse:
    template = get_object_or_404(DocumentTemplate, pk=template_pk)
    if request.method == "POST":
        template._history_user = request.user
        template.delete()
        messages.success(request, _("Het sjabloon '%(name)s' is verwijderd.") % {"name": template})
        return redirect("decisions:templates")
    return render(request, "decisions/template_delete.html", {"template": template})


@login_required
def default_template(request: HttpRequest) -> FileResponse:
    """The shipped template, so a bureau can start its house style from it."""
    return FileResponse(
        open(documents.DEFAULT_TEMPLATE, "rb"),  # FileResponse closes it
        as_attachment=True,
        filename="collegevoorstel.docx",
    )
