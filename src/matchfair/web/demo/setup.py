"""``matchfair demo``'s data: the generated event in the database, scheduled, with logins.

Run once per database: a second ``matchfair demo`` finds the event and reuses it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from matchfair import core
from matchfair.web.demo.catalogue import AGENDA
from matchfair.web.demo.generate import DEMO_CODE, at, demo_event
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.eventday.domain.waitlists import sign_up
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import add_outcomes, import_event
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import run_job
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit

DEMO_PASSWORD = "matchfair-demo"
ORGANIZER = "organizer"
PARTICIPANTS = (("tegnology", "tegnology"), ("yongxing", "yongxing-lab"))
SCHEDULE_SECONDS = 20


@dataclass(frozen=True)
class DemoEvent:
    event: Event
    organizer: str
    participants: list[tuple[str, str]]
    """(login, organization name) of each participant account."""


class DemoError(RuntimeError):
    """The demo could not be built (its scheduling run failed); the message says why."""


def _user(username: str, **fields: object) -> AbstractBaseUser:
    users = get_user_model()
    user = users.objects.filter(username=username).first()
    if user is None:
        user = users.objects.create_user(username=username, password=DEMO_PASSWORD, **fields)
    return user


def _logins(event: Event) -> DemoEvent:
    participants = []
    for username, code in PARTICIPANTS:
        participation = Participation.objects.select_related("organization").get(
            event=event, code=code
        )
        user = _user(username, first_name=participation.organization.name[:150])
        Delegate.objects.get_or_create(
            user=user, defaults={"organization": participation.organization}
        )
        participants.append((username, participation.organization.name))
    return DemoEvent(event=event, organizer=ORGANIZER, participants=participants)


@transaction.atomic
def _agenda(event: Event) -> None:
    for kind, title, start, end, place, capacity in AGENDA:
        item = add_agenda_item(
            event=event,
            kind=kind,
            title=title,
            start=at(start),
            end=at(end),
            place=place,
            capacity=capacity,
        )
        if kind == "site-visit":
            for participation in event.participations.filter(group="nordic")[:6]:
                sign_up(item=item, participation=participation)


def _outcomes(event: Event) -> core.Outcomes:
    """What came of a few held meetings, as the press release tells it."""
    meetings = list(
        Meeting.objects.filter(event=event).select_related("a", "b").order_by("start", "pk")[:6]
    )
    results = ("intention", "follow-up", "intention", "agreement", "no-fit", "follow-up")
    outcomes = [
        core.MeetingOutcome(
            a=m.a.code,
            b=m.b.code,
            start=m.start,
            status="held",
            feedback=[core.Feedback(by=m.a.code, result=result)],
        )
        for m, result in zip(meetings, results, strict=False)
    ]
    return core.Outcomes(
        meetings=outcomes,
        agreements=[
            core.Agreement(
                id="pv-joint-development",
                parties=["tsinghua-energy", "tegnology"],
                type="joint-research",
                status="intention",
                title="Joint development of technologies for the photovoltaic energy industry",
                value=core.Money(amount=Decimal("2000000"), currency="EUR"),
                date=date(2024, 11, 18),
            ),
            core.Agreement(
                id="ar-vr-rd",
                parties=["huati-lighting", "haaga-helia"],
                type="joint-research",
                status="intention",
                title="Joint R&D and applications in AR/VR technology",
                date=date(2024, 11, 18),
            ),
        ],
    )


def ensure_demo() -> DemoEvent:
    """The demo event, created, scheduled by the scheduling engine and published the first time."""
    existing = Event.objects.filter(code=DEMO_CODE).order_by("pk").first()
    if existing is not None:
        return _logins(existing)
    organizer = _user(ORGANIZER, is_staff=True, first_name="Demo", last_name="Organizer")
    event = import_event(demo_event(), organizers=[organizer])
    _agenda(event)
    job = run_job(
        start_job(
            event=event,
            kind=Job.Kind.SCHEDULE,
            user=organizer,
            options={"time_limit": SCHEDULE_SECONDS},
        ).pk
    )
    if job.status != Job.Status.SUCCEEDED:
        event.delete()
        raise DemoError(job.error)
    publish_schedule(event=event)
    notify_agenda_changes_on_commit(event=event)
    add_outcomes(event, _outcomes(event))
    return _logins(event)
