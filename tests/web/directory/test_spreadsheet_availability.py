"""The spreadsheet's availability column: windows in the event's zone, every bad one named
by row and column with nothing written, and an exported sheet imports its times again."""

import pytest

from matchfair.web.directory.models import Participation
from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.mapping import guess_mapping
from matchfair.web.directory.spreadsheets.reading import read_table
from matchfair.web.directory.spreadsheets.windows import format_windows, parse_windows
from matchfair.web.exchange.spreadsheets import import_rows
from tests.web.factories import make_event, xlsx_bytes

pytestmark = pytest.mark.django_db
HEADERS = ["Organization", "Country", "Available times"]


def import_sheet(event, rows):
    table = read_table("fair.xlsx", xlsx_bytes([HEADERS, *rows]))
    return import_rows(event, table, guess_mapping(table.headers))


def test_windows_in_the_events_zone_are_stored_with_its_offset():
    event = make_event()  # Asia/Shanghai
    import_sheet(
        event,
        [
            ["Nokia", "FI", "2024-11-18 14:00-15:00; 2024-11-19 09:00 – 09:30"],
            ["Ericsson", "SE", ""],
        ],
    )
    nokia = Participation.objects.get(event=event, organization__name="Nokia")
    assert nokia.availability == [
        {"start": "2024-11-18T14:00:00+08:00", "end": "2024-11-18T15:00:00+08:00"},
        {"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T09:30:00+08:00"},
    ]
    assert (
        Participation.objects.get(event=event, organization__name="Ericsson").availability is None
    )


def test_every_bad_window_is_named_by_row_and_column_and_nothing_is_written():
    event = make_event()
    before = Participation.objects.filter(event=event).count()
    with pytest.raises(SpreadsheetImportError) as raised:
        import_sheet(
            event,
            [
                ["Good Oy", "FI", "2024-11-18 14:00-15:00"],
                ["Typo AB", "SE", "18.11.2024 14:00"],
                ["Backwards AS", "NO", "2024-11-18 15:00-14:00"],
                ["Wrong Day ApS", "DK", "2024-11-25 09:00-10:00"],
            ],
        )
    found = [(issue.row, issue.field) for issue in raised.value.issues]
    assert found == [(3, "Available times"), (4, "Available times"), (5, "Available times")]
    messages = [issue.message for issue in raised.value.issues]
    assert "“18.11.2024 14:00” is not a window like" in messages[0]
    assert "lies outside the event's sessions" in messages[2]
    assert Participation.objects.filter(event=event).count() == before


def test_the_exported_text_reads_back_as_the_same_windows():
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Copenhagen")
    stored = [
        {"start": "2026-12-08T09:00:00+01:00", "end": "2026-12-08T10:40:00+01:00"},
        {"start": "2026-12-08T23:00:00+01:00", "end": "2026-12-09T01:00:00+01:00"},
    ]
    text = format_windows(stored, zone)
    assert text == "2026-12-08 09:00-10:40; 2026-12-08 23:00-2026-12-09 01:00"
    assert parse_windows(text, zone) == stored
    assert format_windows(None, zone) == ""
    assert parse_windows(" ", zone) is None
