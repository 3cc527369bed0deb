"""Attempt counters, kept in the database so that every web process counts the same attempts."""

from django.db import models


class AttemptCounter(models.Model):
    """How many attempts one key made since it was last quiet.

    A key names who is counted: ``login-account:NAME``, ``login-address:NET``,
    ``login-device:NONCE``, ``reset-address:NET``, ``reset-recipient:EMAIL``. One row
    per key, locked while it is read and written, so that parallel requests cannot
    all slip through the same gap (a row per attempt would be counted before the
    parallel attempts were written).
    """

    key = models.CharField(max_length=300, unique=True)
    count = models.PositiveIntegerField(default=0)
    first_at = models.DateTimeField()
    last_at = models.DateTimeField(db_index=True)
