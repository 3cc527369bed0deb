"""What each held meeting led to, from the feedback of its two sides.

Both organizations of a meeting report its result on their own, and they do not
always agree: one side may see a potential cooperation agreement where the other
sees a follow-up. A meeting counts under the furthest result either side reported
(the organizer's figures are about what a meeting opened up, not about the more
cautious side), and it is marked as disputed so that the organizer can check it
before the figures are published. A side that has not reported yet is listed as
missing, so that the organizer knows whom to chase.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import get_args

from matchfair.core import Event
from matchfair.core.outcomes import FeedbackResult, MeetingStatus

RESULTS: tuple[str, ...] = get_args(FeedbackResult)
"""Meeting results from the least to the most advanced."""

MEETING_STATUSES: tuple[str, ...] = get_args(MeetingStatus)

UNREPORTED = "unreported"
"""The result of a held meeting that neither side has reported on yet."""


@dataclass(frozen=True)
class MeetingResult:
    """One meeting's outcome: whether it was held, and what each side and the two together say."""

    a: str
    b: str
    start: datetime
    status: str
    result_by_side: dict[str, str]
    result: str
    disputed: bool

    @property
    def missing_sides(self) -> list[str]:
        """The organizations of a held meeting that have not reported its result."""
        if self.status != "held":
            return []
        return [side for side in (self.a, self.b) if side not in self.result_by_side]


def furthest_result(results: list[str]) -> str:
    """The most advanced of the reported results, or ``unreported`` when there are none."""
    if not results:
        return UNREPORTED
    return max(results, key=RESULTS.index)


def meeting_results(event: Event) -> list[MeetingResult]:
    """Every meeting outcome of the event file, in file order, with its combined result."""
    outcomes = event.outcomes.meetings if event.outcomes else []
    results = []
    for outcome in outcomes:
        by_side: dict[str, str] = {}
        for feedback in outcome.feedback:
            # A later report of the same side replaces its earlier one.
            by_side[feedback.by] = feedback.result
        reported = list(by_side.values())
        results.append(
            MeetingResult(
                a=outcome.a,
                b=outcome.b,
                start=outcome.start,
                status=outcome.status,
                result_by_side=by_side,
                result=furthest_result(reported) if outcome.status == "held" else outcome.status,
                disputed=len(set(reported)) > 1,
            )
        )
    return results
