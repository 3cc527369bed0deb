"""The run form on the dashboard and the runs page: the scheduler's fairness target
(the command line's --min-meetings) reaches the job, and a bad one is refused on the
page, naming the field."""

import pytest
from django.urls import reverse

from matchfair.web.jobs.models import Job

pytestmark = pytest.mark.django_db


def test_a_scheduler_run_keeps_the_target_the_organizer_typed(organizer_client, event):
    organizer_client.post(
        reverse("orga:start_job", args=[event.pk]), {"kind": "schedule", "min_meetings": "3"}
    )
    assert Job.objects.get(event=event).options == {"min_meetings": 3}


def test_an_empty_target_and_other_kinds_of_run_carry_none(organizer_client, event):
    url = reverse("orga:start_job", args=[event.pk])
    organizer_client.post(url, {"kind": "schedule", "min_meetings": ""})
    organizer_client.post(url, {"kind": "recommend", "min_meetings": "3"})
    assert [job.options for job in Job.objects.filter(event=event).order_by("pk")] == [{}, {}]


@pytest.mark.parametrize("typed", ["-1", "two", "1.5", "100000"])
def test_a_target_that_is_no_non_negative_number_is_refused_on_the_page(
    organizer_client, event, typed
):
    response = organizer_client.post(
        reverse("orga:start_job", args=[event.pk]), {"kind": "schedule", "min_meetings": typed}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert 'name="min_meetings"' in page
    assert not Job.objects.filter(event=event).exists()


def test_the_dashboard_and_the_runs_page_offer_the_target(organizer_client, event):
    for name in ("orga:event", "orga:jobs"):
        page = organizer_client.get(reverse(name, args=[event.pk])).content.decode()
        assert 'name="min_meetings"' in page
