"""Checking a badge in at the entrance, by its QR token or by its id (a search by name).

One function for every way in (the desk page, its JSON endpoint, the API), so the
same rules and words apply. ``CheckIn`` has one row per badge: a scan reads it, and
inserts it (with its audit entry, in one transaction) when there is none; when two
desks scan the same badge at the same moment the loser's insert fails on the unique
badge and reads the winner's row, so a badge is never checked in twice and no scan
is lost.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web import dates, stored_text
from matchfair.web.audit.services import record
from matchfair.web.eventday.badge_tokens import read_badge_token
from matchfair.web.eventday.models import Badge, CheckIn
from matchfair.web.eventday.rules import may_check_in
from matchfair.web.events.models import Event

DESK_LENGTH = CheckIn._meta.get_field("desk").max_length
# Ids as the database can hold them: a larger number typed or posted is no badge, not an error.
MAX_ID = 2**63 - 1


class CheckInError(ValueError):
    """A check-in or badge change the rules refuse; the message says why, ``field`` where."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CheckInResult:
    """The badge's check-in; ``new`` is False when an earlier scan had made it."""

    badge: Badge
    check_in: CheckIn
    new: bool

    @property
    def message(self) -> str:
        """What the desk shows, in the current language and time zone."""
        values = {
            "name": self.badge.name,
            "organization": self.badge.participation.organization.name,
            "time": dates.clock(self.check_in.at),
            "desk": self.check_in.desk or "–",
        }
        if self.new:
            return _("%(name)s (%(organization)s) is checked in.") % values
        return (
            _("%(name)s (%(organization)s) was already checked in at %(time)s by desk %(desk)s.")
            % values
        )


def badge_of_token(*, event: Event, token: str) -> Badge:
    """The badge a scanned token names, refused when forged or of another event."""
    ids = read_badge_token(token)
    if ids is None:
        raise CheckInError(
            _("This code is not a badge of this site: it may be forged or damaged."),
            field="token",
        )
    if ids.event_id != event.pk:
        raise CheckInError(_("This badge is for another event."), field="token")
    badge = _badges(event).filter(pk=ids.badge_id).first() if ids.badge_id <= MAX_ID else None
    if badge is None:
        raise CheckInError(
            _("This badge was withdrawn: its organization or person left the event."),
            field="token",
        )
    return badge


def badge_of_id(*, event: Event, badge_id: int) -> Badge:
    """The badge chosen in a search by name; refused when it is not one of this event's."""
    in_range = 1 <= badge_id <= MAX_ID
    badge = _badges(event).filter(pk=badge_id).first() if in_range else None
    if badge is None:
        raise CheckInError(_("There is no such badge in this event."), field="badge")
    return badge


def _badges(event: Event) -> QuerySet[Badge]:
    return Badge.objects.filter(event=event).select_related("participation__organization")


def _earlier(badge: Badge) -> CheckIn | None:
    """The badge's check-in, when a desk made it already."""
    return CheckIn.objects.filter(badge=badge).first()


def check_in(
    *,
    event: Event,
    badge: Badge,
    user: AbstractBaseUser,
    desk: str = "",
    now: datetime | None = None,
) -> CheckInResult:
    """Check the badge in once: a second scan, at any desk, returns the first check-in."""
    if not may_check_in(user, event):
        raise CheckInError(_("You are not check-in staff of this event."))
    if badge.event_id != event.pk:
        raise CheckInError(_("This badge is for another event."), field="badge")
    earlier = _earlier(badge)
    if earlier is not None:
        return CheckInResult(badge, earlier, new=False)
    desk = " ".join(desk.split())[:DESK_LENGTH]
    try:
        with transaction.atomic():
            row = CheckIn.objects.create(
                event=event, badge=badge, at=now or timezone.now(), desk=desk, by=user
            )
            record(
                event,
                "badge.checked-in",
                badge,
                stored_text.gettext(
                    "%(name)s checked in at desk %(desk)s", name=badge.name, desk=desk or "–"
                ),
            )
    except IntegrityError:
        # Another desk's insert of this badge won between our read and our insert: its
        # row is the check-in, and ours (with its audit entry) was rolled back.
        return CheckInResult(badge, CheckIn.objects.get(badge=badge), new=False)
    return CheckInResult(badge, row, new=True)
