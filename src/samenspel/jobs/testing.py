"""For tests of pages that start jobs: run the queue as the worker does."""

from samenspel.jobs.models import Job
from samenspel.jobs.worker import run_queued


def run_jobs() -> int:
    """Run every queued task with the worker's code (`samenspel worker --batch`)."""
    return run_queued()


def job_from(response) -> Job:
    """The job a page redirected to (`/taken/<id>/`)."""
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    assert location.startswith("/taken/"), location
    return Job.objects.get(pk=int(location.strip("/").split("/")[-1]))
