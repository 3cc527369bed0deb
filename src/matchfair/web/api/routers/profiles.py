"""Writes to the catalog: an organization's profile and its opportunities.

A participant changes its own organization's profile (what the portal's profile page
changes: description, NACE sections, keywords, languages, attendance) and its own opportunities,
before the event's profile deadline; an organizer changes any organization of the
event (what the organizer's edit page changes, and when it can meet) and any
opportunity. Every write goes through the function the page calls, and the
organizer's edit through the page's own form, so the API refuses what the pages
refuse, with the same words, naming the field: 422 for a value, 409 for a rule of the
event (a deadline, a published meeting). Another event's rows are 404; another
organization's, for a participant, 403.

The writes share the read endpoints' paths, so they go on the directory's router
(django-ninja answers a path from one router only); ``api.py`` imports this module
to add them.
"""

from datetime import datetime
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Schema, Status
from pydantic import AfterValidator

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.routers.directory import (
    OpportunityOut,
    OrganizationOut,
    participations,
    router,
)
from matchfair.web.api.scope import MAX_ID, Id, access
from matchfair.web.directory.forms import ParticipationForm
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.directory.validation import validate_availability
from matchfair.web.events.rules import EventAccess
from matchfair.web.jobs.domain.refresh import refresh_after_edit
from matchfair.web.meetings.domain.participation import (
    ParticipationRuleError,
    change_availability,
    change_participation,
)
from matchfair.web.notify.domain.availability import set_own_availability
from matchfair.web.notify.domain.participants import (
    delete_opportunity,
    save_opportunity,
    update_profile,
)
from matchfair.web.notify.domain.portal_rules import PortalRuleError

SEPARATORS = ",;，"
PARTICIPANT_FIELDS = frozenset(
    {"description", "nace", "sectors", "languages", "attendance", "availability"}
)
"""What a participant may change of its own organization: the portal's profile page."""


def _one_item(value: str) -> str:
    """The pages type lists as text separated by commas: an item holding one could never
    be shown and saved again as itself there."""
    if any(separator in value for separator in SEPARATORS):
        raise ValueError("must not contain a comma or semicolon: send one item per entry")
    return value


Item = Annotated[text(200, min_length=1), AfterValidator(_one_item)]
Sections = list[text(2, min_length=1)]
SECTIONS_HELP = "NACE Rev. 2 section letters (A to U)"


class WindowIn(Schema):
    start: datetime = Field(..., description="ISO 8601 with its UTC offset")
    end: datetime


class OrganizationPatch(Schema):
    """The fields to change; a field left out keeps its value. A participant may send
    ``description``, ``nace``, ``sectors``, ``languages``, ``attendance`` and
    ``availability`` only."""

    name: text(300) | None = None
    country: text(2) | None = Field(None, description="ISO 3166-1 alpha-2; empty to clear")
    kind: Organization.Kind | None = None
    code: text(200) | None = Field(None, description="The organization's id in the event file")
    group: text(200) | None = None
    description: text(20_000) | None = None
    nace: Sections | None = Field(None, max_length=21, description=SECTIONS_HELP)
    sectors: list[Item] | None = Field(None, max_length=100)
    languages: list[Item] | None = Field(None, max_length=100, description="ISO 639-1 codes")
    attendance: Participation.Attendance | None = None
    delegates: int | None = Field(None, ge=1, le=10_000, description="Parallel meetings")
    availability: list[WindowIn] | None = Field(
        None, max_length=1000, description="When it can meet; null: every session"
    )


class OpportunityIn(Schema):
    organization: int | None = Field(
        None, ge=1, le=MAX_ID, description="Whose (organizers); a participant's own by default"
    )
    kind: Opportunity.Kind
    type: Opportunity.Type = Opportunity.Type.OTHER
    title: text(500, min_length=1)
    description: text(20_000) = ""
    nace: Sections = Field(default_factory=list, max_length=21, description=SECTIONS_HELP)
    sectors: list[Item] = Field(default_factory=list, max_length=100)


class OpportunityPatch(Schema):
    """The fields to change; a field left out keeps its value, and only ``description``
    may be null (the defaults below mean "left out", an explicit null is refused)."""

    kind: Opportunity.Kind = None  # type: ignore[assignment]
    type: Opportunity.Type = None  # type: ignore[assignment]
    title: text(500, min_length=1) = None
    description: text(20_000) | None = None
    nace: Sections = Field(None, max_length=21, description=SECTIONS_HELP)  # type: ignore[assignment]
    sectors: list[Item] = Field(None, max_length=100)  # type: ignore[assignment]


def _writable(found: EventAccess, participation: Participation) -> None:
    """Organizers write every organization of their event, a participant only its own."""
    if found.organizes:
        return
    if found.own is None or found.own.pk != participation.pk:
        raise PermissionDenied("You may change only your own organization.")


def _organizer_edit(participation: Participation, changes: dict[str, Any]) -> None:
    """The organizer's edit page's form and function, with the current values where the
    request names none."""
    data = ParticipationForm.initial_of(participation)
    for name, value in changes.items():
        if name == "availability":
            continue
        # The form types lists as comma-separated text, except the sections it ticks.
        listed = isinstance(value, list) and name != "nace"
        data[name] = ", ".join(value) if listed else value
    form = ParticipationForm({k: "" if v is None else v for k, v in data.items()})
    if not form.is_valid():
        raise ApiError.by_field(422, form.errors)
    availability = _availability(changes)
    try:
        with transaction.atomic():
            change_participation(participation=participation, **form.cleaned_data)
            if "availability" in changes:
                change_availability(participation=participation, availability=availability)
    except ParticipationRuleError as error:
        raise ApiError.by_field(409, error.errors) from None


def _availability(changes: dict[str, Any]) -> list[dict[str, str]] | None:
    """The windows as stored (ISO strings, offsets kept), checked with the event file's rule."""
    windows = changes.get("availability")
    if windows is None:
        return None
    stored = [{"start": w["start"].isoformat(), "end": w["end"].isoformat()} for w in windows]
    try:
        validate_availability(stored)
    except ValidationError as error:
        raise ApiError(422, *error.messages, field="availability") from None
    return stored


def _participant_edit(participation: Participation, changes: dict[str, Any]) -> None:
    """The portal's profile function, with the current values where the request names none."""
    organizers_only = sorted(changes.keys() - PARTICIPANT_FIELDS)
    if organizers_only:
        message = ("Only the event's organizers may change this.",)
        raise ApiError.by_field(403, dict.fromkeys(organizers_only, message))
    required = ("nace", "sectors", "languages", "attendance")
    nulls = [name for name in required if name in changes and changes[name] is None]
    if nulls:
        raise ApiError.by_field(
            422, dict.fromkeys(nulls, ("Send a value; null does not clear this field.",))
        )
    availability = _availability(changes)
    try:
        with transaction.atomic():
            update_profile(
                participation=participation,
                description=changes.get("description", participation.description or ""),
                nace=changes.get("nace", list(participation.nace)),
                sectors=changes.get("sectors", list(participation.sectors)),
                languages=changes.get("languages", list(participation.languages)),
                attendance=changes.get("attendance", participation.attendance),
            )
            if "availability" in changes:
                set_own_availability(participation=participation, availability=availability)
    except PortalRuleError as error:
        raise ApiError(422 if error.field else 409, str(error), field=error.field) from None
    except ParticipationRuleError as error:
        raise ApiError.by_field(409, error.errors) from None


@router.patch(
    "/events/{event_id}/organizations/{organization_id}",
    response={200: OrganizationOut, ERROR_CODES: ErrorBody},
)
def change_organization(
    request: HttpRequest, event_id: Id, organization_id: Id, payload: OrganizationPatch
) -> Participation:
    """Change an organization's profile: your own (participants) or any (organizers)."""
    found = access(request, event_id)
    participation = get_object_or_404(
        Participation.objects.select_related("organization", "event"),
        event=found.event,
        pk=organization_id,
    )
    _writable(found, participation)
    changes = payload.model_dump(exclude_unset=True)
    if found.organizes:
        _organizer_edit(participation, changes)
    else:
        _participant_edit(participation, changes)
    refresh_after_edit(event=found.event, user=request.auth)
    return get_object_or_404(participations(request, event_id), pk=organization_id)


def _owner(found: EventAccess, organization: int | None) -> Participation:
    """The organization an opportunity is written for: a participant's own, or the one an
    organizer names."""
    if found.organizes:
        if organization is None:
            raise ApiError(
                422, "Name the organization the opportunity belongs to.", field="organization"
            )
        owner = Participation.objects.filter(event=found.event, pk=organization).first()
        if owner is None:
            raise ApiError(422, "No organization with this id takes part.", field="organization")
        return owner
    if found.own is None or organization not in (None, found.own.pk):
        raise PermissionDenied("You may change only your own organization's opportunities.")
    return found.own


def _opportunity(found: EventAccess, opportunity_id: int) -> Opportunity:
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("participation__event"),
        event=found.event,
        pk=opportunity_id,
    )
    _writable(found, opportunity.participation)
    return opportunity


def _save(
    found: EventAccess, owner: Participation, opportunity: Opportunity | None, **values: Any
) -> Opportunity:
    try:
        return save_opportunity(
            participation=owner, opportunity=opportunity, by_organizer=found.organizes, **values
        )
    except PortalRuleError as error:
        raise ApiError(422 if error.field else 409, str(error), field=error.field) from None


@router.post(
    "/events/{event_id}/opportunities", response={201: OpportunityOut, ERROR_CODES: ErrorBody}
)
def create_opportunity(
    request: HttpRequest, event_id: Id, payload: OpportunityIn
) -> Status[Opportunity]:
    """Add an opportunity: to your own organization, or (organizers) to the one named."""
    found = access(request, event_id)
    owner = _owner(found, payload.organization)
    values = payload.model_dump(exclude={"organization"})
    created = _save(found, owner, None, **values)
    refresh_after_edit(event=found.event, user=request.auth)
    return Status(201, created)


@router.patch(
    "/events/{event_id}/opportunities/{opportunity_id}",
    response={200: OpportunityOut, ERROR_CODES: ErrorBody},
)
def change_opportunity(
    request: HttpRequest, event_id: Id, opportunity_id: Id, payload: OpportunityPatch
) -> Opportunity:
    """Change an opportunity; a field left out keeps its value."""
    found = access(request, event_id)
    opportunity = _opportunity(found, opportunity_id)
    values = {
        "kind": opportunity.kind,
        "type": opportunity.type,
        "title": opportunity.title,
        "description": opportunity.description or "",
        "nace": list(opportunity.nace),
        "sectors": list(opportunity.sectors),
        **payload.model_dump(exclude_unset=True),
    }
    changed = _save(found, opportunity.participation, opportunity, **values)
    refresh_after_edit(event=found.event, user=request.auth)
    return changed


@router.delete(
    "/events/{event_id}/opportunities/{opportunity_id}",
    response={204: None, ERROR_CODES: ErrorBody},
)
def remove_opportunity(request: HttpRequest, event_id: Id, opportunity_id: Id) -> Status[None]:
    """Delete an opportunity: your own organization's, or (organizers) any."""
    found = access(request, event_id)
    opportunity = _opportunity(found, opportunity_id)
    try:
        delete_opportunity(
            participation=opportunity.participation,
            opportunity=opportunity,
            by_organizer=found.organizes,
        )
    except PortalRuleError as error:
        raise ApiError(409, str(error), field=error.field) from None
    refresh_after_edit(event=found.event, user=request.auth)
    return Status(204, None)
