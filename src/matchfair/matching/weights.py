"""The numbers that combine the signals of a recommendation or a search, with why each has its value.

Dense similarities are z-scores (standard deviations above the average pair of the
event), so every weight here is in those units and means the same in an event of
fifty organizations as in one of ten thousand. docs/matching.md explains each term.
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    """How much each signal moves a pair of organizations up or down."""

    #: Two offers: look-alikes (two sellers of the same thing) rarely need each other.
    offer_offer: float = -1.0
    #: Two requests: they may complete each other (a joint project), less often than an
    #: offer meets a request.
    request_request: float = -0.3
    #: The same type of cooperation (technology, investment...) on both sides.
    same_type: float = 0.3
    #: Neighbours averaged for the hub correction: an organization close to everyone
    #: (a vague profile) is worth less to each (cross-domain similarity local scaling).
    hub_neighbours: int = 3
    #: Sectors shared, as the Jaccard index of the two organizations' sector labels.
    sectors: float = 0.4
    #: Somebody asked to meet: a signal people gave, worth more than any text.
    requested: float = 1.0
    #: Both sides agreed to meet.
    accepted: float = 2.0
    #: Search: each witness beside the text's own dense similarity, added as z-scores
    #: over the event's texts (see search.py): the title alone, the organization's
    #: sector labels, and BM25 over word pieces (as a share of the best match).
    search_titles: float = 0.5
    search_sectors: float = 0.5
    search_lexical: float = 0.5
    #: The value that maps to a displayed score of 0.5 (scores are a monotone
    #: squashing of the combined value into [0, 1], not probabilities).
    midpoint: float = 1.0

    def display(self, value: float) -> float:
        """Squash a combined value into a score in [0, 1], keeping the order."""
        return round(1.0 / (1.0 + math.exp(-(value - self.midpoint))), 4)
