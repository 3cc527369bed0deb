"""A small published event on its day for the on-the-spot booking tests.

The fair of ``factories.event`` (one session 09:00-12:00 Berlin, 30-minute slots,
4 tables, 4 online rooms) with its schedule published and three organizations on site.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.factories import BERLIN

# 09:40 on the fair's day: the 09:30 slot is running, 10:00 to 11:30 are still to come.
NOW = datetime(2026, 12, 1, 9, 40, tzinfo=BERLIN)


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 12, 1, hour, minute, tzinfo=BERLIN)


@dataclass
class SpotWorld:
    event: Event
    session: Session
    german: Participation
    french: Participation
    chinese: Participation
    nordic: Participation


def spot_world(owner) -> SpotWorld:
    event = factories.event(owner)
    event.schedule_published_at = timezone.now()
    event.save(update_fields=["schedule_published_at"])
    german = factories.german_battery_maker(event)
    french = factories.french_winery(event)
    chinese = factories.participant(
        event, name="Chengdu Battery Works", country="CN", email="chengdu@fair.example"
    )
    for participation, languages in ((german, ["de", "en"]), (french, ["fr", "en"])):
        participation.languages = languages
        participation.save(update_fields=["languages"])
    chinese.languages = ["zh", "en"]
    chinese.save(update_fields=["languages"])
    nordic = factories.participant(
        event, name="Nordic Wind AS", country="NO", email="nordic@fair.example"
    )
    nordic.languages = ["no", "en"]
    nordic.save(update_fields=["languages"])
    return SpotWorld(
        event=event,
        session=Session.objects.get(event=event, code="day1"),
        german=german,
        french=french,
        chinese=chinese,
        nordic=nordic,
    )


def taken(world: SpotWorld, a: Participation, b: Participation, start: datetime, table: str):
    """A published meeting already at ``table`` (what a run left there)."""
    return Meeting.objects.create(
        event=world.event,
        a=a,
        b=b,
        session=world.session,
        start=start,
        end=start + timedelta(minutes=30),
        location=table,
        online=False,
        published=True,
    )
