from datetime import datetime, timedelta, timezone

from matchfair.core import (
    Event,
    EventInfo,
    MeetingRequest,
    Organization,
    Session,
    Window,
    accepted_meetings,
    requested_meetings,
    session_slots,
    window_contains,
)

TZ = timezone(timedelta(hours=8))


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, 18, hour, minute, tzinfo=TZ)


def test_session_is_cut_into_slots_with_gaps_and_a_partial_slot_is_dropped():
    session = Session(id="s", start=_at(14), end=_at(16), slot_minutes=20, gap_minutes=5)
    slots = session_slots(session)
    assert [(s.start, s.end) for s in slots] == [
        (_at(14, 0), _at(14, 20)),
        (_at(14, 25), _at(14, 45)),
        (_at(14, 50), _at(15, 10)),
        (_at(15, 15), _at(15, 35)),
        (_at(15, 40), _at(16, 0)),
    ]
    assert [s.index for s in slots] == [0, 1, 2, 3, 4]
    assert session_slots(session.model_copy(update={"end": _at(15, 59)}))[-1].index == 3


def test_slot_is_available_only_when_wholly_inside_one_window():
    slots = session_slots(Session(id="s", start=_at(14), end=_at(15), slot_minutes=20))
    windows = [Window(start=_at(14), end=_at(14, 30))]
    assert [window_contains(windows, s) for s in slots] == [True, False, False]
    assert all(window_contains(None, s) for s in slots)


def _event(requests: list[MeetingRequest]) -> Event:
    return Event(
        event=EventInfo(
            id="e",
            name="E",
            sessions=[
                Session(id="d1", start=_at(9), end=_at(12), slot_minutes=20),
                Session(id="d2", start=_at(14), end=_at(17), slot_minutes=20),
            ],
        ),
        organizations=[Organization(id=x, name=x) for x in "abc"],
        meeting_requests=requests,
    )


def test_two_requests_for_one_pair_are_one_meeting_with_larger_weight_and_common_sessions():
    event = _event(
        [
            MeetingRequest(**{"from": "b", "to": "a", "weight": 2, "sessions": ["d1", "d2"]}),
            MeetingRequest(**{"from": "a", "to": "b", "weight": 5, "sessions": ["d2"]}),
        ]
    )
    [meeting] = accepted_meetings(event)
    assert (meeting.a, meeting.b, meeting.weight, meeting.sessions) == (
        "a",
        "b",
        5,
        frozenset({"d2"}),
    )


def test_pending_counter_request_does_not_narrow_an_accepted_meeting():
    event = _event(
        [
            MeetingRequest(**{"from": "a", "to": "c", "weight": 1}),
            MeetingRequest(**{"from": "c", "to": "a", "status": "requested", "sessions": ["d1"]}),
            MeetingRequest(**{"from": "b", "to": "c", "status": "declined"}),
        ]
    )
    meetings = requested_meetings(event)
    assert [(m.pair, m.status, m.sessions) for m in meetings] == [
        (("a", "c"), "accepted", None),
        (("b", "c"), "declined", None),
    ]
    assert [m.pair for m in accepted_meetings(event)] == [("a", "c")]
