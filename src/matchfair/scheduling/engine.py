"""Event in, schedule out: the one entry point the command line, the web and the API call.

It builds the indexed problem, pins the meetings kept from a published schedule,
runs the solver, names tables, rooms and interpreters, gives every unscheduled
request its reason, and checks its own result against the spec's rules before
returning it: a schedule that fails the validator is a bug and is never handed out.
"""

import time
from dataclasses import dataclass, field

from matchfair.core import (
    Event,
    ProgressCallback,
    Schedule,
    UnscheduledMeeting,
    requested_meetings,
)
from matchfair.scheduling.keep import ReleasedMeeting, keep_published
from matchfair.scheduling.locations import scheduled_meetings
from matchfair.scheduling.objective import targets
from matchfair.scheduling.problem_builder import build_problem
from matchfair.scheduling.reasons import not_accepted, unscheduled_reasons
from matchfair.scheduling.solver import SolveOptions, solve
from matchfair.scheduling.validator import Violation, validate_schedule


class InvalidScheduleError(RuntimeError):
    """The solver produced a schedule that breaks a rule: a bug, reported with the violations."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        super().__init__("\n".join(str(violation) for violation in violations))


@dataclass(frozen=True)
class BelowTarget:
    """An organization that stays below the ``--min-meetings`` target."""

    organization: str
    meetings: int
    target: int


@dataclass
class ScheduleOutcome:
    schedule: Schedule
    released: list[ReleasedMeeting] = field(default_factory=list)
    below_target: list[BelowTarget] = field(default_factory=list)
    weight_proven_optimal: bool = False
    quality_proven_optimal: bool = False
    breaks_proven_optimal: bool = False


def schedule_event(
    event: Event,
    options: SolveOptions | None = None,
    *,
    published: Schedule | None = None,
    on_progress: ProgressCallback | None = None,
) -> ScheduleOutcome:
    """Schedule the event's accepted meetings (same event, options and seed: same schedule)."""
    started = time.monotonic()
    options = options or SolveOptions()
    built = build_problem(event)
    problem = built.problem
    released: list[ReleasedMeeting] = []
    locations: dict[int, str] = {}
    if published is not None:
        kept = keep_published(event, built, published)
        problem.fixed = kept.slots
        problem.fixed_interpreters = kept.interpreters
        locations = kept.locations
        released = kept.released
    result = solve(problem, options, on_progress, started)
    placement = result.placement

    interpreter_ids = [person.id for person in event.interpreters]
    meetings = scheduled_meetings(built, placement, interpreter_ids, locations)
    reasons = unscheduled_reasons(event, built, placement)
    unscheduled = [
        UnscheduledMeeting.explained(built.meetings[index].a, built.meetings[index].b, reason)
        for index, reason in sorted(reasons.items())
    ]
    unscheduled += [
        UnscheduledMeeting.explained(meeting.a, meeting.b, not_accepted(meeting.status))
        for meeting in requested_meetings(event)
        if meeting.status != "accepted"
    ]
    schedule = Schedule(event=event.event.id, meetings=meetings, unscheduled=unscheduled)
    violations = validate_schedule(event, schedule)
    if violations:
        raise InvalidScheduleError(violations)

    below: list[BelowTarget] = []
    if options.min_meetings > 0:
        counts = [0] * len(problem.parties)
        for index in placement:
            counts[problem.candidates[index].a] += 1
            counts[problem.candidates[index].b] += 1
        goal = targets(problem, options.min_meetings)
        below = [
            BelowTarget(problem.parties[party], counts[party], options.min_meetings)
            for party in range(len(problem.parties))
            if counts[party] < options.min_meetings and goal[party] > 0
        ]
    return ScheduleOutcome(
        schedule=schedule,
        released=released,
        below_target=below,
        weight_proven_optimal=result.weight_proven_optimal,
        quality_proven_optimal=result.quality_proven_optimal,
        breaks_proven_optimal=result.breaks_proven_optimal,
    )
