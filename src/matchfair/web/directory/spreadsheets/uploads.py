"""Keeping a read spreadsheet between its upload and its column mapping, for a day at most.

The rows wait in the database (any web process may answer the mapping step) as the
reader returns them: a row ends at its last non-empty cell, so what is stored grows
with what the file holds, never with its width times its length. An upload is
deleted when it is imported; one left unfinished is deleted a day after it came,
when the next upload arrives or ``manage delete_expired_uploads`` runs, and is no
longer offered for mapping meanwhile.
"""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import timezone

from matchfair.web.directory.models import SpreadsheetUpload
from matchfair.web.directory.spreadsheets.reading import Table
from matchfair.web.events.models import Event

KEPT_FOR = timedelta(days=1)


def live_uploads() -> QuerySet[SpreadsheetUpload]:
    """Uploads younger than a day: the only ones a mapping step may use."""
    return SpreadsheetUpload.objects.filter(created_at__gt=timezone.now() - KEPT_FOR)


def delete_expired_uploads() -> int:
    """Delete every upload older than a day, whoever made it; returns how many."""
    expired = SpreadsheetUpload.objects.filter(created_at__lte=timezone.now() - KEPT_FOR)
    return expired.delete()[0]


def keep_upload(
    event: Event, user: AbstractBaseUser, filename: str, table: Table
) -> SpreadsheetUpload:
    """Store a read table for its mapping step, and clear away expired ones."""
    delete_expired_uploads()
    return SpreadsheetUpload.objects.create(
        event=event,
        uploaded_by=user,
        filename=filename,
        headers=table.headers,
        rows=[[number, cells] for number, cells in table.rows],
    )


def stored_table(upload: SpreadsheetUpload) -> Table:
    return Table(headers=upload.headers, rows=[(row[0], row[1]) for row in upload.rows])
