"""``python -m matchfair.web.manage delete_expired_uploads``: clear unfinished imports.

Each new upload already deletes the expired ones; an operator whose server sees few
uploads may run this daily (cron, systemd timer) so that no participant list waits
in the database for longer than a day.
"""

from django.core.management.base import BaseCommand

from matchfair.web.directory.spreadsheets.uploads import delete_expired_uploads


class Command(BaseCommand):
    help = "Delete uploaded spreadsheets that have waited more than a day for their mapping."

    def handle(self, **options: object) -> None:
        deleted = delete_expired_uploads()
        self.stdout.write(f"deleted {deleted} expired upload(s)")
