"""The worker: django-tasks-db's own (`db_worker`), with the orphans requeued first.

`run_queued` is its batch mode without the hand-made `BEGIN EXCLUSIVE` the library uses on
SQLite when the connection's mode is not EXCLUSIVE: that statement fails inside a
transaction (a test's), whereas `transaction.atomic` nests. The task itself is run by the
library's `Worker.run_task`, the same code as in production.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks.utils import get_random_id
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from samenspel.jobs.services import orphans_requeue


def worker_for(*, interval: float = 1, batch: bool = False, worker_id: str = "") -> Worker:
    return Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id or get_random_id(),
    )


def run_queued() -> int:
    """Run every task waiting in the queue, then return how many ran."""
    worker = worker_for(batch=True)
    count = 0
    while True:
        with transaction.atomic():
            db_result = (
                DBTaskResult.objects.ready()
                .filter(backend_name=DEFAULT_TASK_BACKEND_ALIAS)
                .get_locked()
            )
            if db_result is None:
                return count
            db_result.claim(worker.worker_id)
        worker.run_task(db_result)
        count += 1


def run_forever(worker: Worker) -> None:
    """Requeue what a previous worker left half done, then wait for tasks until stopped."""
    orphans_requeue()
    worker.run()
