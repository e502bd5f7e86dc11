"""The kinds of job apps register: what the work is and who may see it.

An app registers in its `AppConfig.ready()`:

    register(JobKind("collegevoorstellen", _("Collegevoorstellen"), run=…, may_view=…))

`run(job)` does the work and returns a `JobOutput` (a file to offer, a text, a link); it
raises `JobRefused("…")` (or a ValidationError) with a Dutch reason the user may read.
It must be safe to run again for the same job (a worker that died is picked up again):
files are written by this app, once per job; mail is sent only by a job not yet done.
`may_view(user, job)` says who besides the requester may see the job and its file; it
asks the permission predicate of the page the work came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samenspel.jobs.models import Job


class JobRefused(Exception):
    """The work cannot be done, for a reason the user may read (in Dutch)."""


@dataclass(frozen=True)
class JobOutput:
    file_name: str = ""
    content: bytes | None = None
    # A file already kept elsewhere in the same storage (a stored report): offered as is.
    stored_name: str = ""
    text: str = ""
    url: str = ""


@dataclass(frozen=True)
class JobKind:
    name: str
    label: Any
    run: Callable[[Job], JobOutput]
    may_view: Callable[[Any, Job], bool]


KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> None:
    KINDS[kind.name] = kind


def kind_of(job: Job) -> JobKind | None:
    return KINDS.get(job.kind)
