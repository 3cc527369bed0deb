"""The scheduling engine: event in, schedule out, plus the validator, metrics and bound.

Framework-free: it takes and returns :mod:`matchfair.core` objects only.
"""

from matchfair.scheduling.bound import WeightBound, weight_bound
from matchfair.scheduling.engine import (
    BelowTarget,
    InvalidScheduleError,
    ScheduleOutcome,
    schedule_event,
)
from matchfair.scheduling.keep import ReleasedMeeting
from matchfair.scheduling.metrics import ScheduleQuality, schedule_quality
from matchfair.scheduling.problem_builder import BuiltProblem, build_problem
from matchfair.scheduling.solver import SolveOptions
from matchfair.scheduling.validator import Violation, validate_schedule

__all__ = [
    "BelowTarget",
    "BuiltProblem",
    "InvalidScheduleError",
    "ReleasedMeeting",
    "ScheduleOutcome",
    "ScheduleQuality",
    "SolveOptions",
    "Violation",
    "WeightBound",
    "build_problem",
    "schedule_event",
    "schedule_quality",
    "validate_schedule",
    "weight_bound",
]
