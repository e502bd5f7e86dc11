"""The one task the queue knows: run a job. What a job does is its kind's (registry)."""

from django_tasks import TaskContext, task

from samenspel.jobs import services


@task(takes_context=True)
def run_job(context: TaskContext, job_id: int) -> str:
    # The task's own id lets a job ignore a stale task (one replaced by a requeue).
    return services.job_run(job_id, task_result_id=str(context.task_result.id))
