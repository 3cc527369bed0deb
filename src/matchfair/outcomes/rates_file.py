"""The organizer's exchange-rate table as a JSON file, for the command line.

The file names a base currency and the value of one unit of each other currency in
that base, for example ``{"base": "CNY", "rates": {"EUR": "7.62", "USD": 7.1}}``;
an optional ``date`` says which day's rates they are, so a report can say so.
Rates given as strings stay exact; every problem is reported with its JSON path.
"""

import datetime as dt
import os
from decimal import Decimal
from typing import Annotated

from pydantic import Field, ValidationError

from matchfair.core import FormatError, FormatIssue, load_json
from matchfair.core.base import Strict
from matchfair.core.codes import CurrencyCode
from matchfair.core.errors import json_path
from matchfair.outcomes.money import RateTable

PositiveRate = Annotated[Decimal, Field(gt=0)]


class RatesFile(Strict):
    base: CurrencyCode
    rates: dict[CurrencyCode, PositiveRate]
    date: dt.date | None = None


def parse_rates(data: object, source: str = "<rates>") -> RateTable:
    """Validate a decoded rates file into a RateTable."""
    try:
        parsed = RatesFile.model_validate(data)
    except ValidationError as error:
        issues = [
            FormatIssue(json_path(tuple(detail["loc"])), detail["msg"])
            for detail in error.errors(include_url=False)
        ]
        raise FormatError(source, issues) from None
    return RateTable(base=parsed.base, rates=dict(parsed.rates), date=parsed.date)


def read_rates(path: str | os.PathLike[str]) -> RateTable:
    """Read an exchange-rate table file (errors name the file and the JSON path)."""
    return parse_rates(load_json(path), str(path))
