"""A small bilingual event for the portal tests: a German, a French and a Chinese organization."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.events.domain.events import create_event
from matchfair.web.events.domain.programme import add_session
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.participants import Registration, register, save_opportunity

PASSWORD = "Pr0file-and-agenda!"
BERLIN = ZoneInfo("Europe/Berlin")


def organizer(username: str = "organizer") -> AbstractBaseUser:
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, is_staff=True, email=f"{username}@fair.example"
    )


def event(owner: AbstractBaseUser, name: str = "EU-China Cooperation Fair 2026") -> Event:
    created = create_event(
        name=name, code="", timezone="Europe/Berlin", organizer=owner, tables=4, online_rooms=4
    )
    add_session(
        event=created,
        code="day1",
        start=datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 12, 0, tzinfo=BERLIN),
        slot_minutes=30,
    )
    return created


def participant(
    in_event: Event,
    *,
    name: str,
    country: str,
    email: str,
    timezone: str = "UTC",
    language: str = "en",
    attendance: str = "onsite",
    kind: str = "company",
) -> Participation:
    """Register an organization with one delegate, as the sign-up page does."""
    delegate = register(
        event=in_event,
        registration=Registration(
            organization_name=name,
            country=country,
            kind=kind,
            attendance=attendance,
            first_name=name.split()[0],
            last_name="Delegate",
            email=email,
            password=PASSWORD,
            timezone=timezone,
            language=language,
        ),
    )
    return Participation.objects.get(event=in_event, organization=delegate.organization)


def user_of(participation: Participation) -> AbstractBaseUser:
    return Delegate.objects.filter(organization=participation.organization).first().user


def german_battery_maker(in_event: Event) -> Participation:
    maker = participant(
        in_event,
        name="Sonnenwerk GmbH",
        country="DE",
        email="anna@sonnenwerk.example",
        timezone="Europe/Berlin",
        language="de",
    )
    maker.description = "Wir entwickeln Batteriespeicher für Solaranlagen."
    maker.sectors = ["energy"]
    maker.save()
    save_opportunity(
        participation=maker,
        opportunity=None,
        kind="offer",
        type="technology",
        title="Batteriespeicher für Photovoltaik",
        description="Lithium-Speichersysteme für Solarparks.",
        sectors=["energy"],
    )
    return maker


def french_winery(in_event: Event) -> Participation:
    winery = participant(
        in_event,
        name="Vignoble Exportateur",
        country="FR",
        email="paul@vignoble.example",
        timezone="Europe/Paris",
        language="fr",
        attendance="online",
    )
    save_opportunity(
        participation=winery,
        opportunity=None,
        kind="request",
        type="commercial",
        title="Distributeurs de vin en Chine",
        description="Nous cherchons des importateurs de vin.",
        sectors=["food"],
    )
    return winery
