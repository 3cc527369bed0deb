"""The token in a badge's QR code: the badge and its event, signed with the site's secret key.

A token names its event as well as its badge, so a badge of another event is told
apart from a forged one, and it carries no personal data: whoever reads the code
learns two numbers. The salt keeps these signatures from being valid anywhere else
the site signs values (sessions, password links).
"""

from dataclasses import dataclass

from django.core import signing

SALT = "matchfair.eventday.badge"


@dataclass(frozen=True)
class TokenIds:
    event_id: int
    badge_id: int


def sign_badge(*, event_id: int, badge_id: int) -> str:
    """The text of the badge's QR code, e.g. ``12-345:Xy...``."""
    return signing.Signer(salt=SALT).sign(f"{event_id}-{badge_id}")


def read_badge_token(token: str) -> TokenIds | None:
    """The ids a genuine token names; None for anything this site did not sign."""
    try:
        value = signing.Signer(salt=SALT).unsign(token.strip())
    except signing.BadSignature:
        return None
    event_id, _dash, badge_id = value.partition("-")
    if not (event_id.isdigit() and badge_id.isdigit()):
        return None
    return TokenIds(int(event_id), int(badge_id))
