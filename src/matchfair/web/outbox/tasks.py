"""The outbox's task: deliver every due mail, then come back for the next retry."""

from django_tasks import task

from matchfair.web.outbox.domain.delivery import deliver_due, next_retry
from matchfair.web.outbox.wake import wake_at


@task()
def deliver_outbox_task() -> int:
    """Send what is due (the number sent) and ask to run again when a retry falls due."""
    report = deliver_due()
    retry = next_retry()
    if retry is not None:
        wake_at(retry)
    return report.sent
