"""The series directory's index is built by a background job, which says what it did."""

import pytest

from matchfair.web.directory.series_directory import index_state
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import run_job
from tests.web.factories import organizer, own_event, series_editions

pytestmark = pytest.mark.django_db


def test_the_job_indexes_every_organization_of_the_series_then_only_changes(settings):
    settings.MATCHFAIR_ENCODER = "fake"
    editions = series_editions(organizer())

    first = run_job(start_job(event=editions.later, kind=Job.Kind.SERIES_DIRECTORY).pk)
    again = run_job(start_job(event=editions.earlier, kind=Job.Kind.SERIES_DIRECTORY).pk)

    assert first.status == Job.Status.SUCCEEDED, first.error
    assert first.message == (
        "4 organizations in the directory of Chengdu-Nordic Dialogue (4 embedded, 0 removed)."
    )
    assert again.message.endswith("(0 embedded, 0 removed).")
    assert index_state(editions.later.series).organizations == 4


def test_an_event_without_series_fails_the_job_saying_where_to_choose_one():
    job = run_job(start_job(event=own_event(organizer()), kind=Job.Kind.SERIES_DIRECTORY).pk)
    assert job.status == Job.Status.FAILED
    assert "belongs to no series" in job.error
