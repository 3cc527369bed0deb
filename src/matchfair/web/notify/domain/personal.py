"""A person's own settings: time zone, language of notifications, private calendar link."""

from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.notify.models import PersonalSettings, new_token

UTC = "UTC"


def settings_of(user: AbstractBaseUser) -> PersonalSettings:
    """The person's settings, read once per request: a page asks for them in its access
    check (the time zone) and again for what it shows, on the same user object."""
    try:
        return user.portal_settings
    except PersonalSettings.DoesNotExist:
        personal = PersonalSettings.objects.get_or_create(user=user)[0]
        user.portal_settings = personal
        return personal


def _own_event(user: AbstractBaseUser) -> tuple[Event | None, bool]:
    """The person's latest event, and whether they attend it on site (organizers do)."""
    delegate = getattr(user, "delegate", None)
    if delegate is not None:
        latest = (
            Participation.objects.filter(organization_id=delegate.organization_id)
            .select_related("event")
            .order_by("-event__created_at", "-pk")
            .first()
        )
        if latest is not None:
            return latest.event, latest.attendance == Participation.Attendance.ONSITE
    organized = Event.objects.filter(organizers=user).order_by("-created_at", "-pk").first()
    return organized, True


def zone_of(user: AbstractBaseUser, *, participation: Participation | None = None) -> str:
    """The time zone a person reads times in: their own choice, else their event's.

    Someone who never chose (an empty setting) sees the event's clock when they are on
    site: a delegate of an on-site participation, or an organizer, who runs the event
    where it happens. Online participants keep UTC until they choose, since nothing
    says where they sit. ``participation`` is the page's (a delegate's own, or the one
    an organizer opened); without it the person's latest event counts.
    """
    chosen = settings_of(user).timezone
    if chosen:
        return chosen
    if participation is not None:
        own = getattr(getattr(user, "delegate", None), "organization_id", None)
        on_site = (
            own != participation.organization_id
            or participation.attendance == Participation.Attendance.ONSITE
        )
        return participation.event.timezone if on_site else UTC
    event, on_site = _own_event(user)
    return event.timezone if event is not None and on_site else UTC


def new_calendar_token(*, user: AbstractBaseUser) -> str:
    """Replace the person's calendar subscription token; the old link stops working."""
    personal = settings_of(user)
    personal.calendar_token = new_token()
    personal.save(update_fields=["calendar_token"])
    return personal.calendar_token
