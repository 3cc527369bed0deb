"""Who may read and write a conversation: the delegates of its two organizations, nobody else.

The organizer of the event reads no conversation; they read only the messages a
participant reported (``reported_messages``). A viewer has no side and so no
conversation. Every page and endpoint reaches conversations through here.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.events.rules import is_organizer
from matchfair.web.notify.domain.personal import zone_of
from matchfair.web.talk.models import Conversation, Report

View = Callable[..., HttpResponse]


def side_of(user: AbstractBaseUser, event: Event) -> Participation | None:
    """The participation ``user`` writes for in ``event``: their organization's, if it takes part."""
    delegate = getattr(user, "delegate", None) if user.is_authenticated else None
    if delegate is None or not user.is_active:
        return None
    return (
        Participation.objects.select_related("event", "organization")
        .filter(event=event, organization_id=delegate.organization_id)
        .first()
    )


def writes_for(user: AbstractBaseUser, participation: Participation) -> bool:
    """Whether ``user`` is a delegate of ``participation``'s organization (no query but the
    delegate's, which the page header has loaded already)."""
    if not user.is_authenticated or not user.is_active:
        return False
    delegate = getattr(user, "delegate", None)
    return delegate is not None and delegate.organization_id == participation.organization_id


def visible_conversations(user: AbstractBaseUser, event: Event) -> QuerySet[Conversation]:
    """The conversations of ``event`` whose one side is ``user``'s organization."""
    side = side_of(user, event)
    if side is None:
        return Conversation.objects.none()
    return Conversation.objects.filter(event=event).filter(Q(first=side) | Q(second=side))


def partner_of(side: Participation, partner_id: int) -> Participation:
    """Another participation of ``side``'s event (404 otherwise: no message leaves the event)."""
    if partner_id == side.pk:
        raise Http404
    return get_object_or_404(
        Participation.objects.select_related("organization"), pk=partner_id, event_id=side.event_id
    )


def reported_messages(user: AbstractBaseUser, event: Event) -> QuerySet[Report]:
    """The reports of ``event``'s messages, for its organizers only."""
    if not is_organizer(user, event):
        return Report.objects.none()
    return Report.objects.filter(message__conversation__event=event).select_related(
        "message__side__organization", "message__author", "reporter"
    )


def conversation_page(view: View) -> View:
    """Decorate a view taking ``(request, side, ...)``: the delegate's own participation only.

    Unlike other participant pages, the organizer may not open it (404): what two
    organizations write to each other is theirs.
    """

    @login_required
    @wraps(view)
    def checked(
        request: HttpRequest, participation_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        participation = get_object_or_404(
            Participation.objects.select_related("event", "organization"), pk=participation_id
        )
        side = side_of(request.user, participation.event)
        if side is None or side.pk != participation.pk:
            raise Http404
        with timezone.override(zone_of(request.user, participation=side)):
            return view(request, side, *args, **kwargs)

    return checked
