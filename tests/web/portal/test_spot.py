"""portal.views.spot: Meet now, from the agenda and a partner's page, to a booked table."""

from datetime import datetime

import pytest

from matchfair.web.eventday.models import DayRules
from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.eventday.spot_world import spot_world
from tests.web.factories import BERLIN, user_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner):
    return spot_world(owner)


@pytest.fixture
def on_the_day(monkeypatch):
    """09:40 on the fair's day, for the page (which asks the clock)."""
    moment = datetime(2026, 12, 1, 9, 40, tzinfo=BERLIN)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def test_the_agenda_and_a_partners_page_lead_to_meet_now(world, client_for, on_the_day):
    client = client_for(user_of(world.german))

    agenda = client.get(f"/my/{world.german.pk}/agenda/").content.decode()
    partner = client.get(f"/my/{world.german.pk}/catalog/{world.nordic.pk}/").content.decode()

    assert f'href="/my/{world.german.pk}/meet/"' in agenda
    assert f'href="/my/{world.german.pk}/meet/{world.nordic.pk}/"' in partner


@pytest.mark.parametrize("closed", ["switched off", "not published"])
def test_no_link_leads_to_meet_now_while_booking_is_closed(world, client_for, closed, on_the_day):
    if closed == "switched off":
        DayRules.objects.create(event=world.event, spot_booking=False)
    else:
        world.event.schedule_published_at = None
        world.event.save(update_fields=["schedule_published_at"])
    client = client_for(user_of(world.german))

    agenda = client.get(f"/my/{world.german.pk}/agenda/").content.decode()
    partner = client.get(f"/my/{world.german.pk}/catalog/{world.nordic.pk}/").content.decode()

    assert f"/my/{world.german.pk}/meet/" not in agenda + partner


def test_no_link_leads_to_meet_now_on_a_day_without_sessions_left(world, client_for, monkeypatch):
    evening = datetime(2026, 12, 1, 18, 0, tzinfo=BERLIN)  # the day's only session ended at 12:00
    monkeypatch.setattr("django.utils.timezone.now", lambda: evening)
    client = client_for(user_of(world.german))

    agenda = client.get(f"/my/{world.german.pk}/agenda/").content.decode()

    assert f"/my/{world.german.pk}/meet/" not in agenda


def test_meet_now_finds_an_organization_by_name(world, client_for):
    page = client_for(user_of(world.german)).get(f"/my/{world.german.pk}/meet/?q=nordic")

    assert f"/my/{world.german.pk}/meet/{world.nordic.pk}/" in page.content.decode()
    assert "Vignoble" not in page.content.decode()


def test_booking_a_slot_puts_it_on_the_agenda(world, client_for, on_the_day):
    client = client_for(user_of(world.german))
    page = client.get(f"/my/{world.german.pk}/meet/{world.nordic.pk}/").content.decode()
    assert page.count('name="slot"') == 5

    response = client.post(
        f"/my/{world.german.pk}/meet/{world.nordic.pk}/", {"slot": f"{world.session.pk}|2"}
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get(a=world.german, b=world.nordic)
    assert (meeting.start.astimezone(BERLIN).hour, meeting.location) == (10, "table-1")
    agenda = client.get(response["Location"]).content.decode()
    assert "Nordic Wind AS" in agenda
    assert "table-1" in agenda


def test_a_refused_booking_says_why_on_the_page(world, client_for, on_the_day):
    world.event.tables = 0
    world.event.save(update_fields=["tables"])

    response = client_for(user_of(world.german)).post(
        f"/my/{world.german.pk}/meet/{world.nordic.pk}/", {"slot": f"{world.session.pk}|2"}
    )

    assert response.status_code == 200
    assert "The meeting could not be booked" in response.content.decode()
    assert "All 0 tables are taken then." in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("slot", ["nonsense", "", "99999999999999999999999|0", "1|999"])
def test_a_slot_that_is_no_slot_is_refused_in_words(world, client_for, on_the_day, slot):
    response = client_for(user_of(world.german)).post(
        f"/my/{world.german.pk}/meet/{world.nordic.pk}/", {"slot": slot}
    )

    assert response.status_code == 200
    assert "Choose one of the slots offered." in response.content.decode()


def test_switched_off_the_page_says_so_and_a_post_is_refused(world, client_for, on_the_day):
    DayRules.objects.create(event=world.event, spot_booking=False)
    client = client_for(user_of(world.german))

    page = client.get(f"/my/{world.german.pk}/meet/{world.nordic.pk}/").content.decode()
    posted = client.post(
        f"/my/{world.german.pk}/meet/{world.nordic.pk}/", {"slot": f"{world.session.pk}|2"}
    )

    assert "switched off booking meetings on the spot" in page
    assert 'name="slot"' not in page
    assert "switched off booking meetings on the spot" in posted.content.decode()
    assert not Meeting.objects.exists()


def test_a_partner_of_another_event_is_not_found(world, client_for, owner):
    elsewhere = factories.participant(
        factories.event(owner, name="Other fair"),
        name="Far Away Ltd",
        country="GB",
        email="far@away.example",
    )

    response = client_for(user_of(world.german)).get(f"/my/{world.german.pk}/meet/{elsewhere.pk}/")

    assert response.status_code == 404
