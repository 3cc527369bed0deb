"""Small random events for the scheduling tests (hypothesis strategies) and a fixed example."""

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from matchfair.core import Event, parse_event

DAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LANGUAGES = [["en"], ["zh"], ["fi"], ["en", "zh"], []]


def _iso(moment: datetime) -> str:
    return moment.isoformat()


@st.composite
def event_documents(draw: st.DrawFn, max_orgs: int = 6, max_slots: int = 4) -> dict[str, Any]:
    """An event file as a JSON value: 1-2 sessions, a few organizations and requests."""
    sessions = []
    for number in range(draw(st.integers(1, 2))):
        start = DAY + timedelta(hours=4 * number)
        slots = draw(st.integers(1, max_slots))
        sessions.append(
            {
                "id": f"s{number}",
                "start": _iso(start),
                "end": _iso(start + timedelta(minutes=20 * slots)),
                "slot_minutes": 20,
                "mode": draw(st.sampled_from(["hybrid", "hybrid", "onsite", "online"])),
            }
        )
    count = draw(st.integers(2, max_orgs))
    organizations = []
    for number in range(count):
        organization: dict[str, Any] = {
            "id": f"o{number}",
            "name": f"Org {number}",
            "languages": draw(st.sampled_from(LANGUAGES)),
            "attendance": draw(st.sampled_from(["onsite", "onsite", "online"])),
            "delegates": draw(st.sampled_from([1, 1, 1, 2])),
        }
        if draw(st.booleans()):
            session = draw(st.sampled_from(sessions))
            organization["availability"] = [
                {
                    "start": session["start"],
                    "end": _iso(datetime.fromisoformat(session["start"]) + timedelta(minutes=40)),
                }
            ]
        organizations.append(organization)
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)).filter(
                lambda pair: pair[0] != pair[1]
            ),
            max_size=8,
        )
    )
    requests = []
    for first, second in pairs:
        request: dict[str, Any] = {
            "from": f"o{first}",
            "to": f"o{second}",
            "weight": draw(st.integers(1, 3)),
            "status": draw(st.sampled_from(["accepted", "accepted", "accepted", "requested"])),
            "mandatory": draw(st.booleans()) and draw(st.booleans()),
        }
        if draw(st.booleans()) and draw(st.booleans()):
            request["sessions"] = [draw(st.sampled_from(sessions))["id"]]
        requests.append(request)
    interpreters = []
    if draw(st.booleans()):
        interpreters.append({"id": "i0", "languages": ["en", "zh"]})
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": "random",
            "name": "Random event",
            "sessions": sessions,
            "tables": draw(st.sampled_from([None, 1, 2])),
            "online_rooms": draw(st.sampled_from([None, 1])),
        },
        "organizations": organizations,
        "meeting_requests": requests,
        "interpreters": interpreters,
    }


def events(max_orgs: int = 6, max_slots: int = 4) -> st.SearchStrategy[Event]:
    return event_documents(max_orgs, max_slots).map(parse_event)
