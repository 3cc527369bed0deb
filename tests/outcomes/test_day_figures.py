"""Held, no-show and cancelled meetings of the day, counted from the outcomes' statuses.

The fixture is the hand-computed event (three held, one no-show) with two meetings
cancelled on the day added: by hand, 3 held, 1 no-show, 2 cancelled; a cancelled
meeting is neither held nor missing feedback, and the funnel's "held" stays 3.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from matchfair.core import Event
from matchfair.core.outcomes import MeetingOutcome
from matchfair.outcomes import event_figures
from matchfair.outcomes.document import figures_document

SHANGHAI = ZoneInfo("Asia/Shanghai")


def day_event(event: Event) -> Event:
    """``event`` with two meetings cancelled on the day (they left the schedule)."""
    cancelled = [
        MeetingOutcome(
            a="konfidence",
            b="tegnology",
            start=datetime(2024, 11, 18, 14, 25, tzinfo=SHANGHAI),
            status="cancelled",
        ),
        MeetingOutcome(
            a="guest",
            b="tsinghua-energy",
            start=datetime(2024, 11, 18, 14, 50, tzinfo=SHANGHAI),
            status="cancelled",
        ),
    ]
    outcomes = event.outcomes.model_copy(update={"meetings": event.outcomes.meetings + cancelled})
    return event.model_copy(update={"outcomes": outcomes})


def test_the_day_counts_held_no_show_and_cancelled(fixture_event: Event):
    plain = event_figures(fixture_event)
    figures = event_figures(day_event(fixture_event))
    assert (figures.meetings_held, figures.meetings_no_show, figures.meetings_cancelled) == (
        3,
        1,
        2,
    )
    assert figures.missing_feedback == plain.missing_feedback
    assert [stage.count for stage in figures.funnel] == [stage.count for stage in plain.funnel]


def test_the_json_report_carries_the_three_counts(fixture_event: Event):
    document = figures_document(event_figures(day_event(fixture_event)))
    assert (
        document["meetings_held"],
        document["meetings_no_show"],
        document["meetings_cancelled"],
    ) == (3, 1, 2)
