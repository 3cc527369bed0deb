"""The error a change to meetings raises when the schedule's rules forbid it.

Shared by tailor-made meetings and moves, so that pages and the API show the
reasons of either in the same way.
"""


class MeetingRuleError(ValueError):
    """A change the schedule's rules forbid; ``reasons`` explains each conflict."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons))
