"""Event files for the web tests, written out in full so that every field is exercised."""

from matchfair.core import Event, parse_event

SESSION_START = "2024-11-18T14:00:00+08:00"


def full_event_data() -> dict[str, object]:
    """An event that uses every optional part of the format: the round trip must keep all."""
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": "nordic-2024",
            "name": "Chengdu-Europe Industrial Dialogue: Nordic Technology Innovation",
            "timezone": "Asia/Shanghai",
            "sessions": [
                {
                    "id": "day1-pm",
                    "start": SESSION_START,
                    "end": "2024-11-18T16:00:00+08:00",
                    "slot_minutes": 20,
                    "gap_minutes": 5,
                    "mode": "hybrid",
                },
                {
                    "id": "day2-online",
                    "start": "2024-11-19T09:00:00+08:00",
                    "end": "2024-11-19T10:00:00+08:00",
                    "slot_minutes": 30,
                    "mode": "online",
                },
            ],
            "tables": 3,
            "online_rooms": None,
            "match_across_groups": True,
        },
        "organizations": [
            {
                "id": "tegnology",
                "name": "TEGnology",
                "country": "DK",
                "kind": "company",
                "sectors": ["energy"],
                "languages": ["en", "da"],
                "attendance": "onsite",
                "delegates": 2,
                "group": "nordic",
                "availability": [
                    {"start": SESSION_START, "end": "2024-11-18T15:00:00+08:00"},
                    {"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T10:00:00+08:00"},
                ],
                "description": "Thermoelectric generators that turn waste heat into power.",
            },
            {
                "id": "tsinghua-energy",
                "name": "清华四川能源互联网研究院",
                "country": "CN",
                "kind": "research",
                "sectors": ["energy", "photovoltaics"],
                "languages": ["zh"],
                "group": "chengdu",
                "description": "能源互联网与光伏储能技术研究",
            },
            {"id": "smart-eye", "name": "Smart Eye", "attendance": "online"},
        ],
        "opportunities": [
            {
                "id": "teg-1",
                "organization": "tegnology",
                "kind": "offer",
                "type": "technology",
                "title": "Thermoelectric waste-heat recovery",
                "description": "Modules for industrial waste heat.",
                "sectors": ["energy"],
            },
            {
                "id": "ths-1",
                "organization": "tsinghua-energy",
                "kind": "request",
                "type": "research",
                "title": "光伏储能联合研发",
            },
        ],
        "meeting_requests": [
            {
                "from": "tegnology",
                "to": "tsinghua-energy",
                "weight": 3,
                "status": "accepted",
                "mandatory": True,
                "sessions": ["day1-pm"],
            },
            {"from": "smart-eye", "to": "tsinghua-energy", "status": "requested"},
        ],
        "interpreters": [
            {
                "id": "interp-1",
                "languages": ["zh", "en"],
                "availability": [{"start": SESSION_START, "end": "2024-11-18T16:00:00+08:00"}],
            }
        ],
        "meetings": [
            {
                "a": "tegnology",
                "b": "tsinghua-energy",
                "session": "day1-pm",
                "start": SESSION_START,
                "end": "2024-11-18T14:20:00+08:00",
                "location": "table-1",
                "online": False,
                "interpreter": "interp-1",
            }
        ],
        "outcomes": {
            "meetings": [
                {
                    "a": "tegnology",
                    "b": "tsinghua-energy",
                    "start": SESSION_START,
                    "status": "held",
                    "feedback": [
                        {"by": "tegnology", "result": "intention", "note": "joint PV pilot"}
                    ],
                }
            ],
            "agreements": [
                {
                    "id": "agr-1",
                    "parties": ["tsinghua-energy", "tegnology"],
                    "type": "joint-research",
                    "status": "intention",
                    "title": "Photovoltaic efficiency pilot",
                    "value": {"amount": 2000000.5, "currency": "EUR"},
                    "date": "2024-11-18",
                }
            ],
        },
    }


def full_event() -> Event:
    return parse_event(full_event_data(), "full-event.json")
