"""Pages of the reports: the list, a report as a page, making and downloading files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import can_view_reports, require
from samenspel.jobs.services import job_start
from samenspel.reports.forms import GenerateForm, ReportForm
from samenspel.reports.jobs import REPORT, report_params
from samenspel.reports.models import GeneratedReport
from samenspel.reports.registry import REPORT_TYPES, ReportType, report_build
from samenspel.reports.render import report_context
from samenspel.reports.selectors import visible_reports
from samenspel.reports.services import (
    StoredReportsFull,
    generate_refusal_check,
    report_regenerate,
)
from samenspel.reports.types.common import ReportUnavailable
from samenspel.web.navigation import breadcrumbs
from samenspel.web.sorting import SortColumn, Sorting

PAGE_SIZE = 25
SORT_COLUMNS = {
    "rapportage": SortColumn(gettext_lazy("Rapportage"), ("title",)),
    "stand": SortColumn(gettext_lazy("Stand per"), ("as_of",)),
    "formaat": SortColumn(gettext_lazy("Formaat"), ("format",)),
    "door": SortColumn(
        gettext_lazy("Gemaakt door"),
        ("created_by__first_name", "created_by__last_name", "created_by__username"),
    ),
    "op": SortColumn(gettext_lazy("Gemaakt op"), ("created_at",)),
}


def _type_or_404(kind: str) -> ReportType:
    if kind not in REPORT_TYPES:
        raise Http404(_("Onbekende soort rapportage."))
    return REPORT_TYPES[kind]


@require(can_view_reports)
def report_list(request: HttpRequest) -> HttpResponse:
    types = [
        (
            t,
            ReportForm(
                association=request.association,
                scope=t.scope,
                user=request.user,
                auto_id=f"{t.slug}-%s",
            ),
        )
        for t in REPORT_TYPES.values()
    ]
    sorting = Sorting.from_request(request, SORT_COLUMNS)
    reports = sorting.apply(visible_reports(request.user, association=request.association))
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "reports/list.html",
        {
            "types": types,
            "page": page,
            "sorting": sorting,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Rapportages"), None)),
        },
    )


def _checked(request: HttpRequest, report_type: ReportType, form: ReportForm) -> dict:
    """The form's scope, after checking the user may see this report (403 otherwise)."""
    scope = {
        "portfolio": form.cleaned_data.get("portefeuille"),
        "organisation": form.cleaned_data.get("organisatie"),
    }
    if not report_type.may_view(request.user, organisation=scope["organisation"]):
        raise PermissionDenied
    return scope


@require(can_view_reports)
def report_page(request: HttpRequest, kind: str) -> HttpResponse:
    report_type = _type_or_404(kind)
    form = ReportForm(
        request.GET or None,
        association=request.association,
        scope=report_type.scope,
        user=request.user,
    )
    context = {
        "report_type": report_type,
        "form": form,
        "generate_form": GenerateForm(
            association=request.association, scope=report_type.scope, auto_id="make-%s"
        ),
        "breadcrumbs": breadcrumbs(
            (_("Overzicht"), "/"),
            (_("Rapportages"), "/rapportages/"),
            (report_type.label, None),
        ),
    }
    if form.is_bound and form.is_valid():
        scope = _checked(request, report_type, form)
        try:
            report = report_build(
                association=request.association,
                kind=kind,
                as_of=form.cleaned_data["peildatum"],
                **scope,
            )
        except ReportUnavailable as exc:
            context["unavailable"] = str(exc)
        else:
            context.update(report_context(report))
            context["may_store"] = report_type.may_store(request.user, **scope)
    return render(request, "reports/report.html", context)


@require_POST
@require(can_view_reports)
def report_make(request: HttpRequest, kind: str) -> HttpResponse:
    report_type = _type_or_404(kind)
    form = GenerateForm(request.POST, association=request.association, scope=report_type.scope)
    if not form.is_valid():
        messages.error(request, _("Kies een geldige peildatum en wat de rapportage betreft."))
        return redirect("reports:page", kind=kind)
    scope = _checked(request, report_type, form)
    try:
        # Refused now (403, or the limit's message), not later in the job.
        generate_refusal_check(request.user, association=request.association, kind=kind, **scope)
    except StoredReportsFull as exc:
        messages.error(request, str(exc))
        return redirect("reports:page", kind=kind)
    # Rendering takes seconds: a background job (reports/jobs.py) stores the report; the
    # user goes to the job's page, which offers the file when it is ready.
    as_of = form.cleaned_data["peildatum"]
    job = job_start(
        association=request.association,
        user=request.user,
        kind=REPORT,
        title=_("%(report)s per %(date)s (%(format)s)")
        % {
            "report": report_type.label,
            "date": date_format(as_of, "j F Y"),
            "format": form.cleaned_data["formaat"].upper(),
        },
        params=report_params(kind=kind, as_of=as_of, fmt=form.cleaned_data["formaat"], **scope),
    )
    return redirect(job)


def _stored(request: HttpRequest, pk: int) -> GeneratedReport:
    return get_object_or_404(visible_reports(request.user, association=request.association), pk=pk)


@require(can_view_reports)
def stored_detail(request: HttpRequest, pk: int) -> HttpResponse:
    stored = _stored(request, pk)
    check = None
    if request.GET.get("controle"):
        figures, same = report_regenerate(association=request.association, stored=stored)
        check = {"same": same, "figures": figures}
    return render(
        request,
        "reports/stored.html",
        {
            "stored": stored,
            "check": check,
            "breadcrumbs": breadcrumbs(
                (_("Overzicht"), "/"), (_("Rapportages"), "/rapportages/"), (stored.title, None)
            ),
        },
    )


@require(can_view_reports)
def stored_download(request: HttpRequest, pk: int) -> FileResponse:
    stored = _stored(request, pk)
    name = stored.file.name.rsplit("/", 1)[-1]
    return FileResponse(stored.file.open("rb"), as_attachment=True, filename=name)
