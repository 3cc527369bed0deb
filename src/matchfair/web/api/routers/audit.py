"""The audit trail of an event, for its organizers."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ErrorBody
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, organizer_access
from matchfair.web.audit.services import TrailLine, trail

router = Router(tags=["audit"])


class AuditOut(Schema):
    at: datetime
    actor: str
    action: str
    subject: str
    summary: str


@router.get("/events/{event_id}/audit", response={200: list[AuditOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_audit(request: HttpRequest, event_id: Id) -> list[TrailLine]:
    """Who changed a meeting, a request or an agreement, and when; newest first."""
    return trail(organizer_access(request, event_id).event)
