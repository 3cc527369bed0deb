"""meetings.queries: slots, table order, an organization's agenda and suggested pairs."""

from datetime import datetime

import pytest
from django.test import override_settings

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.models import Meeting, MeetingRequest, Recommendation
from matchfair.web.meetings.queries import (
    organization_agenda,
    session_slots,
    suggested_pairs,
    table_order,
)

pytestmark = pytest.mark.django_db


def test_a_stored_session_is_cut_into_the_slots_the_scheduler_uses(event):
    slots = session_slots(event.sessions.get(code="day1-pm"))

    assert [slot.start.isoformat() for slot in slots] == [
        "2024-11-18T06:00:00+00:00",
        "2024-11-18T06:25:00+00:00",
        "2024-11-18T06:50:00+00:00",
        "2024-11-18T07:15:00+00:00",
        "2024-11-18T07:40:00+00:00",
    ]


def test_tables_sort_by_their_number_not_their_text():
    assert sorted(["table-10", "table-2", "hall"], key=table_order) == [
        "hall",
        "table-2",
        "table-10",
    ]


@override_settings(MATCHFAIR_ONLINE_ROOM_URL="https://rooms.example/{room}")
def test_an_agenda_lists_published_meetings_with_partner_and_room_in_time_order(event):
    tegnology = Participation.objects.get(event=event, code="tegnology")
    online = event.sessions.get(code="day2-online")
    draft = Meeting.objects.create(
        event=event,
        a=Participation.objects.get(event=event, code="smart-eye"),
        b=tegnology,
        session=online,
        start=online.start,
        end=datetime.fromisoformat("2024-11-19T09:30:00+08:00"),
        online=True,
    )

    published = organization_agenda(tegnology)
    preview = organization_agenda(tegnology, published_only=False)

    assert [(e.title, e.place, e.interpreter) for e in published] == [
        ("清华四川能源互联网研究院", "table-1", "interp-1")
    ]
    assert [e.title for e in preview] == ["清华四川能源互联网研究院", "Smart Eye"]
    assert preview[1].link.startswith(f"https://rooms.example/{event.pk}-{draft.pk}-")


def test_suggested_pairs_leave_out_pairs_already_requested_and_repeat_none(event):
    sides = {p.code: p for p in Participation.objects.filter(event=event)}
    requested = MeetingRequest.objects.get(event=event, requester=sides["smart-eye"])
    assert requested.recipient == sides["tsinghua-energy"]
    Recommendation.objects.bulk_create(
        [
            Recommendation(
                event=event,
                participation=sides[a],
                partner=sides[b],
                score=score,
                reasons=["energy"],
            )
            for a, b, score in [
                ("tsinghua-energy", "smart-eye", 0.99),
                ("smart-eye", "tegnology", 0.9),
                ("tegnology", "smart-eye", 0.8),
            ]
        ]
    )

    pairs = suggested_pairs(event)

    assert [(p.first.code, p.second.code, p.score) for p in pairs] == [
        ("smart-eye", "tegnology", 0.9)
    ]
