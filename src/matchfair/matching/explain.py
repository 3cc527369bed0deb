"""Reasons a person understands, naming the opportunities by their titles.

Each recommendation says which of the partner's texts meets which of yours (the pair
that carried the score), in which languages they are written, which sectors you
share, and who already asked to meet whom.
"""

from matchfair.core import MeetingRequest
from matchfair.i18n import gettext as _
from matchfair.matching.corpus import Unit


def _tagged(title: str, language: str) -> str:
    return f"'{title}' [{language}]" if language else f"'{title}'"


def texts_reason(mine: Unit, my_language: str, theirs: Unit, their_language: str) -> str:
    """Why the closest pair of texts of two organizations makes them partners."""
    own = _tagged(mine.title, my_language)
    other = _tagged(theirs.title, their_language)
    if mine.opportunity is None or theirs.opportunity is None:
        if mine.opportunity is not None:
            if mine.opportunity.kind == "offer":
                return _("their profile fits your offer {own}").format(own=own)
            return _("their profile fits your request {own}").format(own=own)
        if theirs.opportunity is not None:
            if theirs.opportunity.kind == "offer":
                return _("their offer {other} fits your profile").format(other=other)
            return _("their request {other} fits your profile").format(other=other)
        return _("your profiles are close")
    my_kind, their_kind = mine.opportunity.kind, theirs.opportunity.kind
    if my_kind == "offer" and their_kind == "request":
        return _("their request {other} meets your offer {own}").format(other=other, own=own)
    if my_kind == "request" and their_kind == "offer":
        return _("their offer {other} meets your request {own}").format(other=other, own=own)
    if my_kind == "request":
        if "research" in (mine.opportunity.type, theirs.opportunity.type):
            return _("joint research fit: your request {own} and their request {other}").format(
                own=own, other=other
            )
        return _("your request {own} and their request {other} complete each other").format(
            own=own, other=other
        )
    return _("your offer {own} and their offer {other} are close: a joint offer?").format(
        own=own, other=other
    )


def sectors_reason(shared: list[str]) -> str:
    """The sectors two organizations share."""
    return _("shared sectors: {sectors}").format(sectors=", ".join(shared))


def requests_reasons(me: str, partner: str, requests: list[MeetingRequest]) -> list[str]:
    """What the meeting requests between two organizations already say."""
    reasons = []
    for request in requests:
        if request.status == "declined":
            continue
        if request.from_ == me and request.to == partner:
            reasons.append(
                _("you asked to meet them (accepted)")
                if request.status == "accepted"
                else _("you asked to meet them")
            )
        elif request.from_ == partner and request.to == me:
            reasons.append(
                _("they asked to meet you (accepted)")
                if request.status == "accepted"
                else _("they asked to meet you")
            )
    return reasons
