"""Interpreters from a spreadsheet: added or changed by id with the pages' rules, every
refused row named by row and column, and nothing written when any is refused."""

import pytest

from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.reading import read_table
from matchfair.web.events.models import Interpreter
from matchfair.web.exchange.interpreter_sheet import import_interpreters
from tests.web.factories import World, xlsx_bytes

pytestmark = pytest.mark.django_db
HEADERS = ["Interpreter id", "Languages", "Available times"]


def sheet(*rows: list[str]):
    return read_table("interpreters.xlsx", xlsx_bytes([HEADERS, *rows]))


def test_new_ids_are_added_and_known_ones_changed(world: World):
    summary = import_interpreters(
        world.event,
        sheet(["da-zh", "da, zh", "2024-11-19 09:00-10:00"], ["interp-1", "zh, en, da", ""]),
    )
    assert (summary.added, summary.changed) == (1, 1)
    added = Interpreter.objects.get(event=world.event, code="da-zh")
    assert added.availability == [
        {"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T10:00:00+08:00"}
    ]
    changed = Interpreter.objects.get(event=world.event, code="interp-1")
    assert (changed.languages, changed.availability) == (["zh", "en", "da"], None)


def test_every_refused_row_is_named_and_nothing_is_written(world: World):
    with pytest.raises(SpreadsheetImportError) as raised:
        import_interpreters(
            world.event,
            sheet(
                ["ok", "da, zh", ""],
                ["one-language", "zh", ""],
                ["bad-time", "da, zh", "tomorrow"],
                ["ok", "de, fr", ""],
                ["interp-1", "de, fr", ""],
            ),
        )
    assert [(issue.row, issue.field) for issue in raised.value.issues] == [
        (3, "Languages"),
        (4, "Available times"),
        (5, "Interpreter id"),
        (6, "Languages"),
    ]
    assert "published meeting" in raised.value.issues[-1].message
    assert list(Interpreter.objects.filter(event=world.event).values_list("code", flat=True)) == [
        "interp-1"
    ]
    assert Interpreter.objects.get(event=world.event, code="interp-1").languages == ["zh", "en"]


def test_a_sheet_without_the_languages_column_is_refused():
    from tests.web.factories import make_event

    event = make_event()
    table = read_table("x.xlsx", xlsx_bytes([["Interpreter id"], ["a"]]))
    with pytest.raises(SpreadsheetImportError) as raised:
        import_interpreters(event, table)
    assert [(i.row, i.field) for i in raised.value.issues] == [(1, "Languages")]
