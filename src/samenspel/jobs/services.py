"""Starting, running, retrying and requeueing jobs.

Idempotent by construction: a job runs only from "wacht" and only for the queue task it
currently points at, so a task run twice (or an old task after a requeue) does nothing
the second time; its file is written under the job's own name, replacing a half-written
one. Mail a job sends goes out at most once per finished job; a worker killed between
sending and marking the job done would send it again on requeue (at least once).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.jobs.models import Job, JobStatus, job_path
from samenspel.jobs.registry import KINDS, JobOutput, JobRefused, kind_of

logger = logging.getLogger(__name__)

OPEN = (JobStatus.WAITING, JobStatus.RUNNING)


def _enqueue(job: Job) -> None:
    from samenspel.jobs.tasks import run_job

    # The queue row is written in the same transaction as the job (same database).
    job.task_result_id = str(run_job.enqueue(job.pk).id)


@transaction.atomic
def job_start(
    *, association: Any, user: Any, kind: str, title: str, params: dict | None = None
) -> Job:
    """Record the request and queue it; the worker picks it up within a second or two.
    The same request while one like it is still open gives that job (a second click
    makes no second file and sends no second mail)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown job kind {kind!r}")
    same = Job.objects.filter(
        association=association, kind=kind, status__in=OPEN, params=params or {}
    ).first()
    if same is not None:
        return same
    job = Job.objects.create(
        association=association,
        requested_by=user,
        kind=kind,
        title=title,
        params=params or {},
        language=translation.get_language() or "",
    )
    _enqueue(job)
    job.save(update_fields=["task_result_id"])
    return job


def _claim(job_id: int, task_result_id: str | None) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != JobStatus.WAITING:
            return None  # done, failed, or being run: never twice
        if task_result_id is not None and job.task_result_id != task_result_id:
            return None  # a stale task: the job was queued again since
        job.status = JobStatus.RUNNING
        job.started_at = timezone.now()
        job.attempts += 1
        job.save(update_fields=["status", "started_at", "attempts"])
    return job


def job_run(job_id: int, *, task_result_id: str | None = None) -> str:
    """Do the job's work (called by the worker through tasks.run_job); returns its status."""
    job = _claim(job_id, task_result_id)
    if job is None:
        return "overgeslagen"
    with translation.override(job.language or settings.LANGUAGE_CODE):
        return _run(job)


def _run(job: Job) -> str:
    kind = kind_of(job)
    try:
        if kind is None:
            raise JobRefused(_("Deze soort taak bestaat niet meer."))
        output = kind.run(job)
    except JobRefused as refused:
        return _fail(job, str(refused))
    except ValidationError as invalid:
        return _fail(job, " ".join(invalid.messages))
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        return _fail(
            job,
            _(
                "Er ging iets mis bij het uitvoeren van deze taak. Probeer het opnieuw; "
                "lukt het dan nog niet, meld het aan het bureau."
            ),
        )
    _finish(job, output)
    return job.status


def _finish(job: Job, output: JobOutput) -> None:
    if output.content is not None:
        name = job_path(job, output.file_name)
        storage = job.file.storage
        if storage.exists(name):
            storage.delete(name)  # a run that died halfway: one file per job, never two
        job.file.save(output.file_name, ContentFile(output.content), save=False)
    elif output.stored_name:
        job.file.name = output.stored_name
    job.file_name = output.file_name
    job.result_text = output.text[:300]
    job.result_url = output.url
    job.status = JobStatus.DONE
    job.error = ""
    job.finished_at = timezone.now()
    job.save()


def _fail(job: Job, message: str) -> str:
    job.status = JobStatus.FAILED
    job.error = message
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    return job.status


@transaction.atomic
def job_retry(job: Job) -> Job:
    """Queue a failed job again ("Opnieuw proberen"); a job not failed is left alone."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.status != JobStatus.FAILED:
        return job
    job.status = JobStatus.WAITING
    job.error = ""
    job.started_at = job.finished_at = None
    _enqueue(job)
    job.save()
    return job


@transaction.atomic
def orphans_requeue() -> int:
    """Queue again the open jobs whose queue task will never run: the one a worker was
    running when it died (the queue says RUNNING for ever), or a task that is gone. Run
    when a worker starts (`samenspel worker`), so with one worker process nothing it
    could still be running is taken from it."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    jobs = list(Job.objects.select_for_update().filter(status__in=OPEN))
    ready = {
        str(pk)
        for pk in DBTaskResult.objects.filter(
            id__in=[j.task_result_id for j in jobs if j.task_result_id],
            status=TaskResultStatus.READY,
        ).values_list("id", flat=True)
    }
    orphans = [job for job in jobs if job.task_result_id not in ready]
    DBTaskResult.objects.filter(
        id__in=[j.task_result_id for j in orphans if j.task_result_id],
        status=TaskResultStatus.RUNNING,
    ).update(status=TaskResultStatus.FAILED, finished_at=timezone.now())
    for job in orphans:
        job.status = JobStatus.WAITING
        job.started_at = None
        _enqueue(job)
        job.save(update_fields=["status", "started_at", "task_result_id"])
    return len(orphans)
