"""A scheduler run keeps its quality (bound, ratio, breaks, idle slots, proven or not),
and the run page shows it as ``matchfair schedule`` prints it."""

import pytest
from django.urls import reverse

from matchfair.scheduling import build_problem, schedule_quality, weight_bound
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import run_job

pytestmark = pytest.mark.django_db


def _run(event) -> Job:
    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 5}).pk)
    assert job.status == Job.Status.SUCCEEDED, job.error
    return job


def test_a_run_stores_the_figures_the_command_line_prints(event):
    job = _run(event)

    current = export_event(event, with_results=False)
    quality = schedule_quality(current, export_schedule(event))
    bound = weight_bound(build_problem(current).problem, quality.mandatory)
    assert job.quality == {
        "meetings": quality.meetings,
        "requested": quality.requested,
        "weight": quality.weight,
        "requested_weight": quality.requested_weight,
        "mandatory": quality.mandatory,
        "requested_mandatory": quality.requested_mandatory,
        "breaks": quality.breaks,
        "idle": quality.idle,
        "bound": bound.value,
        "bound_method": bound.method,
        "ratio": 1.0,
        "weight_proven_optimal": job.quality["weight_proven_optimal"],
        "breaks_proven_optimal": job.quality["breaks_proven_optimal"],
    }
    assert (quality.meetings, quality.weight, bound.value) == (1, 3, 3.0)


def test_the_run_page_shows_the_quality(organizer_client, event):
    job = _run(event)

    content = organizer_client.get(reverse("orga:job", args=[event.pk, job.pk])).content.decode()

    assert "Quality of the schedule" in content
    assert "1 of 1 accepted requests" in content
    assert "Ratio to the bound</th><td>100.00 %" in content
    assert "Idle slots</th><td>0" in content
    assert "proven optimal" in content


def test_the_run_page_shows_the_quality_in_the_readers_language(client_for, organizer, event):
    job = _run(event)
    organizer_client = client_for(organizer)

    content = organizer_client.get(
        reverse("orga:job", args=[event.pk, job.pk]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()

    assert "Verhältnis zur Schranke</th><td>100,00 %" in content


def test_a_recommender_run_shows_no_schedule_quality(organizer_client, event):
    job = Job.objects.create(event=event, kind=Job.Kind.RECOMMEND, status=Job.Status.SUCCEEDED)

    content = organizer_client.get(reverse("orga:job", args=[event.pk, job.pk])).content.decode()

    assert "Quality of the schedule" not in content
