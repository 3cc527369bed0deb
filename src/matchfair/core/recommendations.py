"""The recommendations file (``matchfair-recommendations/1``)."""

from typing import Literal

from pydantic import Field

from matchfair.core.base import Strict
from matchfair.core.codes import Identifier

RECOMMENDATIONS_FORMAT = "matchfair-recommendations/1"


class Recommendation(Strict):
    partner: Identifier
    score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)


class Recommendations(Strict):
    format: Literal["matchfair-recommendations/1"] = RECOMMENDATIONS_FORMAT
    event: Identifier
    recommendations: dict[str, list[Recommendation]] = Field(default_factory=dict)
