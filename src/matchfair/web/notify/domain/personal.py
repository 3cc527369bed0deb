"""A person's own settings: time zone, language of notifications, private calendar link."""

from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.portal_rules import PortalRuleError
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
    where it happens. Online participants keep UTC until they answer the portal's one
    question (``zone_question``), since nothing says where they sit; one who answered
    "the event's" follows the event like those on site. ``participation`` is the page's
    (a delegate's own, or the one an organizer opened); without it the person's latest
    event counts.
    """
    personal = settings_of(user)
    if personal.timezone:
        return personal.timezone
    if participation is not None:
        own = getattr(getattr(user, "delegate", None), "organization_id", None)
        on_site = (
            own != participation.organization_id
            or participation.attendance == Participation.Attendance.ONSITE
        )
        return participation.event.timezone if on_site or personal.zone_asked else UTC
    event, on_site = _own_event(user)
    return event.timezone if event is not None and (on_site or personal.zone_asked) else UTC


def zone_question(
    user: AbstractBaseUser, *, participation: Participation | None = None
) -> Event | None:
    """The event whose clock an online participant sees until they answer, when the portal
    should offer them their browser's time zone; None when it should not ask.

    On site, the event's clock is the one people live by, and ``zone_of`` already gives
    it; online, nothing on the server says where they sit, so the page asks the browser
    and the person answers once (``answer_zone_question``), whichever way.
    """
    personal = settings_of(user)
    if personal.timezone or personal.zone_asked:
        return None
    own = getattr(getattr(user, "delegate", None), "organization_id", None)
    if participation is not None:
        online = participation.attendance == Participation.Attendance.ONLINE
        return participation.event if own == participation.organization_id and online else None
    event, on_site = _own_event(user)
    return event if own is not None and not on_site else None


def answer_zone_question(*, user: AbstractBaseUser, zone: str) -> None:
    """Store the answer to the browser-zone question: ``zone`` taken, or "" to keep the
    event's. Either way the question is not asked again."""
    if zone and zone not in available_timezones():
        raise PortalRuleError(
            _("%(zone)s is not a time zone this server knows; choose yours in Settings.")
            % {"zone": zone[:64]},
            field="timezone",
        )
    personal = settings_of(user)
    if zone:
        personal.timezone = zone
    personal.zone_asked = True
    personal.save(update_fields=["timezone", "zone_asked"])


def _site_language(code: str) -> str | None:
    """``code`` as one of the site's languages ("zh-hans" for "zh-Hans"), or None."""
    found = {known.lower(): known for known, _name in settings.LANGUAGES}
    return found.get((code or "").lower())


def take_browser_language(*, user: AbstractBaseUser, language: str) -> None:
    """At sign-in, the language the browser asked the pages in becomes the account's, for
    its e-mails, unless the person chose one already (sign-up, Settings, the menu).

    Invited people never chose: their account would write to them in English whatever
    their browser reads.
    """
    code = _site_language(language)
    personal = settings_of(user)
    if personal.language_known or code is None:
        return
    personal.language = code
    personal.language_known = True
    personal.save(update_fields=["language", "language_known"])


def choose_language(*, user: AbstractBaseUser, language: str) -> None:
    """The language the person picked for the pages is the one their e-mails use too."""
    code = _site_language(language)
    if code is None:
        return
    personal = settings_of(user)
    personal.language = code
    personal.language_known = True
    personal.save(update_fields=["language", "language_known"])


def new_calendar_token(*, user: AbstractBaseUser) -> str:
    """Replace the person's calendar subscription token; the old link stops working."""
    personal = settings_of(user)
    personal.calendar_token = new_token()
    personal.save(update_fields=["calendar_token"])
    return personal.calendar_token
