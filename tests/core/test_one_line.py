"""Ids and names of an event file are one line: a CR or LF there would reach headers and file names."""

import json
from pathlib import Path

import jsonschema
import pytest

from matchfair.core import FormatError, json_schema, parse_event
from matchfair.i18n import use_language


def _example(examples: Path) -> dict:
    return json.loads((examples / "event.json").read_text(encoding="utf-8"))


def _messages(data: dict) -> list[str]:
    with pytest.raises(FormatError) as caught:
        parse_event(data, "bad.json")
    return [str(issue) for issue in caught.value.issues]


def test_control_characters_in_ids_and_names_are_refused_with_their_path(examples: Path):
    data = _example(examples)
    data["event"]["id"] = "nordic-2024\r\nSet-Cookie: x=1"
    data["event"]["name"] = "Nordic\nDialogue"
    data["event"]["sessions"][0]["id"] = "day1\x00pm"
    data["organizations"][0]["name"] = "TEGnology\u202egpj.exe"
    assert _messages(data) == [
        "event.id: contains the control character U+000D; ids and names must be one line",
        "event.name: contains the control character U+000A; ids and names must be one line",
        "event.sessions[0].id: contains the control character U+0000; "
        "ids and names must be one line",
        "organizations[0].name: contains the control character U+202E; "
        "ids and names must be one line",
    ]


def test_an_organization_id_with_a_line_break_is_refused(examples: Path):
    data = _example(examples)
    old = data["organizations"][0]["id"]
    data["organizations"][0]["id"] = old + "\u2028"
    messages = _messages(data)
    assert messages[0] == (
        "organizations[0].id: contains the control character U+2028; ids and names must be one line"
    )


def test_the_refusal_is_translated(examples: Path):
    data = _example(examples)
    data["event"]["name"] = "Nordic\tDialogue"
    with use_language("de"):
        (message,) = _messages(data)
    assert message.startswith("event.name: ")
    assert "U+0009" in message
    assert "control character" not in message


def test_names_in_any_script_with_their_marks_stay_allowed(examples: Path):
    data = _example(examples)
    data["event"]["name"] = "成都–北欧 Dialogue \u200fשלום\u200f"
    data["organizations"][0]["name"] = "नमस्ते\u200d Ltd"
    assert parse_event(data).event.name == data["event"]["name"]


def test_the_schema_carries_the_rule(examples: Path):
    schema = json_schema("event")
    data = _example(examples)
    jsonschema.validate(data, schema)
    data["event"]["id"] = "a\nb"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
