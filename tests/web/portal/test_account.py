"""The person's settings page: which time zone their times follow."""

from django.urls import reverse

from tests.web import factories


def test_settings_say_which_zone_times_follow_before_a_choice(client_for, fair):
    on_site = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", timezone=""
    )
    client = client_for(factories.user_of(on_site))
    page = client.get(reverse("portal:settings"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Times are shown in Europe/Berlin." in page
    assert "The event&#x27;s time zone" in page
