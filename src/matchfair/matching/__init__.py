"""Cross-lingual partner recommendation and search: the matching engine.

It takes and returns ``matchfair.core`` objects, never Django models, and is a
pure function of its input and configuration. docs/matching.md explains the method.
"""

from matchfair.matching.ann import Neighbours, VectorIndex
from matchfair.matching.cache import EmbeddingCache, NoCache, default_cache_dir
from matchfair.matching.e5 import E5Encoder
from matchfair.matching.encoder import Encoder
from matchfair.matching.fake import FakeEncoder
from matchfair.matching.incremental import (
    RankingState,
    load_state,
    recommend_incrementally,
    save_state,
)
from matchfair.matching.recommend import recommend
from matchfair.matching.registry import DEFAULT_SPEC, EncoderSpecError, choose_encoders
from matchfair.matching.routing import RoutedEncoder
from matchfair.matching.sbert import SentenceTransformerEncoder
from matchfair.matching.search import SearchHit, SearchIndex, SearchResults
from matchfair.matching.use import UseEncoder
from matchfair.matching.weights import Weights

__all__ = [
    "DEFAULT_SPEC",
    "E5Encoder",
    "EmbeddingCache",
    "Encoder",
    "EncoderSpecError",
    "FakeEncoder",
    "Neighbours",
    "NoCache",
    "RankingState",
    "RoutedEncoder",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "SentenceTransformerEncoder",
    "UseEncoder",
    "VectorIndex",
    "Weights",
    "choose_encoders",
    "default_cache_dir",
    "load_state",
    "recommend",
    "recommend_incrementally",
    "save_state",
]
