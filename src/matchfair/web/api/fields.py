"""Input types that refuse what a database cannot store: NUL characters and lone surrogates.

PostgreSQL rejects both with an error of its own; refusing them at the edge turns
that into a 422 naming the field instead of a server error.
"""

from typing import Annotated, Any

from pydantic import AfterValidator, StringConstraints


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    if any("\ud800" <= character <= "\udfff" for character in value):
        raise ValueError("must be valid Unicode text")
    return value


def text(max_length: int, *, min_length: int = 0) -> Any:
    """A string of at most ``max_length`` characters that the database can store."""
    return Annotated[
        str,
        StringConstraints(min_length=min_length, max_length=max_length),
        AfterValidator(_storable),
    ]
