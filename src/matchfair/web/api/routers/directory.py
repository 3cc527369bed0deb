"""The catalog: organizations taking part (with contacts where the role allows) and opportunities."""

from datetime import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from matchfair.core import SECTION_CODES, normalize_keyword, section_name
from matchfair.web.api.errors import ERROR_CODES, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import MAX_ID, Id, access
from matchfair.web.audit.access_log import CONTACTS, record_export
from matchfair.web.directory.models import Delegate, Opportunity, Participation
from matchfair.web.directory.queries import opportunities_of, participations_of
from matchfair.web.meetings.rules import contact_partners, may_see_contacts

router = Router(tags=["directory"])


class SectionOut(Schema):
    """A NACE Rev. 2 section: its letter, and its name in the request's language."""

    code: str
    label: str


def _sections(codes: list[str] | None) -> list[SectionOut]:
    """The sections of a row; a letter the list lacks (stored by the admin) keeps its letter."""
    return [
        SectionOut(code=code, label=section_name(code) if code in SECTION_CODES else code)
        for code in codes or []
    ]


class ContactOut(Schema):
    name: str
    email: str
    title: str


class WindowOut(Schema):
    start: datetime
    end: datetime


class OrganizationOut(Schema):
    """An organization as it takes part in the event; ``id`` is its participation's id.

    ``contacts`` is null where the caller may not see them: a participant sees a
    partner's delegates only once a meeting with that partner is accepted.
    """

    id: int
    code: str
    name: str = Field(..., alias="organization.name")
    country: str = Field(..., alias="organization.country")
    kind: str = Field(..., alias="organization.kind")
    nace: list[SectionOut]
    sectors: list[str]
    languages: list[str]
    attendance: str
    delegates: int
    group: str | None
    description: str | None
    availability: list[WindowOut] | None = Field(
        ..., description="When it can meet, as stored (offsets kept); null: every session"
    )
    contacts: list[ContactOut] | None

    @staticmethod
    def resolve_nace(participation: Participation) -> list[SectionOut]:
        return _sections(participation.nace)

    @staticmethod
    def resolve_contacts(
        participation: Participation, context: dict[str, Any]
    ) -> list[ContactOut] | None:
        if not may_see_contacts(context["request"].contact_partners, participation):
            return None
        return [
            ContactOut(
                name=d.user.get_full_name() or d.user.get_username(),
                email=d.user.email,
                title=d.title,
            )
            for d in participation.organization.delegates.all()
        ]


class OrganizationFilter(Schema):
    country: text(2) | None = Field(None, description="ISO 3166-1 alpha-2")
    kind: text(20) | None = None
    attendance: text(10) | None = None
    group: text(200) | None = None
    section: text(1) | None = Field(
        None, description="A NACE Rev. 2 section letter, of the profile or an opportunity"
    )
    sector: text(200) | None = Field(None, description="A sector keyword")
    q: text(200) | None = Field(None, description="Words of the name")


class OpportunityOut(Schema):
    id: int
    code: str
    organization: int = Field(..., alias="participation_id")
    kind: str
    type: str
    title: str
    description: str | None
    nace: list[SectionOut]
    sectors: list[str]

    @staticmethod
    def resolve_nace(opportunity: Opportunity) -> list[SectionOut]:
        return _sections(opportunity.nace)


class OpportunityFilter(Schema):
    kind: text(10) | None = Field(None, description="offer or request")
    type: text(20) | None = None
    organization: int | None = Field(None, ge=1, le=MAX_ID)
    q: text(200) | None = Field(None, description="Words of the title or description")


def participations(request: HttpRequest, event_id: int, **filters: str) -> QuerySet[Participation]:
    """The event's participations passing ``filters``, with the delegates for ``contacts``."""
    found = access(request, event_id)
    request.contact_partners = contact_partners(found)
    request.event = found.event
    delegates = Delegate.objects.select_related("user").order_by("pk")
    return participations_of(found.event, **filters).prefetch_related(
        Prefetch("organization__delegates", queryset=delegates)
    )


@router.get(
    "/events/{event_id}/organizations",
    response={200: list[OrganizationOut], ERROR_CODES: ErrorBody},
)
@paginate(Pages)
def list_organizations(
    request: HttpRequest, event_id: Id, filters: Query[OrganizationFilter]
) -> QuerySet[Participation]:
    found = participations(
        request,
        event_id,
        country=(filters.country or "").upper(),
        kind=filters.kind or "",
        attendance=filters.attendance or "",
        group=filters.group or "",
        section=(filters.section or "").upper(),
        sector=normalize_keyword(filters.sector or ""),
        name=filters.q or "",
    )
    if request.contact_partners != set():
        # The answer may carry delegates' e-mails: the access log notes the read.
        record_export(event=request.event, action=CONTACTS, detail={"path": request.path})
    return found


@router.get(
    "/events/{event_id}/organizations/{organization_id}",
    response={200: OrganizationOut, ERROR_CODES: ErrorBody},
)
def get_organization(request: HttpRequest, event_id: Id, organization_id: Id) -> Participation:
    participation = get_object_or_404(participations(request, event_id), pk=organization_id)
    if may_see_contacts(request.contact_partners, participation):
        record_export(
            event=request.event,
            action=CONTACTS,
            subject=participation,
            detail={"path": request.path},
        )
    return participation


@router.get(
    "/events/{event_id}/opportunities",
    response={200: list[OpportunityOut], ERROR_CODES: ErrorBody},
)
@paginate(Pages)
def list_opportunities(
    request: HttpRequest, event_id: Id, filters: Query[OpportunityFilter]
) -> QuerySet[Opportunity]:
    return opportunities_of(
        access(request, event_id).event,
        kind=filters.kind or "",
        type=filters.type or "",
        participation=filters.organization,
        words=filters.q or "",
    )
