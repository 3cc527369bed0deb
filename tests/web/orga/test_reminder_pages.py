"""The organizer's Reminders page: linked from Campaigns, saves the switches and months, refuses bad months."""

import pytest
from django.urls import reverse

from matchfair.web.notify.domain.reminders import settings_of

pytestmark = pytest.mark.django_db


def _form(**extra):
    return {
        "open_requests": "on",
        "open_requests_days": "2",
        "request_deadline": "on",
        "request_deadline_hours": "24",
        "agenda": "on",
        "agenda_hours": "18",
        "feedback_hours": "24",
        "meeting_soon_minutes": "15",
        "follow_up": "on",
        "follow_up_months": "12, 6",
        **extra,
    }


def test_the_campaigns_page_links_the_reminders_page(fair, owner, client_for):
    client = client_for(owner)
    url = reverse("orga:reminders", args=[fair.pk])
    assert url in client.get(reverse("orga:campaigns", args=[fair.pk])).content.decode()
    assert client.get(url).status_code == 200


def test_saving_switches_a_reminder_off_and_sets_the_months(fair, owner, client_for):
    response = client_for(owner).post(reverse("orga:reminders", args=[fair.pk]), _form())
    assert response.status_code == 302
    chosen = settings_of(fair)
    assert (chosen.feedback, chosen.open_requests_days, chosen.follow_up_months) == (
        False,
        2,
        [6, 12],
    )


def test_a_month_that_is_no_number_is_refused_on_its_field(fair, owner, client_for):
    response = client_for(owner).post(
        reverse("orga:reminders", args=[fair.pk]), _form(follow_up_months="6, soon")
    )
    assert response.status_code == 200
    assert "follow_up_months" in response.context["form"].errors
    assert settings_of(fair).follow_up_months == [6, 12]


def test_a_participant_may_not_open_it(fair, german_client):
    assert german_client.get(reverse("orga:reminders", args=[fair.pk])).status_code in (403, 404)
