"""The file formats of Matchfair: typed models, validation with JSON paths, reading and writing.

This package knows nothing of Django or of the engines; everything above it builds on
these types.
"""

from matchfair.core.documents import (
    check_writable,
    dump_document,
    json_schema,
    load_json,
    parse_event,
    parse_exchange_rates,
    parse_recommendations,
    parse_schedule,
    read_event,
    read_exchange_rates,
    read_recommendations,
    read_schedule,
    write_atomically,
    write_document,
)
from matchfair.core.errors import FormatError, FormatIssue
from matchfair.core.event import (
    Event,
    EventInfo,
    Interpreter,
    MeetingRequest,
    Opportunity,
    Organization,
    Session,
    Window,
)
from matchfair.core.outcomes import (
    Agreement,
    CooperationProject,
    ExchangeRates,
    Feedback,
    Interest,
    MeetingOutcome,
    MeetingReference,
    Money,
    Outcomes,
    StatusChange,
)
from matchfair.core.progress import Progress, ProgressCallback
from matchfair.core.recommendations import Recommendation, Recommendations
from matchfair.core.requests import RequestedMeeting, accepted_meetings, requested_meetings
from matchfair.core.schedule import Schedule, ScheduledMeeting, UnscheduledMeeting
from matchfair.core.sectors import (
    SECTION_CODES,
    normalize_keyword,
    normalize_keywords,
    section_choices,
    section_name,
    sector_message,
)
from matchfair.core.slots import Slot, event_slots, session_slots, window_contains

__all__ = [
    "SECTION_CODES",
    "Agreement",
    "CooperationProject",
    "Event",
    "EventInfo",
    "ExchangeRates",
    "Feedback",
    "FormatError",
    "FormatIssue",
    "Interest",
    "Interpreter",
    "MeetingOutcome",
    "MeetingReference",
    "MeetingRequest",
    "Money",
    "Opportunity",
    "Organization",
    "Outcomes",
    "Progress",
    "ProgressCallback",
    "Recommendation",
    "Recommendations",
    "RequestedMeeting",
    "Schedule",
    "ScheduledMeeting",
    "Session",
    "Slot",
    "StatusChange",
    "UnscheduledMeeting",
    "Window",
    "accepted_meetings",
    "check_writable",
    "dump_document",
    "event_slots",
    "json_schema",
    "load_json",
    "normalize_keyword",
    "normalize_keywords",
    "parse_event",
    "parse_exchange_rates",
    "parse_recommendations",
    "parse_schedule",
    "read_event",
    "read_exchange_rates",
    "read_recommendations",
    "read_schedule",
    "requested_meetings",
    "section_choices",
    "section_name",
    "sector_message",
    "session_slots",
    "window_contains",
    "write_atomically",
    "write_document",
]
