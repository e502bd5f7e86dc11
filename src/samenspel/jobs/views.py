"""The job pages: `/taken/` (the user's recent jobs) and `/taken/<id>/` (state, file, error).

The page polls its status fragment every 2 s with htmx while the job is open; without
JavaScript the "Vernieuwen" link (or a reload) shows the same.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import is_signed_in, require
from samenspel.jobs.models import Job, JobStatus
from samenspel.jobs.permissions import can_view_job
from samenspel.jobs.selectors import progress_text, recent_jobs
from samenspel.jobs.services import job_retry
from samenspel.web.navigation import breadcrumbs


def job_of(request: HttpRequest, pk: int, **kwargs: Any) -> Job:
    """The job of the request's association (another association's: 404)."""
    return get_object_or_404(
        Job.objects.filter(association=request.association).select_related("requested_by"),
        pk=pk,
    )


@require(is_signed_in)
def job_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "jobs/list.html",
        {
            "jobs": recent_jobs(request.user, association=request.association),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Taken"), None)),
        },
    )


@require(can_view_job, obj=job_of)
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = job_of(request, pk)
    if request.htmx and request.GET.get("stand") == job.status:
        # Unchanged since the page's last look: nothing to swap, so a screen reader is
        # not told the same state again every 2 s.
        return HttpResponse(status=204)
    context = {"job": job, "progress": progress_text(job)}
    if request.htmx:
        return render(request, "jobs/includes/status.html", context)
    context["breadcrumbs"] = breadcrumbs(
        (_("Overzicht"), "/"), (_("Taken"), "/taken/"), (job.title, None)
    )
    return render(request, "jobs/detail.html", context)


@require(can_view_job, obj=job_of)
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = job_of(request, pk)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404(_("Dit bestand is er (nog) niet."))
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file_name)


@require_POST
@require(can_view_job, obj=job_of)
def job_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    job_retry(job_of(request, pk))
    return redirect("jobs:detail", pk=pk)
