"""Running a job: only a queued one, through its kind's runner, to success or failure."""

import pytest

from matchfair.core import Progress
from matchfair.web.jobs import runners
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import run_job
from tests.web.factories import make_event

pytestmark = pytest.mark.django_db


def test_a_job_that_is_no_longer_queued_is_left_alone(monkeypatch):
    job = start_job(event=make_event(), kind=Job.Kind.SCHEDULE)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED, message="done before")
    monkeypatch.setitem(runners.RUNNERS, Job.Kind.SCHEDULE, lambda job, report: "ran again")

    assert run_job(job.pk).message == "done before"


def test_a_runner_that_raises_fails_its_job_and_keeps_its_last_progress(monkeypatch):
    def broken(job: Job, report) -> str:
        report(Progress(phase="weight", fraction=0.4, message="half way"))
        raise RuntimeError("solver crashed")

    monkeypatch.setitem(runners.RUNNERS, Job.Kind.SCHEDULE, broken)

    job = run_job(start_job(event=make_event(), kind=Job.Kind.SCHEDULE).pk)

    stored = Job.objects.get(pk=job.pk)
    assert (stored.status, stored.error, stored.progress, stored.message) == (
        Job.Status.FAILED,
        "RuntimeError: solver crashed",
        0.4,
        "half way",
    )


def test_the_recommender_reports_embedding_as_at_most_95_percent_named_by_its_encoder():
    reports: list[Progress] = []
    job = start_job(event=make_event(), kind=Job.Kind.RECOMMEND, options={"encoder": "fake"})
    job.refresh_from_db()

    runners.run_recommender(job, reports.append)

    assert reports[-1].fraction == pytest.approx(0.95)
    assert {report.message for report in reports} == {report.phase for report in reports}
    assert reports[0].phase.startswith("fake")


def test_a_second_recommendation_run_after_one_edit_encodes_only_its_text(monkeypatch):
    from matchfair.matching import FakeEncoder, incremental
    from matchfair.web.directory.models import Opportunity

    encoded: list[str] = []
    original = FakeEncoder.encode

    def counting(self, texts):
        encoded.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(FakeEncoder, "encode", counting)
    monkeypatch.setattr(incremental, "FULL_RUN_SHARE", 0.5)
    event = make_event()
    first = run_job(start_job(event=event, kind=Job.Kind.RECOMMEND, options={"encoder": "fake"}).pk)
    assert first.status == Job.Status.SUCCEEDED
    assert "Only" not in first.message
    opportunity = Opportunity.objects.filter(participation__event=event).first()
    opportunity.description = "Hydrogen burners for industrial furnaces"
    opportunity.save()
    encoded.clear()

    second = run_job(
        start_job(event=event, kind=Job.Kind.RECOMMEND, options={"encoder": "fake"}).pk
    )

    assert second.status == Job.Status.SUCCEEDED
    assert "could change since the last run" in second.message
    assert len(encoded) == 1
    assert "Hydrogen burners for industrial furnaces" in encoded[0]


def test_the_scheduler_runner_hands_the_engine_the_jobs_fairness_target(monkeypatch):
    seen = []

    def engine(document, options, **kwargs):
        seen.append(options.min_meetings)
        raise RuntimeError("stop after the options")

    monkeypatch.setattr(runners, "schedule_event", engine)
    for options in ({"min_meetings": 3}, {}):
        run_job(start_job(event=make_event(), kind=Job.Kind.SCHEDULE, options=options).pk)

    assert seen == [3, 0]
