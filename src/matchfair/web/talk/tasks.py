"""The digest task: mail each person the messages they have not read, at most once an interval."""

from django_tasks import task

from matchfair.web.talk.domain.digests import send_digests


@task()
def send_message_digests_task() -> int:
    """Queue the digests that are due (the number queued)."""
    return send_digests()
