"""What each kind of job does (export the event to the engine, run it, store the result),
and running a claimed job through its runner to the end.

The engines take and return ``core`` objects; each runner converts with
``matchfair.web.exchange`` and stores the result with one transactional domain
function, so a run that fails half-way writes nothing; its state transitions
(``jobs.domain.states``) are all that it leaves behind.
"""

from collections.abc import Callable
from dataclasses import replace

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from matchfair import core
from matchfair.i18n import use_language
from matchfair.matching import EmbeddingCache, default_cache_dir, recommend
from matchfair.scheduling import SolveOptions, schedule_event
from matchfair.web.directory.series_directory import NoSeriesError, build_index
from matchfair.web.exchange.from_database import export_event, meetings_of
from matchfair.web.exchange.schedule_runs import store_recommendations, store_schedule
from matchfair.web.jobs.domain import states
from matchfair.web.jobs.heartbeat import heartbeat
from matchfair.web.jobs.models import Job
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit

Runner = Callable[[Job, core.ProgressCallback], str]
"""A kind of job: given the job and where to report progress, it stores its results
and returns what it did in words."""

RECOMMENDATIONS_PER_ORGANIZATION = 10

# The scheduler's phase codes (``Progress.phase``) as an organizer reads them.
PHASE_LABELS = {
    "greedy": gettext_lazy("first schedule"),
    "weight": gettext_lazy("placing more meetings"),
    "quality": gettext_lazy("fewer breaks"),
}


def phase_label(phase: str) -> str:
    """A phase in words; a phase the engine adds later shows its code until it is named here."""
    return str(PHASE_LABELS.get(phase, phase))


def run_scheduler(job: Job, report: core.ProgressCallback) -> str:
    """Schedule the accepted requests, keeping the published meetings where they are.

    A published meeting the scheduler cannot keep fails the run (``store_schedule``
    names it and why) instead of disappearing from the delegates' agendas.
    """
    event = job.event
    document = export_event(event, with_results=False)
    published = meetings_of(event, published_only=True)
    options = SolveOptions(
        time_limit=float(job.options.get("time_limit", settings.MATCHFAIR_SCHEDULE_SECONDS)),
        seed=int(job.options.get("seed", 0)),
    )

    def on_progress(progress: core.Progress) -> None:
        words = _("%(phase)s: %(meetings)d meetings placed") % {
            "phase": phase_label(progress.phase),
            "meetings": progress.meetings,
        }
        report(replace(progress, message=words))

    outcome = schedule_event(
        document,
        options,
        published=core.Schedule(event=event.code, meetings=published) if published else None,
        on_progress=on_progress,
    )
    stored = store_schedule(
        event, outcome.schedule, read=document, kept=published, released=outcome.released
    )
    # A kept meeting may have another interpreter or table: its delegates are told.
    notify_agenda_changes_on_commit(event=event)
    message = ngettext(
        "%(scheduled)d meeting scheduled, %(unscheduled)d not scheduled.",
        "%(scheduled)d meetings scheduled, %(unscheduled)d not scheduled.",
        len(stored.schedule.meetings),
    ) % {
        "scheduled": len(stored.schedule.meetings),
        "unscheduled": len(stored.schedule.unscheduled),
    }
    if stored.left_out:
        message += " " + ngettext(
            "%(count)d meeting was left out: its request was withdrawn or an organization "
            "removed while the scheduler ran.",
            "%(count)d meetings were left out: their requests were withdrawn or organizations "
            "removed while the scheduler ran.",
            len(stored.left_out),
        ) % {"count": len(stored.left_out)}
    if stored.accepted_meanwhile:
        message += " " + ngettext(
            "%(count)d request accepted while the scheduler ran is listed as not scheduled; "
            "run the scheduler again to place it.",
            "%(count)d requests accepted while the scheduler ran are listed as not scheduled; "
            "run the scheduler again to place them.",
            stored.accepted_meanwhile,
        ) % {"count": stored.accepted_meanwhile}
    return message


def run_recommender(job: Job, report: core.ProgressCallback) -> str:
    """Recommend partners to every organization (embeddings cached in MATCHFAIR_HOME)."""
    event = job.event

    def on_progress(progress: core.Progress) -> None:
        # Embedding is most of the run, not all of it: storing comes after.
        report(replace(progress, fraction=0.95 * progress.fraction, message=progress.phase))

    recommendations = recommend(
        export_event(event, with_results=False),
        top=RECOMMENDATIONS_PER_ORGANIZATION,
        spec=str(job.options.get("encoder", settings.MATCHFAIR_ENCODER)),
        cache=EmbeddingCache(default_cache_dir()),
        progress=on_progress,
    )
    stored = store_recommendations(event, recommendations)
    organizations = len(recommendations.recommendations)
    return ngettext(
        "%(recommendations)s for %(organizations)d organization.",
        "%(recommendations)s for %(organizations)d organizations.",
        organizations,
    ) % {
        "recommendations": ngettext("%(count)d recommendation", "%(count)d recommendations", stored)
        % {"count": stored},
        "organizations": organizations,
    }


def run_series_directory(job: Job, report: core.ProgressCallback) -> str:
    """Index the event's series' directory, embedding only the organizations that changed."""
    series = job.event.series
    if series is None:
        raise NoSeriesError

    def on_progress(fraction: float) -> None:
        report(core.Progress(phase="embed", fraction=fraction, message=_("embedding texts")))

    built = build_index(
        series=series,
        spec=str(job.options.get("encoder", settings.MATCHFAIR_ENCODER)),
        cache=EmbeddingCache(default_cache_dir()),
        progress=on_progress,
    )
    return ngettext(
        "%(organizations)d organization in the directory of %(series)s (%(embedded)d embedded, "
        "%(removed)d removed).",
        "%(organizations)d organizations in the directory of %(series)s (%(embedded)d embedded, "
        "%(removed)d removed).",
        built.organizations,
    ) % {
        "organizations": built.organizations,
        "series": series.name,
        "embedded": built.embedded,
        "removed": built.removed,
    }


RUNNERS: dict[str, Runner] = {
    Job.Kind.SCHEDULE: run_scheduler,
    Job.Kind.RECOMMEND: run_recommender,
    Job.Kind.SERIES_DIRECTORY: run_series_directory,
}


def run_job(job_id: int) -> Job:
    """Run a queued job to the end; any exception marks it failed with its message.

    The runner speaks the language of whoever started the job (the worker has no
    request of its own), and a heartbeat keeps the job marked alive meanwhile.
    """
    states.fail_stale_jobs()
    job = Job.objects.select_related("event").get(pk=job_id)
    if not states.claim(job=job):
        return job
    try:
        with heartbeat(job), translation.override(job.language), use_language(job.language):
            message = RUNNERS[job.kind](job, states.progress_writer(job=job))
    except Exception as error:
        states.fail(job=job, error=error)
    else:
        states.succeed(job=job, message=message)
    return job
