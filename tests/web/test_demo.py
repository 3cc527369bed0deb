"""The demo event: the field the press release describes, scheduled by the engine, with logins."""

import pytest
from django.contrib.auth import authenticate

from matchfair.core import dump_document, parse_event
from matchfair.web.demo import setup
from matchfair.web.demo.generate import demo_event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.models import Agreement


def test_the_demo_event_is_a_valid_chengdu_nordic_dialogue():
    event = demo_event()
    assert parse_event(dump_document(event)) == event
    groups = [o.group for o in event.organizations]
    assert (groups.count("nordic"), groups.count("chengdu")) == (15, 82)
    languages = {o.languages[0] for o in event.organizations}
    assert {"zh", "en", "da", "fi", "sv", "no", "is"} <= languages | {
        language for o in event.organizations for language in o.languages
    }
    assert any(r.mandatory for r in event.meeting_requests)
    tegnology = event.organization("tegnology")
    assert (tegnology.nace, tegnology.sectors) == (["D"], ["energy"])
    assert sum(1 for o in event.organizations if o.nace) > 80
    assert demo_event() == event  # generated deterministically


@pytest.mark.django_db
def test_ensure_demo_schedules_publishes_and_is_idempotent(monkeypatch):
    monkeypatch.setattr(setup, "SCHEDULE_SECONDS", 2)
    first = setup.ensure_demo()
    meetings = Meeting.objects.filter(event=first.event)
    assert meetings.count() > 50
    assert not meetings.filter(published=False).exists()
    assert Agreement.objects.filter(event=first.event).count() == 2
    assert authenticate(username="organizer", password=setup.DEMO_PASSWORD) is not None
    assert authenticate(username="yongxing", password=setup.DEMO_PASSWORD) is not None

    again = setup.ensure_demo()
    assert again.event == first.event
    assert again.participants == first.participants
