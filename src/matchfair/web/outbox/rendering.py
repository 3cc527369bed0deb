"""A queued mail written out: plain text and HTML, in its recipient's language and time zone.

Written when the worker sends it, not when it was queued, from the stored messages
(``stored_text``). Every mail names its event, links to what it is about and to the
recipient's notification settings (where each kind can be muted), in the event's accent
colour (``events.colours``). CJK-safe: UTF-8
throughout, the HTML part declares the language (so mail readers pick a Chinese
font) and lists CJK fonts, and long words and URLs wrap.
"""

import zoneinfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from matchfair.web import stored_text
from matchfair.web.events.colours import WHITE, accent_or_default, contrast_ratio, text_on
from matchfair.web.outbox.models import Mail

INK = "#1d2733"
"""The site's text colour, for links when the event's accent is too pale to read on white."""
READABLE = 4.5
"""WCAG AA's contrast ratio for body text."""


def colours(mail: Mail) -> dict[str, str]:
    """The event's accent for the header and button, the text on it, and a readable link colour.

    Mail readers ignore style sheets, so the template writes these into each element."""
    accent = accent_or_default(mail.event.accent_colour if mail.event_id else "")
    return {
        "accent": accent,
        "accent_text": text_on(accent),
        "link_colour": accent if contrast_ratio(accent, WHITE) >= READABLE else INK,
    }


def settings_link(mail: Mail) -> str:
    """Where the recipient mutes kinds of mail (the portal's personal settings)."""
    return f"{mail.site_url}{reverse('portal:settings')}#notifications"


def _zone(mail: Mail) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(mail.time_zone or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def message_id(mail: Mail) -> str:
    """The same Message-ID on every attempt, so a receiver can drop a repeat."""
    return f"<outbox-{mail.pk}-{int(mail.created_at.timestamp())}@matchfair>"


def body_text(body: stored_text.Stored | list[stored_text.Stored]) -> str:
    """A mail's body in the current language: one message, or paragraphs of several."""
    if isinstance(body, list):
        return "\n\n".join(text.strip("\n") for text in stored_text.render_all(body))
    return stored_text.render(body)


def compose(mail: Mail) -> EmailMultiAlternatives:
    """The e-mail of ``mail``, ready for Django's mail backend."""
    with translation.override(mail.language), timezone.override(_zone(mail)):
        subject = stored_text.render(mail.subject)
        body = body_text(mail.body)
        link = mail.link if "://" in mail.link or not mail.link else mail.site_url + mail.link
        context = {
            "subject": subject,
            "paragraphs": [part for part in body.split("\n\n") if part.strip()],
            "link": link,
            "settings_link": settings_link(mail),
            "event_name": mail.event.name if mail.event_id else "",
            "language": mail.language,
            **colours(mail),
        }
        text = render_to_string("outbox/mail.txt", context)
        html = render_to_string("outbox/mail.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        # The bare address: a display name is one more header value to get wrong.
        to=[mail.address],
        headers={
            "Message-ID": message_id(mail),
            "Auto-Submitted": "auto-generated",
            "List-Unsubscribe": f"<{settings_link(mail)}>",
        },
    )
    message.attach_alternative(html, "text/html")
    for attachment in mail.attachments or ():
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message
