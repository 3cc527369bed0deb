"""Campaigns through the API: list, preview and send, and the bulk invitations, with the
Campaigns page's rules.

The same domain functions as the organizer's page (``notify.domain.campaigns``): a
text refused there (an empty body for a language chosen, a line break in a subject)
is a 422 naming ``subject_<language>`` or ``body_<language>`` here. Only the event's
organizers reach these endpoints. The bulk invitations are the page's two buttons
(``notify.domain.reinvitations``): an event of no series has no earlier edition to
invite (409, as the series directory answers).
"""

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.scope import Id, organizer_access
from matchfair.web.notify.domain.campaigns import (
    CampaignText,
    preview_campaign,
    send_campaign,
)
from matchfair.web.notify.domain.portal_rules import PortalRuleError
from matchfair.web.notify.domain.reinvitations import (
    earlier_edition_people,
    invite_contacts,
    invite_earlier_edition,
    uninvited_contacts,
)
from matchfair.web.notify.models import Campaign
from matchfair.web.notify.segments import Segment

router = Router(tags=["campaigns"])


class TextIn(Schema):
    language: str = Field(..., description="en, zh-hans, de or fr")
    subject: str = Field(..., max_length=300)
    body: str


class SegmentIn(Schema):
    """Every field set narrows the organizations; none set: every organization."""

    groups: list[str] = Field([])
    countries: list[str] = Field([], description="ISO 3166-1 alpha-2 codes")
    kinds: list[str] = Field([], description="company, university, research, ...")
    attendance: list[str] = Field([], description="onsite, online")
    registration: Literal["", "registered", "not_registered"] = Field(
        "", description="someone has set a password, nobody has, or either"
    )
    no_opportunity: bool = False
    pending_requests: bool = False
    no_meeting: bool = False


class CampaignIn(Schema):
    texts: list[TextIn] = Field(..., description="The first is for readers of other languages")
    segment: SegmentIn = SegmentIn()


class LanguagePreview(Schema):
    language: str
    subject: str
    body: str
    readers: int


class PreviewOut(Schema):
    recipients: int
    languages: list[LanguagePreview]


class CampaignOut(Schema):
    id: int
    kind: str
    texts: dict
    segment: dict
    recipients: int
    sent_at: datetime


class InvitationsOut(Schema):
    contacts: int = Field(..., description="Contacts of the event without a password")
    earlier_edition: int = Field(
        ..., description="People of the series' other editions whose organization is not here"
    )


def _texts(payload: CampaignIn) -> list[CampaignText]:
    return [CampaignText(text.language, text.subject, text.body) for text in payload.texts]


def _refused(error: PortalRuleError) -> ApiError:
    return ApiError(422, str(error), field=error.field)


@router.get(
    "/events/{event_id}/campaigns", response={200: list[CampaignOut], ERROR_CODES: ErrorBody}
)
def list_campaigns(request: HttpRequest, event_id: Id) -> list[Campaign]:
    """The campaigns and bulk invitations sent, newest first."""
    return list(Campaign.objects.filter(event=organizer_access(request, event_id).event))


@router.post(
    "/events/{event_id}/campaigns/preview", response={200: PreviewOut, ERROR_CODES: ErrorBody}
)
def preview(request: HttpRequest, event_id: Id, payload: CampaignIn) -> PreviewOut:
    """The recipients' count and each language's readers; nothing is sent."""
    event = organizer_access(request, event_id).event
    try:
        found = preview_campaign(
            event=event, segment=Segment.from_json(payload.segment.dict()), texts=_texts(payload)
        )
    except PortalRuleError as error:
        raise _refused(error) from None
    return PreviewOut(
        recipients=found.recipients,
        languages=[
            LanguagePreview(
                language=text.language, subject=text.subject, body=text.body, readers=readers
            )
            for text, readers in found.rows
        ],
    )


@router.post("/events/{event_id}/campaigns", response={201: CampaignOut, ERROR_CODES: ErrorBody})
def send(request: HttpRequest, event_id: Id, payload: CampaignIn) -> Status:
    """Queue the campaign for every recipient of the segment (one transaction)."""
    event = organizer_access(request, event_id).event
    try:
        campaign = send_campaign(
            event=event,
            by=request.auth,
            segment=Segment.from_json(payload.segment.dict()),
            texts=_texts(payload),
            site_url=request.build_absolute_uri("/").rstrip("/"),
        )
    except PortalRuleError as error:
        raise _refused(error) from None
    return Status(201, campaign)


@router.get(
    "/events/{event_id}/campaigns/invitations",
    response={200: InvitationsOut, ERROR_CODES: ErrorBody},
)
def invitation_counts(request: HttpRequest, event_id: Id) -> InvitationsOut:
    """How many people each bulk invitation would reach now; nothing is sent."""
    event = organizer_access(request, event_id).event
    return InvitationsOut(
        contacts=len(uninvited_contacts(event)),
        earlier_edition=len(earlier_edition_people(event)),
    )


def _invitations(request: HttpRequest, event_id: int, send: Callable[..., Campaign]) -> Status:
    event = organizer_access(request, event_id).event
    try:
        campaign = send(
            event=event, by=request.auth, site_url=request.build_absolute_uri("/").rstrip("/")
        )
    except PortalRuleError as error:
        if error.field == "series":
            raise ApiError(409, str(error), field=error.field) from None
        raise _refused(error) from None
    return Status(201, campaign)


@router.post(
    "/events/{event_id}/campaigns/invitations/contacts",
    response={201: CampaignOut, ERROR_CODES: ErrorBody},
)
def invite_uninvited_contacts(request: HttpRequest, event_id: Id) -> Status:
    """A new invitation (a fresh link to choose a password) to every contact without one."""
    return _invitations(request, event_id, invite_contacts)


@router.post(
    "/events/{event_id}/campaigns/invitations/earlier-edition",
    response={201: CampaignOut, ERROR_CODES: ErrorBody},
)
def invite_earlier_editions_people(request: HttpRequest, event_id: Id) -> Status:
    """The registration link to the people of the series' other editions not in this event."""
    return _invitations(request, event_id, invite_earlier_edition)
