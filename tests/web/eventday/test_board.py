"""The live board's figures match the rows, in a number of queries that does not grow."""

from datetime import datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.web.eventday.board import live_board
from matchfair.web.eventday.domain.presence import mark_no_show, mark_present
from matchfair.web.eventday.models import Badge, CheckIn
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between

TEN = NINE_THIRTY + timedelta(minutes=30)


def _sides(fair, count, prefix="p"):
    return [
        factories.participant(
            fair, name=f"Firm {prefix}{n}", country="DE", email=f"{prefix}{n}@f.example"
        )
        for n in range(count)
    ]


def _day(fair, owner):
    """Four meetings at 9:30 (one running, one waiting, one not started, one no-show), one at 10."""
    sides = _sides(fair, 10)
    meetings = [
        meeting_between(sides[2 * n], sides[2 * n + 1], location=f"table-{n + 1}") for n in range(4)
    ]
    later = meeting_between(sides[8], sides[9], start=TEN, location="table-1")
    mark_present(meeting=meetings[0], side=sides[0], now=NINE_THIRTY)
    mark_present(meeting=meetings[0], side=sides[1], now=NINE_THIRTY)
    mark_present(meeting=meetings[1], side=sides[2], now=NINE_THIRTY)
    mark_no_show(
        meeting=meetings[3],
        absent=sides[7],
        by_side=sides[6],
        user=owner,
        now=NINE_THIRTY + timedelta(minutes=10),
    )
    for side in sides[:3]:
        badge = Badge.objects.create(event=fair, participation=side, name=str(side))
        CheckIn.objects.create(event=fair, badge=badge, at=NINE_THIRTY)
    Badge.objects.create(event=fair, participation=sides[3], name=str(sides[3]))
    return sides, later


def test_the_figures_are_the_databases(fair, owner):
    _day(fair, owner)
    now = NINE_THIRTY + timedelta(minutes=15)
    board = live_board(fair, now=now)
    by_start = {slot.start: slot for slot in board.slots}
    nine_thirty = by_start[NINE_THIRTY]
    assert (nine_thirty.running, nine_thirty.waiting, nine_thirty.not_started) == (1, 1, 1)
    assert nine_thirty.no_show == MeetingOutcome.objects.filter(status="no-show").count() == 1
    assert by_start[TEN].not_started == 1
    assert sum(s.meetings for s in board.slots) == Meeting.objects.filter(event=fair).count()
    assert board.current == nine_thirty
    # Six 30-minute slots from 9:00 to 12:00, empty ones included.
    assert len(board.slots) == 6
    assert board.checked_in == CheckIn.objects.filter(event=fair).count() == 3
    assert board.badges == 4
    # Four tables; three hold a meeting now (the no-show's table-4 is free again).
    assert board.free_tables == ["table-4"]
    states = {t.location: t.state for t in board.tables_now}
    assert states == {"table-1": "running", "table-2": "waiting", "table-3": "not-started"}


def test_no_slot_running_means_every_table_free(fair, owner):
    _day(fair, owner)
    board = live_board(fair, now=datetime(2026, 12, 1, 13, 0, tzinfo=NINE_THIRTY.tzinfo))
    assert board.current is None
    assert board.free_tables == ["table-1", "table-2", "table-3", "table-4"]


def test_another_day_shows_no_meetings(fair, owner):
    _day(fair, owner)
    board = live_board(fair, now=NINE_THIRTY + timedelta(days=1))
    assert sum(s.meetings for s in board.slots) == 0


def _queries(fair, now) -> int:
    fresh = Event.objects.get(pk=fair.pk)  # nothing cached from an earlier read
    with CaptureQueriesContext(connection) as captured:
        live_board(fresh, now=now)
    return len(captured)


def test_the_board_reads_in_queries_that_do_not_grow_with_the_meetings(fair, owner):
    sides = _sides(fair, 4)
    fair.tables = None
    fair.save(update_fields=["tables"])
    meeting_between(sides[0], sides[1], location="table-1")
    few = _queries(fair, NINE_THIRTY)
    more = _sides(fair, 40, prefix="q")
    for n in range(20):
        meeting = meeting_between(more[2 * n], more[2 * n + 1], location=f"table-{n + 2}")
        mark_present(meeting=meeting, side=more[2 * n], now=NINE_THIRTY)
    assert _queries(fair, NINE_THIRTY) == few
