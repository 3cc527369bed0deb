"""The event file (``matchfair-event/1``): who takes part, what they seek, who asked to meet."""

from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from matchfair.core.base import Strict
from matchfair.core.codes import CountryCode, Identifier, LanguageCode, Timestamp, TimeZoneName
from matchfair.core.one_line import OneLine
from matchfair.core.outcomes import Outcomes
from matchfair.core.schedule import ScheduledMeeting
from matchfair.core.sectors import Keywords, NaceSections
from matchfair.i18n import gettext as _

EVENT_FORMAT = "matchfair-event/1"

SessionMode = Literal["onsite", "online", "hybrid"]
Attendance = Literal["onsite", "online"]
OrganizationKind = Literal[
    "company", "university", "research", "association", "government", "investor", "other"
]
OpportunityKind = Literal["offer", "request"]
OpportunityType = Literal[
    "technology",
    "research",
    "investment",
    "commercial",
    "manufacturing",
    "services",
    "education",
    "other",
]
RequestStatus = Literal["requested", "accepted", "declined"]


class Window(Strict):
    """A stretch of time in which someone can meet; a slot must lie wholly inside one."""

    start: Timestamp
    end: Timestamp

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.end <= self.start:
            raise PydanticCustomError(
                "window_order",
                _("the window ends at {end}, not after its start"),
                {"end": self.end},
            )
        return self


class Session(Strict):
    id: Identifier
    start: Timestamp
    end: Timestamp
    slot_minutes: int = Field(ge=1, le=24 * 60)
    gap_minutes: int = Field(default=0, ge=0, le=24 * 60)
    mode: SessionMode = "hybrid"

    @model_validator(mode="after")
    def _holds_a_slot(self) -> Self:
        if self.end <= self.start:
            raise PydanticCustomError(
                "session_order",
                _("the session ends at {end}, not after its start"),
                {"end": self.end},
            )
        minutes = (self.end - self.start).total_seconds() / 60
        if self.slot_minutes > minutes:
            raise PydanticCustomError(
                "session_fit",
                _("a {slot}-minute slot does not fit in this {length}-minute session"),
                {"slot": self.slot_minutes, "length": round(minutes)},
            )
        return self


class EventInfo(Strict):
    id: Identifier
    name: OneLine
    timezone: TimeZoneName = "UTC"
    sessions: list[Session] = Field(min_length=1)
    tables: int | None = Field(default=None, ge=0)
    online_rooms: int | None = Field(default=None, ge=0)
    match_across_groups: bool = False


class Organization(Strict):
    id: Identifier
    name: OneLine = Field(min_length=1)
    country: CountryCode | None = None
    kind: OrganizationKind | None = None
    nace: NaceSections = Field(default_factory=list)
    sectors: Keywords = Field(default_factory=list)
    languages: list[LanguageCode] = Field(default_factory=list)
    attendance: Attendance = "onsite"
    delegates: int = Field(default=1, ge=1)
    group: str | None = None
    availability: list[Window] | None = None
    description: str | None = None


class Opportunity(Strict):
    id: Identifier
    organization: Identifier
    kind: OpportunityKind
    type: OpportunityType = "other"
    title: str = Field(min_length=1)
    description: str | None = None
    nace: NaceSections = Field(default_factory=list)
    sectors: Keywords = Field(default_factory=list)


class MeetingRequest(Strict):
    from_: Identifier = Field(alias="from")
    to: Identifier
    weight: int = Field(default=1, ge=1)
    status: RequestStatus = "accepted"
    mandatory: bool = False
    sessions: list[Identifier] | None = None


class Interpreter(Strict):
    id: Identifier
    languages: list[LanguageCode] = Field(min_length=2)
    availability: list[Window] | None = None


class Event(Strict):
    format: Literal["matchfair-event/1"] = EVENT_FORMAT
    event: EventInfo
    organizations: list[Organization] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    meeting_requests: list[MeetingRequest] = Field(default_factory=list)
    interpreters: list[Interpreter] = Field(default_factory=list)
    meetings: list[ScheduledMeeting] | None = None
    outcomes: Outcomes | None = None

    def organization(self, organization_id: str) -> Organization:
        """The organization with this id (KeyError when absent)."""
        for organization in self.organizations:
            if organization.id == organization_id:
                return organization
        raise KeyError(organization_id)

    def session(self, session_id: str) -> Session:
        """The session with this id (KeyError when absent)."""
        for session in self.event.sessions:
            if session.id == session_id:
                return session
        raise KeyError(session_id)
