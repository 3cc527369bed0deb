"""Properties of the scheduler on random small events.

Every event here is small enough for CP-SAT to prove both phases optimal well inside
the budget, so the results do not depend on how fast the machine is.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.core import Event, Schedule, accepted_meetings, dump_document, parse_event
from matchfair.scheduling import (
    SolveOptions,
    build_problem,
    schedule_event,
    schedule_quality,
    validate_schedule,
)
from tests.scheduling.brute_force import best_gaps, best_levels
from tests.scheduling.events import event_documents, events

OPTIONS = SolveOptions(time_limit=20.0, seed=0, workers=1)
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@SETTINGS
@given(events())
def test_every_schedule_is_valid_and_complete(event: Event) -> None:
    outcome = schedule_event(event, OPTIONS)
    assert validate_schedule(event, outcome.schedule) == []
    listed = {(m.a, m.b) for m in outcome.schedule.meetings} | {
        (u.a, u.b) for u in outcome.schedule.unscheduled
    }
    assert {(m.a, m.b) for m in accepted_meetings(event)} <= listed
    assert all(entry.reason for entry in outcome.schedule.unscheduled)


@SETTINGS
@given(events(max_orgs=5, max_slots=3))
def test_weight_equals_brute_force_optimum(event: Event) -> None:
    problem = build_problem(event).problem
    if len(problem.candidates) > 6:
        return
    outcome = schedule_event(event, OPTIONS)
    chosen = {(m.a, m.b) for m in outcome.schedule.meetings}
    meetings = accepted_meetings(event)
    found = (
        sum(m.mandatory for m in meetings if (m.a, m.b) in chosen),
        sum(m.weight for m in meetings if (m.a, m.b) in chosen),
    )
    assert found == best_levels(problem)


@SETTINGS
@given(events(max_orgs=5, max_slots=4))
def test_breaks_and_idle_equal_brute_force_optimum_for_the_placed_meetings(event: Event) -> None:
    built = build_problem(event)
    outcome = schedule_event(event, OPTIONS)
    placed = {(m.a, m.b) for m in outcome.schedule.meetings}
    chosen = [i for i, m in enumerate(built.meetings) if (m.a, m.b) in placed]
    if len(chosen) > 5:
        return
    quality = schedule_quality(event, outcome.schedule)
    assert (quality.breaks, quality.idle) == best_gaps(built.problem, chosen)


@SETTINGS
@given(events(), st.integers(0, 3))
def test_same_seed_same_schedule(event: Event, seed: int) -> None:
    options = SolveOptions(time_limit=20.0, seed=seed, workers=2)
    first = schedule_event(event, options).schedule
    second = schedule_event(event, options).schedule
    assert dump_document(first) == dump_document(second)


@SETTINGS
@given(event_documents(), st.data())
def test_keep_never_moves_a_still_valid_meeting(document: dict, data: st.DataObject) -> None:
    event = parse_event(document)
    published = schedule_event(event, OPTIONS).schedule
    # Late changes: a newcomer asks to meet everyone, and one published meeting is declined.
    document["organizations"].append({"id": "late", "name": "Late registration"})
    for organization in document["organizations"][:-1]:
        document["meeting_requests"].append({"from": "late", "to": organization["id"], "weight": 3})
    withdrawn = None
    if published.meetings:
        withdrawn = data.draw(st.sampled_from(published.meetings))
        for request in document["meeting_requests"]:
            if {request["from"], request["to"]} == {withdrawn.a, withdrawn.b}:
                request["status"] = "declined"
    changed = parse_event(document)
    outcome = schedule_event(changed, OPTIONS, published=published)
    assert validate_schedule(changed, outcome.schedule) == []
    now = {(m.a, m.b): (m.session, m.start) for m in outcome.schedule.meetings}
    for meeting in published.meetings:
        if meeting is withdrawn:
            assert (meeting.a, meeting.b) not in now
            assert [(r.a, r.b) for r in outcome.released] == [(meeting.a, meeting.b)]
        else:
            assert now[(meeting.a, meeting.b)] == (meeting.session, meeting.start)


def test_keep_moves_nothing_when_nothing_changed(example_event: Event) -> None:
    published = schedule_event(example_event, OPTIONS).schedule
    again = schedule_event(example_event, OPTIONS, published=published).schedule
    assert [(m.a, m.b, m.start) for m in again.meetings] == [
        (m.a, m.b, m.start) for m in published.meetings
    ]
    assert isinstance(again, Schedule)


def test_min_meetings_spreads_meetings_before_maximizing_weight() -> None:
    document = {
        "format": "matchfair-event/1",
        "event": {
            "id": "fair",
            "name": "Fairness",
            "sessions": [
                {
                    "id": "s",
                    "start": "2026-11-23T09:00:00+00:00",
                    "end": "2026-11-23T09:20:00+00:00",
                    "slot_minutes": 20,
                }
            ],
        },
        "organizations": [{"id": name, "name": name} for name in "abcd"],
        "meeting_requests": [
            {"from": "b", "to": "a", "weight": 3},
            {"from": "c", "to": "a", "weight": 1},
            {"from": "b", "to": "d", "weight": 1},
        ],
    }
    event = parse_event(document)
    greedy_for_weight = schedule_event(event, OPTIONS).schedule
    assert {(m.a, m.b) for m in greedy_for_weight.meetings} == {("a", "b")}
    fair = schedule_event(event, SolveOptions(time_limit=10, workers=1, min_meetings=1))
    assert {(m.a, m.b) for m in fair.schedule.meetings} == {("a", "c"), ("b", "d")}
    assert fair.below_target == []
