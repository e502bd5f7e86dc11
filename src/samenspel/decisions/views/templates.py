"""The Word templates the college proposals are made from."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_manage_templates, is_signed_in, require
from samenspel.decisions import documents
from samenspel.decisions.forms import TemplateForm
from samenspel.decisions.models import DocumentTemplate
from samenspel.web.navigation import breadcrumbs
from samenspel.web.uploads import document_check


@require(can_manage_templates)
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


@require(can_manage_templates)
def template_delete(request: HttpRequest, template_pk: int) -> HttpResponse:
    template = get_object_or_404(DocumentTemplate, pk=template_pk)
    if request.method == "POST":
        template._history_user = request.user
        template.delete()
        messages.success(request, _("Het sjabloon '%(name)s' is verwijderd.") % {"name": template})
        return redirect("decisions:templates")
    return render(request, "decisions/template_delete.html", {"template": template})


@require(is_signed_in)
def default_template(request: HttpRequest) -> FileResponse:
    """The shipped template, so a bureau can start its house style from it."""
    return FileResponse(
        open(documents.DEFAULT_TEMPLATE, "rb"),  # FileResponse closes it
        as_attachment=True,
        filename="collegevoorstel.docx",
    )
