"""One event with every role in it, and a second event with its own organizer.

The full test event has TEGnology and Tsinghua with an accepted (tailor-made)
request and a published meeting between them, and Smart Eye with a request to
Tsinghua still unanswered. Each organization gets one delegate here; a draft
meeting between Smart Eye and TEGnology stands for an unpublished schedule.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.access.models import EventViewer
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting
from tests.web.factories import make_event


@dataclass(frozen=True)
class World:
    event: Event
    other_event: Event
    organizer: AbstractBaseUser
    other_organizer: AbstractBaseUser
    viewer: AbstractBaseUser
    tegnology: Participation
    tsinghua: Participation
    smart_eye: Participation
    teg_user: AbstractBaseUser
    tsinghua_user: AbstractBaseUser
    smart_eye_user: AbstractBaseUser
    published: Meeting
    draft: Meeting


def person(username: str, *, staff: bool = False) -> AbstractBaseUser:
    """An account without a password (tests log in with force_login: no slow hashing)."""
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        first_name=username.title(),
        is_staff=staff,
    )


def delegate(participation: Participation, username: str) -> AbstractBaseUser:
    user = person(username)
    Delegate.objects.create(user=user, organization=participation.organization, title="CEO")
    return user


def build_world() -> World:
    organizer = person("organizer", staff=True)
    other_organizer = person("other-organizer", staff=True)
    event = make_event(organizer)
    other_event = make_event(other_organizer)
    viewer = person("viewer")
    EventViewer.objects.create(event=event, user=viewer)
    by_code = {p.code: p for p in Participation.objects.filter(event=event)}
    published = Meeting.objects.get(event=event, published=True)
    session = Session.objects.get(event=event, code="day1-pm")
    start = session.start + timedelta(minutes=50)
    draft = Meeting.objects.create(
        event=event,
        a=by_code["smart-eye"],
        b=by_code["tegnology"],
        session=session,
        start=start,
        end=start + timedelta(minutes=20),
        online=True,
        published=False,
    )
    return World(
        event=event,
        other_event=other_event,
        organizer=organizer,
        other_organizer=other_organizer,
        viewer=viewer,
        tegnology=by_code["tegnology"],
        tsinghua=by_code["tsinghua-energy"],
        smart_eye=by_code["smart-eye"],
        teg_user=delegate(by_code["tegnology"], "teg"),
        tsinghua_user=delegate(by_code["tsinghua-energy"], "tsinghua"),
        smart_eye_user=delegate(by_code["smart-eye"], "smarteye"),
        published=published,
        draft=draft,
    )
