"""Structured signals: what kind of cooperation two texts ask for, and shared sectors.

The text says what a thing is; the structure says which way it goes. An offer meets
a request; two offers of the same thing are competitors, however similar their
words. Both terms are written as dot products of small feature vectors, so they add
to the dense similarity inside the same matrix product at no extra pass.
"""

from typing import get_args

import numpy as np

from matchfair.core import Event
from matchfair.core.event import OpportunityType
from matchfair.core.sectors import normalize_keyword, section_keyword
from matchfair.matching.corpus import Corpus
from matchfair.matching.weights import Weights

_TYPES = get_args(OpportunityType)


def kind_type_features(corpus: Corpus, weights: Weights) -> tuple[np.ndarray, np.ndarray]:
    """Left and right features whose dot product is the kind term plus the type term."""
    width = 2 + len(_TYPES)
    left = np.zeros((len(corpus.units), width), dtype=np.float32)
    right = np.zeros_like(left)
    for row, unit in enumerate(corpus.units):
        opportunity = unit.opportunity
        if opportunity is None:
            continue
        kind = 0 if opportunity.kind == "offer" else 1
        left[row, kind] = weights.offer_offer if kind == 0 else weights.request_request
        right[row, kind] = 1.0
        kind_of_help = 2 + _TYPES.index(opportunity.type)
        left[row, kind_of_help] = weights.same_type
        right[row, kind_of_help] = 1.0
    return left, right


def _labels(keywords: list[str], sections: list[str]) -> set[str]:
    """Sector labels of one profile: folded keywords and each NACE section's name."""
    return {normalize_keyword(keyword) for keyword in keywords} | {
        section_keyword(code) for code in sections
    }


def sector_sets(event: Event) -> list[frozenset[str]]:
    """Each organization's sectors with those of its opportunities.

    Keywords are compared folded ("Circular-Economy" is "circular economy"); a NACE
    section is a label of its own, so a shared section is a witness like a shared
    keyword.
    """
    sectors = [
        _labels(organization.sectors, organization.nace) for organization in event.organizations
    ]
    position = {organization.id: index for index, organization in enumerate(event.organizations)}
    for opportunity in event.opportunities:
        sectors[position[opportunity.organization]].update(
            _labels(opportunity.sectors, opportunity.nace)
        )
    return [frozenset(labels - {""}) for labels in sectors]


def sector_matrix(sectors: list[frozenset[str]]) -> np.ndarray:
    """One row per organization, one 0/1 column per sector label."""
    labels = sorted(set().union(*sectors)) if sectors else []
    column = {label: index for index, label in enumerate(labels)}
    matrix = np.zeros((len(sectors), len(labels)), dtype=np.float32)
    for row, labels_of_row in enumerate(sectors):
        for label in labels_of_row:
            matrix[row, column[label]] = 1.0
    return matrix


def jaccard(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Jaccard index of every row's sector set against every column's (0 when both empty)."""
    shared = rows @ columns.T
    union = rows.sum(axis=1)[:, None] + columns.sum(axis=1)[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
