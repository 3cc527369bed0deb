"""What each kind of job does (export the event to the engine, run it, store the result),
and running a claimed job through its runner to the end.

The engines take and return ``core`` objects; each runner converts with
``matchfair.web.exchange`` and stores the result with one transactional domain
function, so a run that fails half-way writes nothing; its state transitions
(``jobs.domain.states``) are all that it leaves behind.
"""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from matchfair import core
from matchfair.i18n import use_language
from matchfair.matching import (
    EmbeddingCache,
    default_cache_dir,
    load_state,
    recommend_incrementally,
    save_state,
)
from matchfair.scheduling import SolveOptions, schedule_event
from matchfair.web import stored_text
from matchfair.web.directory.series_directory import NoSeriesError, build_index
from matchfair.web.exchange.from_database import export_event, meetings_of
from matchfair.web.exchange.schedule_runs import (
    run_quality,
    store_recommendations,
    store_schedule,
)
from matchfair.web.jobs.domain import states
from matchfair.web.jobs.heartbeat import heartbeat
from matchfair.web.jobs.models import Job
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit

Runner = Callable[[Job, core.ProgressCallback], stored_text.Stored]
"""A kind of job: given the job and where to report progress, it stores its results
and returns what it did, as a message each reader reads in their language."""

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


def run_scheduler(job: Job, report: core.ProgressCallback) -> stored_text.Stored:
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
        min_meetings=int(job.options.get("min_meetings", 0)),
    )

    def on_progress(progress: core.Progress) -> None:
        words = ngettext(
            "%(phase)s: %(meetings)d meeting placed",
            "%(phase)s: %(meetings)d meetings placed",
            progress.meetings,
        ) % {"phase": phase_label(progress.phase), "meetings": progress.meetings}
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
    job.quality = run_quality(stored, outcome)
    job.save(update_fields=["quality"])
    # A kept meeting may have another interpreter or table: its delegates are told.
    notify_agenda_changes_on_commit(event=event)
    # The engine also lists the requests nobody accepted (with that reason); counting
    # them as "not scheduled" overstated what the run failed to place.
    accepted = {frozenset((meeting.a, meeting.b)) for meeting in core.accepted_meetings(document)}
    unaccepted = sum(
        frozenset((left.a, left.b)) not in accepted for left in stored.schedule.unscheduled
    )
    parts = [
        stored_text.ngettext(
            "%(scheduled)d meeting scheduled, %(unscheduled)d not scheduled.",
            "%(scheduled)d meetings scheduled, %(unscheduled)d not scheduled.",
            len(stored.schedule.meetings),
            scheduled=len(stored.schedule.meetings),
            unscheduled=len(stored.schedule.unscheduled) - unaccepted,
        )
    ]
    if unaccepted:
        parts.append(
            stored_text.ngettext(
                "%(count)d request that is not accepted was left aside.",
                "%(count)d requests that are not accepted were left aside.",
                unaccepted,
            )
        )
    if stored.left_out:
        parts.append(
            stored_text.ngettext(
                "%(count)d meeting was left out: its request was withdrawn or an organization "
                "removed while the scheduler ran.",
                "%(count)d meetings were left out: their requests were withdrawn or organizations "
                "removed while the scheduler ran.",
                len(stored.left_out),
            )
        )
    if stored.accepted_meanwhile:
        parts.append(
            stored_text.ngettext(
                "%(count)d request accepted while the scheduler ran is listed as not scheduled; "
                "run the scheduler again to place it.",
                "%(count)d requests accepted while the scheduler ran are listed as not "
                "scheduled; run the scheduler again to place them.",
                stored.accepted_meanwhile,
            )
        )
    return stored_text.sentences(parts)


def ranking_state_path(event_pk: int) -> Path:
    """Where a recommendation run leaves what the next run refreshes from."""
    return default_cache_dir() / "rankings" / f"event-{event_pk}.npz"


def run_recommender(job: Job, report: core.ProgressCallback) -> stored_text.Stored:
    """Recommend partners to every organization (embeddings cached in MATCHFAIR_HOME).

    After a few organizations changed, the run is a refresh: only their texts are
    encoded and only the lists that can change are ranked again (``recommend_incrementally``).
    """
    event = job.event

    def on_progress(progress: core.Progress) -> None:
        # Embedding is most of the run, not all of it: storing comes after.
        report(replace(progress, fraction=0.95 * progress.fraction, message=progress.phase))

    path = ranking_state_path(event.pk)
    outcome = recommend_incrementally(
        export_event(event, with_results=False),
        load_state(path),
        top=RECOMMENDATIONS_PER_ORGANIZATION,
        spec=str(job.options.get("encoder", settings.MATCHFAIR_ENCODER)),
        cache=EmbeddingCache(default_cache_dir()),
        progress=on_progress,
    )
    recommendations = outcome.recommendations
    stored = store_recommendations(event, recommendations)
    # Saved once the result is stored, so the state never runs ahead of the database.
    save_state(outcome.state, path)
    organizations = len(recommendations.recommendations)
    summary = stored_text.ngettext(
        "%(recommendations)s for %(organizations)d organization.",
        "%(recommendations)s for %(organizations)d organizations.",
        organizations,
        recommendations=stored_text.ngettext(
            "%(count)d recommendation", "%(count)d recommendations", stored
        ),
        organizations=organizations,
    )
    if outcome.refreshed is None:
        return summary
    return stored_text.ngettext(
        "%(summary)s Only %(count)d list could change since the last run and was ranked again.",
        "%(summary)s Only %(count)d lists could change since the last run and were ranked again.",
        len(outcome.refreshed),
        summary=summary,
    )


def run_series_directory(job: Job, report: core.ProgressCallback) -> stored_text.Stored:
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
    return stored_text.ngettext(
        "%(organizations)d organization in the directory of %(series)s (%(embedded)d embedded, "
        "%(removed)d removed).",
        "%(organizations)d organizations in the directory of %(series)s (%(embedded)d embedded, "
        "%(removed)d removed).",
        built.organizations,
        organizations=built.organizations,
        series=series.name,
        embedded=built.embedded,
        removed=built.removed,
    )


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
            result = RUNNERS[job.kind](job, states.progress_writer(job=job))
            # Written while the starter's language is active: the words ``message`` keeps.
            states.succeed(job=job, result=result)
    except Exception as error:
        states.fail(job=job, error=error)
    return job
