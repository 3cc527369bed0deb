"""A person's settings: made on first use, read once per request, calendar link renewable."""

from matchfair.web.notify.domain.personal import new_calendar_token, settings_of
from matchfair.web.notify.models import PersonalSettings
from tests.web.factories import make_user


def test_settings_are_made_on_first_use_and_kept_on_the_user(db):
    user = make_user("newcomer")
    personal = settings_of(user)
    assert personal.timezone == "UTC"
    assert settings_of(user) is personal
    assert PersonalSettings.objects.filter(user=user).count() == 1


def test_a_new_calendar_token_replaces_the_old_one(german_user):
    old = settings_of(german_user).calendar_token
    new = new_calendar_token(user=german_user)
    assert new != old
    assert PersonalSettings.objects.get(user=german_user).calendar_token == new
