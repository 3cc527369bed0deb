"""Each organization's part in an event: its meetings, what they led to, its agreements.

An organizer follows a partner over the years ("TEGnology met us in 2023, signed
in 2024, opened a branch in 2025"); the record of one event is the unit that a
series history lines up edition by edition.
"""

from collections import Counter
from dataclasses import dataclass

from matchfair.core import Event, accepted_meetings
from matchfair.outcomes.meeting_results import MeetingResult


@dataclass(frozen=True)
class OrganizationRecord:
    """What one organization did at one event."""

    organization: str
    name: str
    country: str | None
    kind: str | None
    meetings_requested: int
    meetings_scheduled: int
    meetings_held: int
    results: dict[str, int]
    agreements: list[str]


def organization_records(event: Event, results: list[MeetingResult]) -> list[OrganizationRecord]:
    """One record per organization of the event, in file order."""
    requested = Counter(side for m in accepted_meetings(event) for side in (m.a, m.b))
    scheduled = Counter(side for m in event.meetings or [] for side in (m.a, m.b))
    held = [result for result in results if result.status == "held"]
    held_count = Counter(side for r in held for side in (r.a, r.b))
    agreements = event.outcomes.agreements if event.outcomes else []
    records = []
    for organization in event.organizations:
        own = Counter(r.result for r in held if organization.id in (r.a, r.b))
        records.append(
            OrganizationRecord(
                organization=organization.id,
                name=organization.name,
                country=organization.country,
                kind=organization.kind,
                meetings_requested=requested.get(organization.id, 0),
                meetings_scheduled=scheduled.get(organization.id, 0),
                meetings_held=held_count.get(organization.id, 0),
                results=dict(sorted(own.items())),
                agreements=[a.id for a in agreements if organization.id in a.parties],
            )
        )
    return records
