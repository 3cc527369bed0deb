"""Meeting requests merged into meetings, one per pair of organizations.

The spec counts two requests for the same pair, in either direction, as one meeting
whose weight is the larger and whose session restriction is the intersection. Only
the accepted requests of a pair shape the meeting when there are any, because a
pending counter-request must not narrow a meeting both sides already agreed to.
"""

from dataclasses import dataclass

from matchfair.core.event import Event, MeetingRequest

_STATUS_RANK = {"accepted": 0, "requested": 1, "declined": 2}


@dataclass(frozen=True)
class RequestedMeeting:
    a: str
    b: str
    weight: int
    mandatory: bool
    sessions: frozenset[str] | None
    status: str

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)


def _merge(a: str, b: str, requests: list[MeetingRequest]) -> RequestedMeeting:
    status = min((request.status for request in requests), key=_STATUS_RANK.__getitem__)
    shaping = [request for request in requests if request.status == status]
    sessions: frozenset[str] | None = None
    for request in shaping:
        if request.sessions is not None:
            allowed = frozenset(request.sessions)
            sessions = allowed if sessions is None else sessions & allowed
    return RequestedMeeting(
        a=a,
        b=b,
        weight=max(request.weight for request in shaping),
        mandatory=any(request.mandatory for request in shaping),
        sessions=sessions,
        status=status,
    )


def requested_meetings(event: Event) -> list[RequestedMeeting]:
    """Every pair that somebody asked to meet, merged, sorted by pair."""
    by_pair: dict[tuple[str, str], list[MeetingRequest]] = {}
    for request in event.meeting_requests:
        a, b = sorted((request.from_, request.to))
        by_pair.setdefault((a, b), []).append(request)
    return [_merge(a, b, requests) for (a, b), requests in sorted(by_pair.items())]


def accepted_meetings(event: Event) -> list[RequestedMeeting]:
    """The meetings to schedule: pairs with at least one accepted request."""
    return [meeting for meeting in requested_meetings(event) if meeting.status == "accepted"]
