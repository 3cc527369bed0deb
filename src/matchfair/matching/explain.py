"""Reasons a person understands, naming the opportunities by their titles.

Each recommendation says which of the partner's texts meets which of yours (the pair
that carried the score), in which languages they are written, which sectors you
share, and who already asked to meet whom. Each reason is a ``matchfair.i18n.Message``,
so the web stores it once and writes it in each reader's language.
"""

from matchfair.core import MeetingRequest
from matchfair.i18n import Message, message
from matchfair.matching.corpus import Unit


def _tagged(title: str, language: str) -> str:
    return f"'{title}' [{language}]" if language else f"'{title}'"


def texts_reason(mine: Unit, my_language: str, theirs: Unit, their_language: str) -> Message:
    """Why the closest pair of texts of two organizations makes them partners."""
    own = _tagged(mine.title, my_language)
    other = _tagged(theirs.title, their_language)
    if mine.opportunity is None or theirs.opportunity is None:
        if mine.opportunity is not None:
            if mine.opportunity.kind == "offer":
                return message("their profile fits your offer {own}", own=own)
            return message("their profile fits your request {own}", own=own)
        if theirs.opportunity is not None:
            if theirs.opportunity.kind == "offer":
                return message("their offer {other} fits your profile", other=other)
            return message("their request {other} fits your profile", other=other)
        return message("your profiles are close")
    my_kind, their_kind = mine.opportunity.kind, theirs.opportunity.kind
    if my_kind == "offer" and their_kind == "request":
        return message("their request {other} meets your offer {own}", other=other, own=own)
    if my_kind == "request" and their_kind == "offer":
        return message("their offer {other} meets your request {own}", other=other, own=own)
    if my_kind == "request":
        if "research" in (mine.opportunity.type, theirs.opportunity.type):
            return message(
                "joint research fit: your request {own} and their request {other}",
                own=own,
                other=other,
            )
        return message(
            "your request {own} and their request {other} complete each other", own=own, other=other
        )
    return message(
        "your offer {own} and their offer {other} are close: a joint offer?", own=own, other=other
    )


def sectors_reason(shared: list["Message | str"]) -> Message:
    """The sectors two organizations share, each named in the reader's language when read."""
    listed = shared[-1]
    for sector in reversed(shared[:-1]):
        # Translators: joins two sectors of a list (Chinese uses the enumeration comma).
        listed = message("{first}, {second}", first=sector, second=listed)
    return message("shared sectors: {sectors}", sectors=listed)


def requests_reasons(me: str, partner: str, requests: list[MeetingRequest]) -> list[Message]:
    """What the meeting requests between two organizations already say."""
    reasons = []
    for request in requests:
        if request.status == "declined":
            continue
        if request.from_ == me and request.to == partner:
            reasons.append(
                message("you asked to meet them (accepted)")
                if request.status == "accepted"
                else message("you asked to meet them")
            )
        elif request.from_ == partner and request.to == me:
            reasons.append(
                message("they asked to meet you (accepted)")
                if request.status == "accepted"
                else message("they asked to meet you")
            )
    return reasons
