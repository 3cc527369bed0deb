"""The delegate's own badge QR code on their agenda page, shown at the entrance on the phone."""

from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.badges import personal_badge
from matchfair.web.eventday.models import Badge
from matchfair.web.exports.badge_codes import badge_qr_svg

register = template.Library()


@dataclass(frozen=True)
class PersonalBadge:
    badge: Badge
    code: SafeString


@register.simple_tag(takes_context=True)
def own_badge(context: template.Context, participation: Participation) -> PersonalBadge | None:
    """The reader's badge and its code; None for online organizations and non-delegates.

    The badge is made here on first need (idempotent), so a delegate who signed up
    after the organizer printed still has a code to show at the door.
    """
    request = context.get("request")
    if request is None or participation.attendance != Participation.Attendance.ONSITE:
        return None
    badge = personal_badge(participation=participation, user=request.user)
    return PersonalBadge(badge, badge_qr_svg(badge)) if badge is not None else None
