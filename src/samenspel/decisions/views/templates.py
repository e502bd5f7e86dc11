"""The Word templates the college proposals are made from."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_manage_templates, is_signed_in, require
from samenspel.core.pages import form_page
from samenspel.decisions import document_templates, documents
from samenspel.decisions.forms import TemplateForm
from samenspel.decisions.models import DocumentTemplate
from samenspel.web.navigation import breadcrumbs


@require(can_manage_templates)
def templates(request: HttpRequest) -> HttpResponse:
    """The Word templates: the default, and the ones the association's bureau uploaded."""
    association = request.association
    return form_page(
        request,
        TemplateForm(request.POST or None, request.FILES or None, association=association),
        save=lambda data: document_templates.document_template_add(
            association=association, user=request.user, **data
        ),
        success=_("Het sjabloon is opgeslagen."),
        next_url=reverse("decisions:templates"),
        title=_("Sjablonen voor collegevoorstellen"),
        back=reverse("decisions:list"),
        template="decisions/templates.html",
        context={
            "templates": DocumentTemplate.objects.filter(association=association).select_related(
                "organisation", "uploaded_by"
            ),
            "placeholders": sorted(documents.PLACEHOLDERS),
            "breadcrumbs": breadcrumbs(
                (_("Voorstellen"), reverse("decisions:list")), (_("Sjablonen"), None)
            ),
        },
    )


@require(can_manage_templates)
def template_delete(request: HttpRequest, template_pk: int) -> HttpResponse:
    template = get_object_or_404(DocumentTemplate, pk=template_pk, association=request.association)
    if request.method == "POST":
        document_templates.document_template_delete(template=template, user=request.user)
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
