"""Finding partners for tailor-made meetings from the recommendations nobody requested yet.

(Finding them by meaning across languages needs the engine's search index, built
from ``core`` objects: ``exchange.search_index.search_partners``.)
"""

from dataclasses import dataclass

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import MeetingRequest, Recommendation


@dataclass(frozen=True)
class SuggestedPair:
    first: Participation
    second: Participation
    score: float
    reasons: list[str]


def suggested_pairs(event: Event, count: int = 20) -> list[SuggestedPair]:
    """The best-scored recommended pairs that nobody has requested yet, each pair once."""
    requested = {
        frozenset(pair)
        for pair in MeetingRequest.objects.filter(event=event).values_list(
            "requester_id", "recipient_id"
        )
    }
    pairs: list[SuggestedPair] = []
    recommendations = (
        Recommendation.objects.filter(event=event)
        .select_related("participation__organization", "partner__organization")
        .order_by("-score", "pk")
    )
    for recommendation in recommendations[: count * 10]:
        key = frozenset((recommendation.participation_id, recommendation.partner_id))
        if key in requested:
            continue
        requested.add(key)
        pairs.append(
            SuggestedPair(
                recommendation.participation,
                recommendation.partner,
                recommendation.score,
                list(recommendation.reasons),
            )
        )
        if len(pairs) == count:
            break
    return pairs
