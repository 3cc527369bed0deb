"""Who a campaign goes to: the organizations of an event that match a segment, and their people.

A segment is a conjunction: every field left empty matches everyone, and each field
set narrows the organizations further (a group *and* a country *and* "no meeting
yet"). The recipients are the active delegates with an address of the organizations
that match, so the count the organizer sees before sending is the number of e-mails
that could leave (less those who muted campaigns).
"""

from dataclasses import asdict, dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting, MeetingRequest

REGISTERED = "registered"
NOT_REGISTERED = "not_registered"
REGISTRATION_CHOICES = (
    (REGISTERED, _("someone has set a password")),
    (NOT_REGISTERED, _("nobody has set a password yet")),
)


@dataclass(frozen=True)
class Segment:
    """The filters of a campaign; empty tuples and False match everyone."""

    groups: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    attendance: tuple[str, ...] = ()
    registration: str = ""
    no_opportunity: bool = False
    pending_requests: bool = False
    no_meeting: bool = False

    def as_json(self) -> dict[str, Any]:
        """What the campaign row keeps (lists, so it round-trips through JSON)."""
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in asdict(self).items()
        }

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> "Segment":
        """A segment from ``as_json`` or an API body; unknown keys are ignored."""
        return cls(
            groups=tuple(stored.get("groups") or ()),
            countries=tuple(code.upper() for code in stored.get("countries") or ()),
            kinds=tuple(stored.get("kinds") or ()),
            attendance=tuple(stored.get("attendance") or ()),
            registration=stored.get("registration") or "",
            no_opportunity=bool(stored.get("no_opportunity")),
            pending_requests=bool(stored.get("pending_requests")),
            no_meeting=bool(stored.get("no_meeting")),
        )


def _with_password() -> QuerySet:
    """Accounts whose password is set (an invited account's is unusable, ``!...``)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(password="")
        .exclude(password__startswith="!")
    )


def segment_participations(event: Event, segment: Segment) -> QuerySet[Participation]:
    """The event's participations that match every filter of ``segment``."""
    found = Participation.objects.filter(event=event)
    if segment.groups:
        found = found.filter(group__in=segment.groups)
    if segment.countries:
        found = found.filter(organization__country__in=segment.countries)
    if segment.kinds:
        found = found.filter(organization__kind__in=segment.kinds)
    if segment.attendance:
        found = found.filter(attendance__in=segment.attendance)
    if segment.registration:
        registered = Exists(
            _with_password().filter(delegate__organization_id=OuterRef("organization_id"))
        )
        found = found.filter(registered if segment.registration == REGISTERED else ~registered)
    if segment.no_opportunity:
        found = found.filter(~Exists(Opportunity.objects.filter(participation=OuterRef("pk"))))
    if segment.pending_requests:
        found = found.filter(
            Exists(
                MeetingRequest.objects.filter(
                    recipient=OuterRef("pk"), status=MeetingRequest.Status.REQUESTED
                )
            )
        )
    if segment.no_meeting:
        found = found.filter(
            ~Exists(
                Meeting.objects.filter(published=True).filter(
                    Q(a=OuterRef("pk")) | Q(b=OuterRef("pk"))
                )
            )
        )
    return found


def segment_recipients(event: Event, segment: Segment) -> QuerySet[AbstractBaseUser]:
    """The active delegates with an address of the organizations ``segment`` matches."""
    organizations = segment_participations(event, segment).values("organization_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, delegate__organization_id__in=organizations)
        .exclude(email="")
        .order_by(Lower("email"), "pk")
    )


def segment_choices(event: Event) -> dict[str, list[str]]:
    """The groups and countries the event's organizations have, for the segment's form."""
    participations = Participation.objects.filter(event=event)
    groups = participations.exclude(group__isnull=True).exclude(group="")
    countries = participations.exclude(organization__country="")
    return {
        "groups": sorted(set(groups.values_list("group", flat=True))),
        "countries": sorted(set(countries.values_list("organization__country", flat=True))),
    }
