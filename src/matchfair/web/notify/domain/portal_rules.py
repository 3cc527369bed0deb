"""The organizer's portal rules of an event: read them, and refuse what their deadlines close.

A refusal of a profile change is a ``PortalRuleError`` whose ``field`` names the form
field it concerns (None: the whole form); a request or answer after the request
deadline is refused like any other request (``meetings.domain.requests``).
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.dates import moment_with_zone
from matchfair.web.events.models import Event
from matchfair.web.meetings.domain.requests import RequestRuleError
from matchfair.web.notify.models import PortalRules


class PortalRuleError(ValueError):
    """A participant action the event's rules refuse; ``field`` is the form field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


def rules_of(event: Event) -> PortalRules:
    """The event's portal rules; an event nobody configured gets the defaults."""
    return PortalRules.objects.get_or_create(event=event)[0]


def _when(moment: datetime) -> str:
    """A deadline in the reader's language and time zone, with the zone named."""
    return moment_with_zone(moment)


def _passed(deadline: datetime | None, now: datetime | None) -> bool:
    return deadline is not None and (now or timezone.now()) > deadline


def check_profile_open(event: Event, now: datetime | None = None) -> None:
    """Refuse profile and opportunity changes after the event's profile deadline."""
    deadline = rules_of(event).profile_deadline
    if _passed(deadline, now):
        raise PortalRuleError(
            _("Profiles could be changed until %(deadline)s.") % {"deadline": _when(deadline)}
        )


def check_requests_open(event: Event, now: datetime | None = None) -> None:
    """Refuse sending and answering requests after the event's request deadline."""
    deadline = rules_of(event).request_deadline
    if _passed(deadline, now):
        raise RequestRuleError(
            _("Meeting requests could be sent and answered until %(deadline)s.")
            % {"deadline": _when(deadline)}
        )
