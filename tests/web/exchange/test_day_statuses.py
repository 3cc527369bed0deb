"""Meetings cancelled or missed on the day travel in the event file and come back the same.

On the day a cancelled meeting or a no-show leaves the live schedule (``meetings``)
and stays only as an outcome with its status; export -> import -> export keeps those
statuses, the pairs and the starts, so a report made from a re-imported file counts
the same held, no-show and cancelled meetings.
"""

import json

import pytest

from matchfair.core import dump_document, parse_event
from matchfair.outcomes import event_figures
from matchfair.web.exchange.from_database import export_event
from matchfair.web.exchange.to_database import import_event
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web.documents import SESSION_START, full_event_data

pytestmark = pytest.mark.django_db

LATER = "2024-11-18T14:25:00+08:00"
LATEST = "2024-11-18T14:50:00+08:00"


def _day_event_data() -> dict:
    data = full_event_data()
    data["outcomes"]["meetings"] += [
        {"a": "smart-eye", "b": "tegnology", "start": LATER, "status": "cancelled"},
        {"a": "smart-eye", "b": "tsinghua-energy", "start": LATEST, "status": "no-show"},
        {"a": "tsinghua-energy", "b": "tegnology", "start": LATEST, "status": "cancelled"},
    ]
    return data


def _statuses(document: dict) -> list[tuple[str, str, str, str]]:
    return [(m["a"], m["b"], m["start"], m["status"]) for m in document["outcomes"]["meetings"]]


def test_cancelled_and_no_show_statuses_survive_export_import_export():
    first = import_event(parse_event(_day_event_data(), "day.json"))
    stored = MeetingOutcome.objects.filter(event=first)
    assert sorted(stored.values_list("status", flat=True)) == [
        "cancelled",
        "cancelled",
        "held",
        "no-show",
    ]
    exported = dump_document(export_event(first))
    assert _statuses(exported) == [
        ("tegnology", "tsinghua-energy", SESSION_START, "held"),
        ("smart-eye", "tegnology", LATER, "cancelled"),
        ("smart-eye", "tsinghua-energy", LATEST, "no-show"),
        ("tsinghua-energy", "tegnology", LATEST, "cancelled"),
    ]
    first.delete()
    second = import_event(parse_event(exported, "again.json"))
    again = dump_document(export_event(second))
    assert json.dumps(again["outcomes"]) == json.dumps(exported["outcomes"])


def test_a_reimported_file_reports_the_same_day_figures():
    first = import_event(parse_event(_day_event_data(), "day.json"))
    exported = export_event(first)
    figures = event_figures(exported)
    assert (figures.meetings_held, figures.meetings_no_show, figures.meetings_cancelled) == (
        1,
        1,
        2,
    )
    first.delete()
    again = event_figures(export_event(import_event(parse_event(dump_document(exported), "x"))))
    assert (again.meetings_held, again.meetings_no_show, again.meetings_cancelled) == (1, 1, 2)
