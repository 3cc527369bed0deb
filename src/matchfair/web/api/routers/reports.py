"""An event's figures: the same document as ``matchfair report`` writes.

For organizers and viewers: the figures count draft meetings too, which
participants must not learn about before the schedule is published.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router

from matchfair.outcomes import event_figures
from matchfair.outcomes.document import figures_document
from matchfair.web.api.errors import ERROR_CODES, ErrorBody
from matchfair.web.api.scope import Id, access
from matchfair.web.events.rules import Role
from matchfair.web.exchange.from_database import export_event
from matchfair.web.exchange.outcomes import rate_table_for

router = Router(tags=["reports"])


@router.get("/events/{event_id}/report", response={200: dict[str, Any], ERROR_CODES: ErrorBody})
def report(request: HttpRequest, event_id: Id) -> dict[str, Any]:
    """Funnel, agreements and investment per currency (and converted, with a rate table)."""
    found = access(request, event_id)
    if found.role == Role.PARTICIPANT:
        raise PermissionDenied("The figures are for the organizers and viewers.")
    event = found.event
    return figures_document(event_figures(export_event(event)), rate_table_for(event))
