"""``--keep`` matches the kept meetings of a slot to its interpreters as people, not a count."""

from matchfair.core import Schedule, ScheduledMeeting, parse_event
from matchfair.scheduling import SolveOptions, schedule_event, validate_schedule

START = "2026-11-23T09:00:00+00:00"
END = "2026-11-23T09:20:00+00:00"


def _event(interpreters: list[dict]) -> dict:
    """One slot, two meetings that need interpreters: zh-en and zh-de."""
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": "pair-of-interpreters",
            "name": "Two interpreters",
            "sessions": [{"id": "s", "start": START, "end": END, "slot_minutes": 20}],
        },
        "organizations": [
            {"id": "a-zh", "name": "A", "languages": ["zh"]},
            {"id": "b-en", "name": "B", "languages": ["en"]},
            {"id": "c-zh", "name": "C", "languages": ["zh"]},
            {"id": "d-de", "name": "D", "languages": ["de"]},
        ],
        "meeting_requests": [
            {"from": "a-zh", "to": "b-en", "status": "accepted"},
            {"from": "c-zh", "to": "d-de", "status": "accepted"},
        ],
        "interpreters": interpreters,
    }


def _published(a: str, b: str, interpreter: str, table: str) -> ScheduledMeeting:
    return ScheduledMeeting.model_validate(
        {
            "a": a,
            "b": b,
            "session": "s",
            "start": START,
            "end": END,
            "location": table,
            "online": False,
            "interpreter": interpreter,
        }
    )


# The first interpreter speaks all three languages, the second only zh and en: the only
# valid assignment gives the zh-de meeting the first one.
BOTH_VALID = [
    {"id": "all-three", "languages": ["zh", "en", "de"]},
    {"id": "zh-en-only", "languages": ["zh", "en"]},
]


def test_a_valid_published_schedule_is_kept_whole_with_its_interpreters():
    event = parse_event(_event(BOTH_VALID))
    published = Schedule(
        event=event.event.id,
        meetings=[
            _published("a-zh", "b-en", "zh-en-only", "table-1"),
            _published("c-zh", "d-de", "all-three", "table-2"),
        ],
    )
    assert validate_schedule(event, published) == []

    outcome = schedule_event(event, SolveOptions(time_limit=5, seed=0), published=published)

    assert outcome.released == []
    assert [(m.a, m.b, m.interpreter, m.location) for m in outcome.schedule.meetings] == [
        (m.a, m.b, m.interpreter, m.location) for m in published.meetings
    ]


def test_kept_meetings_are_rematched_when_an_interpreter_leaves_a_slot():
    """The interpreter of a published meeting is gone; another one takes it over."""
    interpreters = [
        {"id": "all-three", "languages": ["zh", "en", "de"]},
        {"id": "zh-en-only", "languages": ["zh", "en"], "availability": []},
        {"id": "zh-en-new", "languages": ["zh", "en"]},
    ]
    event = parse_event(_event(interpreters))
    published = Schedule(
        event=event.event.id,
        meetings=[
            _published("a-zh", "b-en", "zh-en-only", "table-1"),
            _published("c-zh", "d-de", "all-three", "table-2"),
        ],
    )

    outcome = schedule_event(event, SolveOptions(time_limit=5, seed=0), published=published)

    assert outcome.released == []
    assert validate_schedule(event, outcome.schedule) == []
    assert {(m.a, m.interpreter) for m in outcome.schedule.meetings} == {
        ("a-zh", "zh-en-new"),
        ("c-zh", "all-three"),
    }
