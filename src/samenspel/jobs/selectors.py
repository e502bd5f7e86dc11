"""What the job pages read."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.jobs.models import Job, JobStatus

RECENT = 20


def recent_jobs(user: Any, *, association: Any) -> list[Job]:
    """The user's own latest jobs in this association."""
    return list(Job.objects.filter(association=association, requested_by=user)[:RECENT])


def progress_text(job: Job) -> str:
    """One sentence on where the job stands."""
    if job.status == JobStatus.WAITING:
        ahead = Job.objects.filter(
            status__in=(JobStatus.WAITING, JobStatus.RUNNING), pk__lt=job.pk
        ).count()
        if ahead:
            return _("In de wachtrij: er gaan nog %(count)s taken voor.") % {"count": ahead}
        return _("In de wachtrij: de taak begint zo.")
    if job.status == JobStatus.RUNNING:
        started = timezone.localtime(job.started_at or job.created_at)
        return _("Bezig sinds %(time)s.") % {"time": started.strftime("%H:%M:%S")}
    if job.status == JobStatus.DONE:
        return job.result_text or _("Klaar.")
    return _("Mislukt.")
