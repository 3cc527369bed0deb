"""Who may open a page that belongs to one organization's participation in an event.

A participant page (its agenda, its requests, its outcomes) is for that organization's
delegates and for the event's organizers; everyone else gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from matchfair.web.directory.models import Participation
from matchfair.web.events.rules import is_organizer


def delegate_participation(request: HttpRequest, participation_id: int) -> Participation:
    """A participant page: its organization's delegates and the event's organizers only."""
    participation = get_object_or_404(
        Participation.objects.select_related("event", "organization"), pk=participation_id
    )
    user = request.user
    delegate = getattr(user, "delegate", None)
    if delegate is not None and delegate.organization_id == participation.organization_id:
        return participation
    if is_organizer(user, participation.event):
        return participation
    raise PermissionDenied
