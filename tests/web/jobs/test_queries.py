"""The run reads that the pages and the API share (``jobs.queries``)."""

import pytest

from matchfair.web.jobs.models import Job
from matchfair.web.jobs.queries import runs_of
from tests.web.factories import make_event

pytestmark = pytest.mark.django_db


def test_the_runs_of_an_event_newest_first_narrowed_by_kind_and_status():
    event, other = make_event(), make_event()
    schedule = Job.objects.create(event=event, kind=Job.Kind.SCHEDULE)
    recommend = Job.objects.create(
        event=event, kind=Job.Kind.RECOMMEND, status=Job.Status.SUCCEEDED
    )
    Job.objects.create(event=other, kind=Job.Kind.SCHEDULE)

    assert list(runs_of(event)) == [recommend, schedule]
    assert list(runs_of(event, kind=Job.Kind.SCHEDULE)) == [schedule]
    assert list(runs_of(event, status=Job.Status.SUCCEEDED)) == [recommend]
    assert not runs_of(event, kind=Job.Kind.SCHEDULE, status=Job.Status.SUCCEEDED).exists()
