"""Field types for the ISO codes and timestamps of the file formats.

Each type rejects a bad value with a message that names the value and the standard,
so that an organizer who typed ``UK`` for the United Kingdom learns which list to
look in.
"""

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from matchfair.core.one_line import OneLine
from matchfair.i18n import gettext as _


def _country(value: str) -> str:
    if len(value) != 2 or pycountry.countries.get(alpha_2=value.upper()) is None:
        raise PydanticCustomError(
            "iso_country", _("'{value}' is not an ISO 3166-1 code"), {"value": value}
        )
    return value.upper()


def _language(value: str) -> str:
    if len(value) != 2 or pycountry.languages.get(alpha_2=value.lower()) is None:
        raise PydanticCustomError(
            "iso_language", _("'{value}' is not an ISO 639-1 code"), {"value": value}
        )
    return value.lower()


def _currency(value: str) -> str:
    if len(value) != 3 or pycountry.currencies.get(alpha_3=value.upper()) is None:
        raise PydanticCustomError(
            "iso_currency", _("'{value}' is not an ISO 4217 code"), {"value": value}
        )
    return value.upper()


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError(
            "timezone", _("'{value}' is not an IANA time zone"), {"value": value}
        ) from None
    return value


def _timestamp(value: object) -> object:
    """Reject timestamps without an offset before pydantic parses them.

    Pydantic's own message ("Input should have timezone info") does not show the
    value; an organizer fixing a spreadsheet export needs to see which one.
    """
    text = value.isoformat() if isinstance(value, datetime) else value
    if isinstance(text, str):
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError(
                "timestamp", _("'{value}' is not an ISO 8601 timestamp"), {"value": text}
            ) from None
        if parsed.tzinfo is None:
            raise PydanticCustomError(
                "timestamp_offset",
                _("'{value}' has no UTC offset (write it like 2024-11-18T14:00:00+08:00)"),
                {"value": text},
            )
        return parsed
    return value


CountryCode = Annotated[str, AfterValidator(_country)]
LanguageCode = Annotated[str, AfterValidator(_language)]
CurrencyCode = Annotated[str, AfterValidator(_currency)]
TimeZoneName = Annotated[str, AfterValidator(_timezone)]
Timestamp = Annotated[datetime, BeforeValidator(_timestamp)]
Identifier = Annotated[OneLine, Field(min_length=1, max_length=200)]
