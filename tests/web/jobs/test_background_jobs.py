"""Background jobs: queued after commit, run by the database worker, failure shown, re-run."""

import pytest
from bench.generate_event import generate
from django.core.management import call_command
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Session
from matchfair.web.exchange.to_database import import_event
from matchfair.web.jobs import runners
from matchfair.web.jobs.domain import states
from matchfair.web.jobs.domain.queue import rerun, start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import phase_label, run_job
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import (
    Meeting,
    MeetingRequest,
    Recommendation,
    UnscheduledMeeting,
)
from matchfair.web.outcomes.domain.participation_removal import remove_participation
from tests.web.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_a_job_is_queued_on_commit_and_the_worker_runs_it():
    event = make_event()
    job = start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5})
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert job.progress == 1.0
    # The event's second request was never accepted: not a failure of the run.
    assert job.message == (
        "1 meeting scheduled, 0 not scheduled. 1 request that is not accepted was left aside."
    )


def test_the_scheduler_keeps_the_published_meeting():
    event = make_event()
    published = Meeting.objects.get(event=event, published=True)
    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)
    assert job.status == Job.Status.SUCCEEDED, job.error
    assert list(Meeting.objects.filter(event=event).values_list("pk", "start")) == [
        (published.pk, published.start)
    ]


def test_a_failed_job_shows_its_error_writes_nothing_and_can_be_rerun():
    event = make_event()
    meetings_before = list(Meeting.objects.filter(event=event).values_list("pk", flat=True))
    broken = Participation.objects.get(event=event, code="smart-eye")
    broken.languages = ["xx"]
    broken.save()

    failed = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)

    assert failed.status == Job.Status.FAILED
    assert "'xx' is not an ISO 639-1 code" in failed.error
    assert "FormatError" not in failed.error
    assert list(Meeting.objects.filter(event=event).values_list("pk", flat=True)) == (
        meetings_before
    )

    broken.languages = ["sv"]
    broken.save()
    retried = run_job(rerun(job=failed).pk)
    assert retried.status == Job.Status.SUCCEEDED, retried.error
    assert retried.retry_of == failed
    assert retried.options == failed.options


def test_recommendations_are_stored_for_every_organization():
    event = make_event()
    job = run_job(start_job(event=event, kind=Job.Kind.RECOMMEND, options={"encoder": "fake"}).pk)
    assert job.status == Job.Status.SUCCEEDED, job.error
    partners = {
        (r.participation.code, r.partner.code)
        for r in Recommendation.objects.filter(event=event).select_related(
            "participation", "partner"
        )
    }
    assert ("tegnology", "tsinghua-energy") in partners
    assert all(a != b for a, b in partners)
    assert job.message == "6 recommendations for 3 organizations."


GERMAN_PHASES = {"erster Plan", "weitere Treffen einplanen", "weniger Pausen"}


def test_a_run_reports_its_phases_in_words_in_the_language_of_who_started_it(monkeypatch):
    written: list[str] = []
    monkeypatch.setattr(
        states, "progress_writer", lambda job: lambda progress: written.append(progress.message)
    )
    with translation.override("de"):
        job = start_job(event=make_event(), kind=Job.Kind.SCHEDULE, options={"time_limit": 5})
        labels = {phase_label(code) for code in ("greedy", "weight", "quality")}
    job = run_job(job.pk)  # the worker: no request, no language of its own
    phases = {text.split(":")[0] for text in written}
    assert "erster Plan" in phases
    assert phases <= GERMAN_PHASES
    assert labels == GERMAN_PHASES
    assert job.message.startswith("1 Treffen eingeplant")


def while_solving(monkeypatch, change) -> None:
    """Make ``change`` happen after the solver's run and before its result is stored."""
    solve = runners.schedule_event

    def solve_then_change(*args, **kwargs):
        outcome = solve(*args, **kwargs)
        change()
        return outcome

    monkeypatch.setattr(runners, "schedule_event", solve_then_change)


def scheduled_pairs(event) -> list[tuple[str, str]]:
    return sorted(Meeting.objects.filter(event=event).values_list("a__code", "b__code"))


def test_a_run_leaves_out_the_meetings_of_an_organization_removed_meanwhile(monkeypatch):
    event = import_event(generate(organizations=20, requests=60, seed=3))
    first = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)
    assert first.status == Job.Status.SUCCEEDED, first.error
    before = scheduled_pairs(event)
    removed = Participation.objects.get(event=event, code=before[0][0])
    while_solving(monkeypatch, lambda: remove_participation(participation=removed))

    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)

    assert job.status == Job.Status.SUCCEEDED, job.error
    left_out = sum(removed.code in pair for pair in before)
    assert f"{left_out} meetings were left out" in job.message
    assert scheduled_pairs(event) == [pair for pair in before if removed.code not in pair]


def test_a_request_accepted_meanwhile_is_listed_as_not_seen_by_the_run(monkeypatch):
    event = make_event()
    pending = MeetingRequest.objects.get(event=event, status=MeetingRequest.Status.REQUESTED)
    while_solving(
        monkeypatch,
        lambda: MeetingRequest.objects.filter(pk=pending.pk).update(
            status=MeetingRequest.Status.ACCEPTED
        ),
    )

    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)

    assert job.status == Job.Status.SUCCEEDED, job.error
    assert "1 request accepted while the scheduler ran" in job.message
    listed = UnscheduledMeeting.objects.get(event=event)
    assert {listed.a_id, listed.b_id} == {pending.requester_id, pending.recipient_id}
    assert listed.reason.startswith("accepted after this scheduling run started")


def test_a_run_stores_nothing_when_a_session_changed_under_its_meetings(monkeypatch):
    event = import_event(generate(organizations=20, requests=60, seed=3))
    assert (
        run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk).error
        == ""
    )
    before = sorted(Meeting.objects.filter(event=event).values_list("pk", flat=True))
    while_solving(monkeypatch, lambda: Session.objects.filter(event=event).update(slot_minutes=25))

    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)

    assert job.status == Job.Status.FAILED
    assert job.error.startswith("The event changed while the scheduler ran")
    assert "is not a slot of session" in job.error
    assert sorted(Meeting.objects.filter(event=event).values_list("pk", flat=True)) == before


def test_a_run_forgets_the_unscheduled_requests_of_an_organization_removed_meanwhile(
    monkeypatch,
):
    event = make_event()
    idle = Participation.objects.get(event=event, code="smart-eye")
    while_solving(monkeypatch, lambda: remove_participation(participation=idle))

    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)

    assert job.status == Job.Status.SUCCEEDED, job.error
    assert not UnscheduledMeeting.objects.filter(event=event).exists()


def test_a_run_does_not_undo_meetings_published_meanwhile(monkeypatch):
    event = import_event(generate(organizations=20, requests=60, seed=3))
    assert (
        run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk).error
        == ""
    )
    drafts = sorted(Meeting.objects.filter(event=event).values_list("pk", flat=True))
    while_solving(monkeypatch, lambda: publish_schedule(event=event))

    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)

    assert job.status == Job.Status.FAILED
    assert "the published meetings were changed" in job.error
    published = Meeting.objects.filter(event=event, published=True).values_list("pk", flat=True)
    assert sorted(published) == drafts


def test_a_run_over_a_bad_stored_value_fails_naming_the_organization_and_field():
    event = make_event()
    tegnology = Participation.objects.get(event=event, code="tegnology")
    Participation.objects.filter(pk=tegnology.pk).update(languages=["dk"])
    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)
    assert job.status == Job.Status.FAILED
    assert job.error.startswith("TEGnology: languages: 'dk' is not an ISO 639-1 code")
    assert "ValidationError" not in job.error
