"""Who may see a job: the one who asked, and whoever may see what it is about (the
predicate of the page the work came from, which the job's kind names)."""

from __future__ import annotations

from typing import Any

from samenspel.accounts.permissions import is_signed_in
from samenspel.jobs.models import Job
from samenspel.jobs.registry import kind_of


def can_view_job(user: Any, job: Job) -> bool:
    if not is_signed_in(user):
        return False
    if job.requested_by_id == user.pk:
        return True
    kind = kind_of(job)
    return bool(kind and kind.may_view(user, job))
