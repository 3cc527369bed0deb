"""Pydantic's validation messages in the reader's language, and word for word in English."""

from decimal import Decimal
from enum import Enum
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from matchfair.core import parse_event
from matchfair.core.errors import FormatError
from matchfair.core.validation_messages import TRANSLATED_TYPES, validation_message
from matchfair.i18n import use_language


class Colour(Enum):
    RED = "red"
    BLUE = "blue"


class Inner(BaseModel):
    value: int = 0


class Sample(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    whole: int | None = None
    number: float | None = None
    amount: Decimal | None = None
    text: str | None = None
    flag: bool | None = None
    items: list[int] | None = None
    mapping: dict[str, int] | None = None
    inner: Inner | None = None
    positive: int | None = Field(default=None, gt=0)
    at_least_one: int | None = Field(default=None, ge=1)
    below_five: int | None = Field(default=None, lt=5)
    at_most_five: int | None = Field(default=None, le=5)
    choice: Literal["a", "b"] | None = None
    colour: Colour | None = None
    two_or_more: list[int] | None = Field(default=None, min_length=2)
    one_at_most: list[int] | None = Field(default=None, max_length=1)
    name: str | None = Field(default=None, min_length=2)
    letter: str | None = Field(default=None, max_length=1)


CASES: list[tuple[str, Any]] = [
    ("whole", []),
    ("whole", "x"),
    ("whole", 1.5),
    ("number", []),
    ("number", "x"),
    ("number", float("inf")),
    ("amount", "x"),
    ("amount", []),
    ("text", 1),
    ("flag", []),
    ("flag", "maybe"),
    ("items", 1),
    ("mapping", 1),
    ("inner", 1),
    ("positive", 0),
    ("at_least_one", 0),
    ("below_five", 5),
    ("at_most_five", 6),
    ("choice", "c"),
    ("colour", "green"),
    ("two_or_more", [1]),
    ("one_at_most", [1, 2]),
    ("name", "x"),
    ("letter", "xy"),
]


def _errors() -> list[Any]:
    found = []
    for field, value in CASES:
        with pytest.raises(ValidationError) as raised:
            Sample.model_validate({field: value})
        found.extend(raised.value.errors(include_url=False))
    return found


def test_every_translated_type_is_exercised_here():
    assert {error["type"] for error in _errors()} == TRANSLATED_TYPES


def test_in_english_each_message_is_pydantics_own():
    with use_language("en"):
        assert [validation_message(error) for error in _errors()] == [
            error["msg"] for error in _errors()
        ]


def test_messages_are_written_in_the_language_asked():
    by_type = {error["type"]: error for error in _errors()}
    with use_language("de"):
        assert validation_message(by_type["greater_than_equal"]) == "Eingabe muss mindestens 1 sein"
    with use_language("zh-hans"):
        assert validation_message(by_type["too_short"]) == "列表至少应有 2 项，实际为 1 项"


def test_an_event_file_reports_them_in_the_language_asked():
    with use_language("fr"), pytest.raises(FormatError) as raised:
        parse_event(
            {
                "format": "matchfair-event/1",
                "event": {"id": "x", "name": "X", "sessions": []},
            }
        )
    assert "event.sessions: La liste doit contenir au moins 1 élément, pas 0, reçu []" in str(
        raised.value
    )
