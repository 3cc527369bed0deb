"""``python -m matchfair.web.manage due_reminders``: one run of the reminders task, for cron."""

from typing import Any

from django.core.management.base import BaseCommand

from matchfair.web.notify.domain.reminders import queue_due_reminders


class Command(BaseCommand):
    help = "Queue every scheduled reminder that is due and was not queued yet."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{queue_due_reminders()} reminder e-mails queued")
