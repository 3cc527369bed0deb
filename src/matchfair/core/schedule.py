"""The schedule file (``matchfair-schedule/1``): placed meetings and why others were not."""

from typing import Literal

from pydantic import Field

from matchfair.core.base import Strict
from matchfair.core.codes import Identifier, Timestamp

SCHEDULE_FORMAT = "matchfair-schedule/1"


class ScheduledMeeting(Strict):
    a: Identifier
    b: Identifier
    session: Identifier
    start: Timestamp
    end: Timestamp
    location: str | None = None
    online: bool = False
    interpreter: str | None = None


class UnscheduledMeeting(Strict):
    a: Identifier
    b: Identifier
    reason: str


class Schedule(Strict):
    format: Literal["matchfair-schedule/1"] = SCHEDULE_FORMAT
    event: Identifier
    meetings: list[ScheduledMeeting] = Field(default_factory=list)
    unscheduled: list[UnscheduledMeeting] = Field(default_factory=list)
