"""A badge's QR code as inline SVG, for the printed badges and the delegate's agenda page.

SVG keeps the code sharp at any print size and needs no image files; error
correction M survives a creased or partly covered badge.
"""

import segno
from django.utils.safestring import SafeString, mark_safe

from matchfair.web.eventday.badge_tokens import sign_badge
from matchfair.web.eventday.models import Badge


def badge_token(badge: Badge) -> str:
    """The signed text the badge's QR code holds."""
    return sign_badge(event_id=badge.event_id, badge_id=badge.pk)


def badge_qr_svg(badge: Badge) -> SafeString:
    """The code as an ``<svg>`` element sized by its container.

    Safe to mark so: the markup is segno's own paths, with no text of the badge in it.
    """
    code = segno.make(badge_token(badge), error="m")
    return mark_safe(code.svg_inline(scale=1, border=2, omitsize=True))
