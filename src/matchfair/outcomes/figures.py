"""The figures of one event, computed from its event file.

These are the numbers organizers are judged by and put in their press releases
("over 40 potential cooperation agreements", "28 agreements with a planned total
investment of 21.75 billion RMB, 11 projects have set up branches"). Each one is
defined here once, so that the command line, the dashboards and the reports can
never disagree about what "meetings held" means.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import get_args
from zoneinfo import ZoneInfo

from matchfair.core import Event, accepted_meetings
from matchfair.core.event import OrganizationKind
from matchfair.core.outcomes import AgreementStatus, AgreementType
from matchfair.outcomes.history import OrganizationRecord, organization_records
from matchfair.outcomes.meeting_results import (
    RESULTS,
    UNREPORTED,
    MeetingResult,
    meeting_results,
)
from matchfair.outcomes.money import sum_by_currency

UNSPECIFIED = "unspecified"
"""The key under which organizations without a country or kind are counted."""

AGREEMENT_STATUSES: tuple[str, ...] = get_args(AgreementStatus)
AGREEMENT_TYPES: tuple[str, ...] = get_args(AgreementType)
ORGANIZATION_KINDS: tuple[str, ...] = get_args(OrganizationKind)
FUNNEL_STAGES = ("requested", "scheduled", "held", "follow-up", "intention", "agreement")


@dataclass(frozen=True)
class FunnelStage:
    """How many meetings reached a stage: requested, scheduled, held, then at least a result."""

    stage: str
    count: int


@dataclass(frozen=True)
class EventFigures:
    """Everything an organizer reports about one event."""

    event_id: str
    event_name: str
    first_day: date
    last_day: date
    organizations: int
    countries: int
    by_country: dict[str, int]
    by_kind: dict[str, int]
    by_section: dict[str, int]
    meetings_requested: int
    meetings_scheduled: int
    meetings_held: int
    meetings_no_show: int
    meetings_cancelled: int
    outcomes_by_result: dict[str, int]
    disputed_meetings: int
    missing_feedback: int
    funnel: list[FunnelStage]
    agreements: int
    agreements_by_status: dict[str, int]
    agreements_by_type: dict[str, int]
    investment_by_currency: dict[str, Decimal]
    investment_by_status: dict[str, dict[str, Decimal]]
    organization_records: list[OrganizationRecord]

    @property
    def agreements_signed(self) -> int:
        """Agreements signed so far, implemented ones included (they were signed first)."""
        return self.agreements_by_status["signed"] + self.agreements_by_status["implemented"]


def _ranked(counter: Counter[str]) -> dict[str, int]:
    """Largest count first, ties by key, so that charts and tables read the same every time."""
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _in_order(counter: Counter[str], keys: tuple[str, ...]) -> dict[str, int]:
    """Every key of a fixed vocabulary, zeros included, in the vocabulary's order."""
    return {key: counter.get(key, 0) for key in keys}


def _sections(event: Event) -> Counter[str]:
    """Organizations per NACE section, of their profile or an opportunity, each counted once
    per section; organizations filed under no section are not counted."""
    filed = {organization.id: set(organization.nace) for organization in event.organizations}
    for opportunity in event.opportunities:
        filed[opportunity.organization].update(opportunity.nace)
    return Counter(code for sections in filed.values() for code in sections)


def _event_days(event: Event) -> tuple[date, date]:
    zone = ZoneInfo(event.event.timezone)
    starts = [session.start.astimezone(zone).date() for session in event.event.sessions]
    ends = [session.end.astimezone(zone).date() for session in event.event.sessions]
    return min(starts), max(ends)


def _funnel(requested: int, scheduled: int, results: list[MeetingResult]) -> list[FunnelStage]:
    held = [result for result in results if result.status == "held"]
    reached = {"requested": requested, "scheduled": scheduled, "held": len(held)}
    for stage in ("follow-up", "intention", "agreement"):
        threshold = RESULTS.index(stage)
        reached[stage] = sum(
            1
            for result in held
            if result.result != UNREPORTED and RESULTS.index(result.result) >= threshold
        )
    return [FunnelStage(stage=stage, count=reached[stage]) for stage in FUNNEL_STAGES]


def event_figures(event: Event) -> EventFigures:
    """Compute the figures of an event file (its ``meetings`` and ``outcomes`` are optional)."""
    organizations = event.organizations
    agreements = event.outcomes.agreements if event.outcomes else []
    results = meeting_results(event)
    held = [result for result in results if result.status == "held"]
    statuses = Counter(result.status for result in results)
    live = [agreement for agreement in agreements if agreement.status != "cancelled"]
    first_day, last_day = _event_days(event)
    requested = len(accepted_meetings(event))
    scheduled = len(event.meetings or [])

    return EventFigures(
        event_id=event.event.id,
        event_name=event.event.name,
        first_day=first_day,
        last_day=last_day,
        organizations=len(organizations),
        countries=len({o.country for o in organizations if o.country}),
        by_country=_ranked(Counter(o.country or UNSPECIFIED for o in organizations)),
        by_kind=_ranked(Counter(o.kind or UNSPECIFIED for o in organizations)),
        by_section=_ranked(_sections(event)),
        meetings_requested=requested,
        meetings_scheduled=scheduled,
        meetings_held=len(held),
        meetings_no_show=statuses.get("no-show", 0),
        meetings_cancelled=statuses.get("cancelled", 0),
        outcomes_by_result=_in_order(
            Counter(result.result for result in held), (*RESULTS, UNREPORTED)
        ),
        disputed_meetings=sum(1 for result in held if result.disputed),
        missing_feedback=sum(len(result.missing_sides) for result in results),
        funnel=_funnel(requested, scheduled, results),
        agreements=len(agreements),
        agreements_by_status=_in_order(Counter(a.status for a in agreements), AGREEMENT_STATUSES),
        agreements_by_type=_in_order(Counter(a.type for a in agreements), AGREEMENT_TYPES),
        investment_by_currency=sum_by_currency(a.value for a in live if a.value),
        investment_by_status={
            status: sum_by_currency(
                a.value for a in agreements if a.status == status and a.value is not None
            )
            for status in AGREEMENT_STATUSES
        },
        organization_records=organization_records(event, results),
    )
