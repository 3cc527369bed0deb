"""The schedule file (``matchfair-schedule/1``): placed meetings and why others were not."""

from typing import Literal

from pydantic import ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from matchfair.core.base import Strict
from matchfair.core.codes import Identifier, Timestamp
from matchfair.i18n import Message

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
    # A meeting left out, and why. The file holds ``reason`` as text in the language it
    # was written in (the format is a contract); ``message``, the engine's words, is
    # never written to a file nor its schema: the web stores it and writes the reason
    # in each reader's language. (A comment, not a docstring: ``matchfair schema``
    # would print a docstring.)

    model_config = ConfigDict(arbitrary_types_allowed=True)

    a: Identifier
    b: Identifier
    reason: str
    message: SkipJsonSchema[Message | None] = Field(default=None, exclude=True, repr=False)

    @classmethod
    def explained(cls, a: str, b: str, message: Message) -> "UnscheduledMeeting":
        """The entry for a reason the engine gives: its text in the current language."""
        return cls(a=a, b=b, reason=message.render(), message=message)


class Schedule(Strict):
    format: Literal["matchfair-schedule/1"] = SCHEDULE_FORMAT
    event: Identifier
    meetings: list[ScheduledMeeting] = Field(default_factory=list)
    unscheduled: list[UnscheduledMeeting] = Field(default_factory=list)
