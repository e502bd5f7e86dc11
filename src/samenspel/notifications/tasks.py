"""The queue's task for notifications: one attempt to deliver one message."""

from django_tasks import TaskContext, task

from samenspel.notifications import services


@task(takes_context=True)
def deliver(context: TaskContext, delivery_id: int) -> str:
    # The task's own id lets a delivery ignore a stale task (one replaced by a retry).
    return services.delivery_send(delivery_id, task_result_id=str(context.task_result.id))
