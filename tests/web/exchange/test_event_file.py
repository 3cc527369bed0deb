"""The event file in and out of the database: nothing lost, the directory shared by editions."""

import json

import pytest

from matchfair.core import dump_document, parse_event
from matchfair.web.directory.domain.identity import OPERATOR
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.exchange.to_database import import_event
from tests.web.documents import full_event

pytestmark = pytest.mark.django_db


def test_import_export_import_gives_the_same_event():
    original = full_event()
    first = import_event(original)
    exported = export_event(first)
    assert exported == original
    first.delete()  # a second event with the file's id would get a free slug, nordic-2024-2
    second = import_event(parse_event(dump_document(exported)))
    again = export_event(second)
    assert json.dumps(dump_document(again)) == json.dumps(dump_document(exported))


def test_exported_times_are_in_the_event_time_zone():
    event = import_event(full_event())
    exported = dump_document(export_event(event))
    assert exported["event"]["sessions"][0]["start"] == "2024-11-18T14:00:00+08:00"
    assert exported["meetings"][0]["end"] == "2024-11-18T14:20:00+08:00"


def test_an_organization_is_one_directory_entry_across_editions():
    # The operator's imports (the command line) answer for every event; an organizer's
    # reuse only their own events' entries (tests/web/directory/test_organization_identity.py).
    import_event(full_event(), standing=OPERATOR)
    import_event(full_event(), standing=OPERATOR)
    assert Organization.objects.filter(name="TEGnology").count() == 1
    assert Participation.objects.filter(organization__name="TEGnology").count() == 2


def test_an_event_without_a_published_schedule_exports_without_meetings():
    document = full_event().model_copy(update={"meetings": None, "outcomes": None})
    exported = export_event(import_event(document))
    assert exported.meetings is None
    assert exported.outcomes is None


def test_the_schedule_export_lists_every_meeting_of_the_event():
    event = import_event(full_event())
    schedule = export_schedule(event)
    assert [(m.a, m.b, m.location) for m in schedule.meetings] == [
        ("tegnology", "tsinghua-energy", "table-1")
    ]
    assert schedule.event == "nordic-2024"


def test_sections_and_folded_keywords_travel_through_the_event_file():
    data = dump_document(full_event())
    data["organizations"][0]["nace"] = ["d", "M"]
    data["organizations"][0]["sectors"] = ["Circular Economy", "circular-economy"]
    data["opportunities"][0]["nace"] = ["C"]
    event = import_event(parse_event(data))
    stored = Participation.objects.get(event=event, code=data["organizations"][0]["id"])
    assert (stored.nace, stored.sectors) == (["D", "M"], ["circular-economy"])
    exported = dump_document(export_event(event))
    assert exported["organizations"][0]["nace"] == ["D", "M"]
    assert exported["opportunities"][0]["nace"] == ["C"]
    assert "nace" not in exported["organizations"][1]
