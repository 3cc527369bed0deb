"""The recommendations file (``matchfair-recommendations/1``)."""

from typing import Literal

from pydantic import ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from matchfair.core.base import Strict
from matchfair.core.codes import Identifier
from matchfair.i18n import Message

RECOMMENDATIONS_FORMAT = "matchfair-recommendations/1"


class Recommendation(Strict):
    # A partner and why: ``reasons`` as the file's text, ``messages`` as the engine's
    # words, never written to a file nor its schema, so that the web stores each reason
    # once and writes it in each reader's language; a file read back has none. (A
    # comment, not a docstring: ``matchfair schema`` would print a docstring.)

    model_config = ConfigDict(arbitrary_types_allowed=True)

    partner: Identifier
    score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)
    messages: SkipJsonSchema[list[Message]] = Field(default_factory=list, exclude=True, repr=False)


class Recommendations(Strict):
    format: Literal["matchfair-recommendations/1"] = RECOMMENDATIONS_FORMAT
    event: Identifier
    recommendations: dict[str, list[Recommendation]] = Field(default_factory=dict)
