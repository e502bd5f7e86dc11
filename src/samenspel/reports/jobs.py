"""Background jobs of reports: making a report as PDF or DOCX and storing it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.jobs.models import Job
from samenspel.jobs.registry import JobKind, JobOutput, JobRefused, register
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.reports.models import GeneratedReport
from samenspel.reports.registry import REPORT_TYPES
from samenspel.reports.services import StoredReportsFull, report_generate
from samenspel.reports.types.common import ReportUnavailable

REPORT = "rapportage"


def report_params(
    *, kind: str, as_of: dt.date, fmt: str, portfolio: Any, organisation: Any
) -> dict[str, Any]:
    return {
        "report": kind,
        "as_of": as_of.isoformat(),
        "format": fmt,
        "portfolio": portfolio.pk if portfolio else None,
        "organisation": organisation.pk if organisation else None,
    }


def _scope(job: Job) -> dict[str, Any]:
    params = job.params
    return {
        "portfolio": Portfolio.objects.filter(
            association=job.association, pk=params.get("portfolio")
        ).first()
        if params.get("portfolio")
        else None,
        "organisation": Organisation.objects.filter(pk=params.get("organisation")).first()
        if params.get("organisation")
        else None,
    }


def report_run(job: Job) -> JobOutput:
    if job.requested_by is None or job.params.get("report") not in REPORT_TYPES:
        raise JobRefused(_("Deze rapportage kan niet meer worden gemaakt."))
    scope = _scope(job)
    stored = _stored_by(job, scope) or _generate(job, scope)
    # The stored report keeps the file; the job offers that same file, no copy.
    return JobOutput(
        file_name=stored.file.name.rsplit("/", 1)[-1],
        stored_name=stored.file.name,
        text=_("De rapportage is gemaakt en bewaard bij de rapportages."),
        url=stored.get_absolute_url(),
    )


def _stored_by(job: Job, scope: dict[str, Any]) -> GeneratedReport | None:
    """The report this job stored already, when a worker died before it could say so:
    the same report by the same user since the job was asked for (a second request for
    it while this one was open got this job, jobs.services.job_start)."""
    return (
        GeneratedReport.objects.filter(
            association=job.association,
            created_by=job.requested_by,
            kind=job.params["report"],
            as_of=job.params["as_of"],
            format=job.params["format"],
            created_at__gte=job.created_at,
            **scope,
        )
        .order_by("created_at", "pk")
        .first()
    )


def _generate(job: Job, scope: dict[str, Any]) -> GeneratedReport:
    try:
        # Checks again who may store it and the room left (MAX_STORED_REPORTS_PER_USER).
        return report_generate(
            association=job.association,
            kind=job.params["report"],
            as_of=dt.date.fromisoformat(job.params["as_of"]),
            fmt=job.params["format"],
            user=job.requested_by,
            **scope,
        )
    except (ReportUnavailable, StoredReportsFull) as exc:
        raise JobRefused(str(exc)) from exc
    except PermissionDenied as exc:
        raise JobRefused(_("Je mag deze rapportage niet maken.")) from exc


def may_view_report(user: Any, job: Job) -> bool:
    report_type = REPORT_TYPES.get(job.params.get("report", ""))
    return bool(report_type) and report_type.may_view(
        user, organisation=_scope(job)["organisation"]
    )


def register_jobs() -> None:
    register(JobKind(REPORT, gettext_lazy("Rapportage"), run=report_run, may_view=may_view_report))
