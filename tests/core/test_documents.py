import json
from pathlib import Path

import pytest

from matchfair.core import (
    Event,
    FormatError,
    dump_document,
    parse_event,
    parse_recommendations,
    parse_schedule,
    read_event,
    read_recommendations,
    read_schedule,
    write_document,
)

READERS = {
    "event.json": (read_event, parse_event),
    "schedule.json": (read_schedule, parse_schedule),
    "recommendations.json": (read_recommendations, parse_recommendations),
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_spec_example_reads_and_round_trips(examples: Path, name: str, tmp_path: Path):
    read, parse = READERS[name]
    document = read(examples / name)
    write_document(tmp_path / name, document)
    written = json.loads((tmp_path / name).read_text(encoding="utf-8"))
    assert parse(written) == document
    assert written == json.loads((examples / name).read_text(encoding="utf-8"))


def _example(examples: Path) -> dict:
    return json.loads((examples / "event.json").read_text(encoding="utf-8"))


def _messages(data: dict) -> list[str]:
    with pytest.raises(FormatError) as caught:
        parse_event(data, "bad.json")
    return [str(issue) for issue in caught.value.issues]


def test_bad_country_names_the_json_path(examples: Path):
    data = _example(examples)
    data["organizations"][3]["country"] = "XX"
    assert _messages(data) == ["organizations[3].country: 'XX' is not an ISO 3166-1 code"]


def test_all_errors_of_a_file_are_reported_at_once(examples: Path):
    data = _example(examples)
    data["organizations"][0]["colour"] = "blue"
    data["organizations"][1]["languages"] = ["english"]
    data["event"]["sessions"][0]["start"] = "2024-11-18T14:00:00"
    data["meeting_requests"][0]["weight"] = 0
    data["opportunities"][0]["organization"] = "nobody"
    data["interpreters"].append({"id": "interp-zh-en", "languages": ["zh", "fi"]})
    messages = _messages(data)
    assert "organizations[0]: unknown key 'colour'" in messages
    assert "organizations[1].languages[0]: 'english' is not an ISO 639-1 code" in messages
    assert any(
        m.startswith("event.sessions[0].start: '2024-11-18T14:00:00' has no UTC offset")
        for m in messages
    )
    assert any(m.startswith("meeting_requests[0].weight: ") for m in messages)
    assert "opportunities[0].organization: 'nobody' is not the id of any organization" in messages
    assert (
        "interpreters[1].id: duplicate id 'interp-zh-en' (first used at interpreters[0])"
        in messages
    )
    assert len(messages) == 6


def test_session_whose_slot_does_not_fit_is_rejected(examples: Path):
    data = _example(examples)
    data["event"]["sessions"][0]["slot_minutes"] = 180
    assert _messages(data) == [
        "event.sessions[0]: a 180-minute slot does not fit in this 120-minute session"
    ]


def test_dangling_session_and_self_request_are_rejected(examples: Path):
    data = _example(examples)
    data["meeting_requests"][0]["sessions"] = ["day9"]
    data["meeting_requests"][1]["to"] = data["meeting_requests"][1]["from"]
    assert _messages(data) == [
        "meeting_requests[0].sessions[0]: 'day9' is not the id of any session",
        "meeting_requests[1]: an organization cannot request a meeting with itself",
    ]


def test_unknown_format_version_is_named(examples: Path):
    data = _example(examples)
    data["format"] = "matchfair-event/9"
    assert _messages(data) == [
        "format: 'matchfair-event/9' is not a format this version reads ('matchfair-event/1')"
    ]


def test_missing_required_key_is_named(examples: Path):
    data = _example(examples)
    del data["organizations"][2]["name"]
    assert _messages(data) == ["organizations[2]: missing key 'name'"]


def test_reading_a_missing_file_names_it(tmp_path: Path):
    with pytest.raises(FormatError) as caught:
        read_event(tmp_path / "nope.json")
    assert str(caught.value) == f"{tmp_path / 'nope.json'}: no such file"


def test_reading_broken_json_gives_line_and_column(tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "matchfair-event/1",\n "event": }', encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_event(path)
    assert "line 2, column 11" in str(caught.value)


def test_outcomes_with_money_round_trip(examples: Path):
    data = _example(examples)
    data["outcomes"] = {
        "meetings": [
            {
                "a": "tegnology",
                "b": "tsinghua-energy",
                "start": "2024-11-18T14:00:00+08:00",
                "status": "held",
                "feedback": [{"by": "tegnology", "result": "intention", "note": "PV pilot"}],
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
    }
    event = parse_event(data)
    assert dump_document(event)["outcomes"] == data["outcomes"]


def test_bad_currency_and_dangling_party_are_reported(examples: Path):
    data = _example(examples)
    data["outcomes"] = {
        "agreements": [
            {
                "id": "agr-1",
                "parties": ["tegnology", "ghost"],
                "type": "investment",
                "status": "signed",
                "title": "x",
                "value": {"amount": 5, "currency": "EUX"},
            }
        ]
    }
    assert _messages(data) == [
        "outcomes.agreements[0].value.currency: 'EUX' is not an ISO 4217 code",
        "outcomes.agreements[0].parties[1]: 'ghost' is not the id of any organization",
    ]


def test_written_file_is_replaced_atomically(examples: Path, tmp_path: Path):
    target = tmp_path / "event.json"
    target.write_text("old", encoding="utf-8")
    write_document(target, read_event(examples / "event.json"))
    assert isinstance(read_event(target), Event)
    assert [p.name for p in tmp_path.iterdir()] == ["event.json"]


def _outcomes_with_history() -> dict:
    return {
        "meetings": [],
        "agreements": [
            {
                "id": "agr-1",
                "parties": ["tsinghua-energy", "tegnology"],
                "type": "investment",
                "status": "implemented",
                "title": "Branch in Tianfu New Area",
                "value": {"amount": 21750000000, "currency": "CNY"},
                "date": "2024-11-18",
                "history": [
                    {"status": "intention", "date": "2024-11-18"},
                    {"status": "signed", "date": "2025-03-02", "note": "signed online"},
                    {"status": "implemented", "date": "2025-06-30", "note": "branch opened"},
                ],
                "confirmed_by": ["tsinghua-energy", "tegnology"],
                "meetings": [
                    {"a": "tegnology", "b": "tsinghua-energy", "start": "2024-11-18T14:00:00+08:00"}
                ],
            }
        ],
        "rates": {"base": "CNY", "rates": {"EUR": 7.6213}, "date": "2024-11-18"},
        "projects": [
            {
                "id": "proj-1",
                "host": "huati",
                "title": "智慧灯杆示范区",
                "sector": "lighting",
                "planned_investment": {"amount": 50000000, "currency": "CNY"},
                "interests": [{"by": "haaga-helia", "message": "AR/VR pilot"}],
            }
        ],
    }


def test_agreement_history_rates_and_projects_round_trip(examples: Path):
    data = _example(examples)
    data["outcomes"] = _outcomes_with_history()
    assert dump_document(parse_event(data))["outcomes"] == data["outcomes"]


def test_projects_and_agreement_links_must_name_organizations(examples: Path):
    data = _example(examples)
    data["outcomes"] = _outcomes_with_history()
    data["outcomes"]["agreements"][0]["confirmed_by"][1] = "ghost"
    data["outcomes"]["agreements"][0]["meetings"][0]["b"] = "nobody"
    data["outcomes"]["projects"][0]["interests"][0]["by"] = "phantom"
    data["outcomes"]["projects"].append(dict(data["outcomes"]["projects"][0], host="nowhere"))
    assert _messages(data) == [
        "outcomes.projects[1].id: duplicate id 'proj-1' (first used at outcomes.projects[0])",
        "outcomes.agreements[0].confirmed_by[1]: 'ghost' is not the id of any organization",
        "outcomes.agreements[0].meetings[0].b: 'nobody' is not the id of any organization",
        "outcomes.projects[0].interests[0].by: 'phantom' is not the id of any organization",
        "outcomes.projects[1].host: 'nowhere' is not the id of any organization",
        "outcomes.projects[1].interests[0].by: 'phantom' is not the id of any organization",
    ]
