"""A person's settings: made on first use, read once per request, calendar link renewable."""

from matchfair.web.notify.domain.personal import (
    answer_zone_question,
    new_calendar_token,
    settings_of,
    zone_of,
    zone_question,
)
from matchfair.web.notify.models import PersonalSettings
from tests.web import factories
from tests.web.factories import make_user


def test_settings_are_made_on_first_use_and_kept_on_the_user(db):
    user = make_user("newcomer")
    personal = settings_of(user)
    assert personal.timezone == ""  # not chosen: times follow the event (zone_of)
    assert settings_of(user) is personal
    assert PersonalSettings.objects.filter(user=user).count() == 1


def test_a_new_calendar_token_replaces_the_old_one(german_user):
    old = settings_of(german_user).calendar_token
    new = new_calendar_token(user=german_user)
    assert new != old
    assert PersonalSettings.objects.get(user=german_user).calendar_token == new


def test_a_person_who_never_chose_reads_their_events_clock(fair, owner):
    on_site = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", timezone=""
    )
    online = factories.participant(
        fair,
        name="Online Co",
        country="CN",
        email="wu@oc.example",
        timezone="",
        attendance="online",
    )
    assert zone_of(factories.user_of(on_site)) == "Europe/Berlin"
    assert zone_of(factories.user_of(on_site), participation=on_site) == "Europe/Berlin"
    assert zone_of(factories.user_of(online), participation=online) == "UTC"
    # An organizer runs the event where it happens, also on an online participant's page.
    assert zone_of(owner) == "Europe/Berlin"
    assert zone_of(owner, participation=online) == "Europe/Berlin"


def test_a_chosen_time_zone_wins(fair):
    on_site = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", timezone="Asia/Tokyo"
    )
    assert zone_of(factories.user_of(on_site), participation=on_site) == "Asia/Tokyo"


def test_only_an_online_participant_who_never_answered_is_asked_for_a_zone(fair, owner):
    on_site = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", timezone=""
    )
    online = factories.participant(
        fair,
        name="Online Co",
        country="CN",
        email="wu@oc.example",
        timezone="",
        attendance="online",
    )
    remote = factories.user_of(online)
    assert zone_question(factories.user_of(on_site), participation=on_site) is None
    assert zone_question(owner) is None
    assert zone_question(remote, participation=online) == fair
    assert zone_question(remote) == fair
    answer_zone_question(user=remote, zone="")
    assert zone_question(remote, participation=online) is None
    # Keeping the event's zone follows the event, as on site.
    assert zone_of(remote, participation=online) == "Europe/Berlin"
