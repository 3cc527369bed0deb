"""Background jobs (scheduler and recommendation runs) as the organizer sees them.

The task queue (django-tasks' database backend) only carries the job id; this row
carries what a person needs: progress, the error of a failed run, and the run it
retried, so a failure is visible and can be re-run from the page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Kind(models.TextChoices):
        SCHEDULE = "schedule", _("schedule meetings")
        RECOMMEND = "recommend", _("recommend partners")
        SERIES_DIRECTORY = "series_directory", _("index the series directory")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    # What a finished run did, as a message (``matchfair.web.stored_text``) written in
    # each reader's language; ``message`` keeps the words of the starter's language.
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    quality = models.JSONField(
        _("schedule quality"),
        null=True,
        blank=True,
        help_text=_("A scheduler run's figures, as the command line prints them."),
    )
    # The worker has no request: it writes progress and messages in the language of
    # the person who started the run, as that person's page was then.
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    retry_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="retries"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Touched by the worker while the job runs: a silent running job is a dead worker's.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        ordering = (
            "-created_at",
            "-id",
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return round(self.progress * 100)

    @property
    def stored_message(self) -> dict | str:
        """What to show in the reader's language: the result's message, else the words."""
        return self.result or self.message


class WorkerBeat(models.Model):
    """When a job worker was last seen alive: one row, touched by every running worker.

    A queued run waits for a worker; the organizer's pages warn when none has been
    seen for a while, instead of leaving a run "queued" without a word.
    """

    seen_at = models.DateTimeField()
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=255)

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} {self.seen_at:%Y-%m-%d %H:%M:%S}"
