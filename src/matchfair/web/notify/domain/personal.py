"""A person's own settings: time zone, language of notifications, private calendar link."""

from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.notify.models import PersonalSettings, new_token


def settings_of(user: AbstractBaseUser) -> PersonalSettings:
    """The person's settings, read once per request: a page asks for them in its access
    check (the time zone) and again for what it shows, on the same user object."""
    try:
        return user.portal_settings
    except PersonalSettings.DoesNotExist:
        personal = PersonalSettings.objects.get_or_create(user=user)[0]
        user.portal_settings = personal
        return personal


def new_calendar_token(*, user: AbstractBaseUser) -> str:
    """Replace the person's calendar subscription token; the old link stops working."""
    personal = settings_of(user)
    personal.calendar_token = new_token()
    personal.save(update_fields=["calendar_token"])
    return personal.calendar_token
