"""The validator finds each kind of rule violation, and all of them at once."""

from datetime import timedelta

from matchfair.core import Event, Schedule, ScheduledMeeting
from matchfair.scheduling import SolveOptions, schedule_event, validate_schedule

OPTIONS = SolveOptions(time_limit=10.0, workers=1)


def _rules(event: Event, schedule: Schedule) -> list[int]:
    return sorted({violation.rule for violation in validate_schedule(event, schedule)})


def _valid(example_event: Event) -> Schedule:
    return schedule_event(example_event, OPTIONS).schedule


def test_solver_output_is_valid(example_event: Event) -> None:
    assert validate_schedule(example_event, _valid(example_event)) == []


def test_unrequested_and_duplicate_meetings_break_rule_1(example_event: Event) -> None:
    schedule = _valid(example_event)
    first = schedule.meetings[0]
    stranger = first.model_copy(update={"a": "konfidence", "b": "yibang", "location": "table-9"})
    schedule.meetings += [first.model_copy(update={"location": "table-8"}), stranger]
    assert 1 in _rules(example_event, schedule)


def test_time_outside_slots_breaks_rule_2(example_event: Event) -> None:
    schedule = _valid(example_event)
    meeting = schedule.meetings[0]
    schedule.meetings[0] = meeting.model_copy(
        update={
            "start": meeting.start + timedelta(minutes=1),
            "end": meeting.end + timedelta(minutes=1),
        }
    )
    assert _rules(example_event, schedule) == [2]


def test_unavailable_side_breaks_rule_3(example_event: Event) -> None:
    schedule = _valid(example_event)
    online = next(m for m in schedule.meetings if "smart-eye" in (m.a, m.b))
    session = example_event.event.sessions[0]
    last_start = session.end - timedelta(minutes=session.slot_minutes)
    moved = online.model_copy(update={"start": last_start, "end": session.end})
    schedule.meetings[schedule.meetings.index(online)] = moved
    assert 3 in _rules(example_event, schedule)


def test_double_booking_breaks_rule_4_and_tables_rule_6(example_event: Event) -> None:
    schedule = _valid(example_event)
    tegnology = [m for m in schedule.meetings if "tegnology" in (m.a, m.b)]
    second = tegnology[1].model_copy(update={"start": tegnology[0].start, "end": tegnology[0].end})
    schedule.meetings[schedule.meetings.index(tegnology[1])] = second
    rules = _rules(example_event, schedule)
    assert 4 in rules
    assert 6 in rules  # both at table-1 in the same slot


def test_wrong_online_flag_breaks_rule_5(example_event: Event) -> None:
    schedule = _valid(example_event)
    onsite = next(n for n, meeting in enumerate(schedule.meetings) if not meeting.online)
    schedule.meetings[onsite] = schedule.meetings[onsite].model_copy(update={"online": True})
    assert 5 in _rules(example_event, schedule)


def test_missing_interpreter_breaks_rule_7(example_event: Event) -> None:
    schedule = _valid(example_event)
    needing = next(m for m in schedule.meetings if m.interpreter is not None)
    schedule.meetings[schedule.meetings.index(needing)] = needing.model_copy(
        update={"interpreter": None}
    )
    assert _rules(example_event, schedule) == [7]


def test_forgotten_request_breaks_rule_8(example_event: Event) -> None:
    schedule = _valid(example_event)
    schedule.meetings = schedule.meetings[1:]
    assert _rules(example_event, schedule) == [8]


def test_every_violation_is_reported(example_event: Event) -> None:
    schedule = Schedule(
        event="other-event",
        meetings=[
            ScheduledMeeting(
                a="tegnology",
                b="konfidence",
                session="nowhere",
                start=example_event.event.sessions[0].start,
                end=example_event.event.sessions[0].end,
            )
        ],
    )
    assert _rules(example_event, schedule) == [1, 2, 8]


def test_an_overbooked_side_names_its_delegates_in_the_right_number(example_event: Event) -> None:
    schedule = _valid(example_event)
    tegnology = [m for m in schedule.meetings if "tegnology" in (m.a, m.b)]
    second = tegnology[1].model_copy(update={"start": tegnology[0].start, "end": tegnology[0].end})
    schedule.meetings[schedule.meetings.index(tegnology[1])] = second
    messages = [v.message for v in validate_schedule(example_event, schedule) if v.rule == 4]
    assert messages == ["tegnology holds 2 meetings at once but has 1 delegate"]


def test_too_few_tables_are_counted_in_the_right_number(example_event: Event) -> None:
    one_table = example_event.model_copy(
        update={"event": example_event.event.model_copy(update={"tables": 1})}
    )
    schedule = _valid(example_event)
    onsite = [m for m in schedule.meetings if not m.online]
    first = onsite[0]
    other = next(m for m in onsite[1:] if not {m.a, m.b} & {first.a, first.b})
    moved = other.model_copy(update={"start": first.start, "end": first.end})
    schedule.meetings[schedule.meetings.index(other)] = moved
    messages = [v.message for v in validate_schedule(one_table, schedule) if v.rule == 6]
    assert "2 on-site meetings but 1 table" in messages
