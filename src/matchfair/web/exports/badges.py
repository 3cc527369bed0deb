"""Printable badges: A6 cards, one per page, or A4 sheets of four to cut.

Each card carries the name in its own script (tagged with its language so Chinese,
Japanese and Korean names print with their own glyph forms, as the agendas do),
the organization, its country and the QR code the check-in desk scans.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from weasyprint import HTML

from matchfair.web.directory.languages import country_name
from matchfair.web.eventday.models import Badge
from matchfair.web.events.models import Event
from matchfair.web.exports.badge_codes import badge_qr_svg


class Layout(StrEnum):
    A6 = "a6"
    A4 = "a4"


@dataclass(frozen=True)
class Card:
    badge: Badge
    country: str
    code: SafeString


def badges_pdf(event: Event, badges: list[Badge], *, layout: Layout) -> bytes:
    """The badges in the given order; A4 puts four on a page, two by two, to cut along the lines."""
    cards = [
        Card(badge, country_name(badge.participation.organization.country), badge_qr_svg(badge))
        for badge in badges
    ]
    per_page = 4 if layout == Layout.A4 else 1
    pages = [cards[index : index + per_page] for index in range(0, len(cards), per_page)]
    html = render_to_string(
        "exports/badges.html",
        {
            "event": event,
            "pages": pages,
            "layout": layout.value,
            "language": translation.get_language(),
        },
    )
    return HTML(string=html).write_pdf()
