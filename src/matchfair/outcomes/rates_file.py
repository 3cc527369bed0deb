"""The organizer's exchange-rate table as a JSON file, for the command line.

The file names a base currency and the value of one unit of each other currency in
that base, for example ``{"base": "CNY", "rates": {"EUR": "7.62", "USD": 7.1}}``;
an optional ``date`` says which day's rates they are, so a report can say so. Its
format is core's ``ExchangeRates``, the same object an event file carries in
``outcomes.rates``; rates given as strings stay exact.
"""

import os

from matchfair.core import ExchangeRates, parse_exchange_rates, read_exchange_rates
from matchfair.outcomes.money import RateTable


def rate_table(rates: ExchangeRates) -> RateTable:
    """The engine's view of a validated rate table."""
    return RateTable(base=rates.base, rates=dict(rates.rates), date=rates.date)


def parse_rates(data: object, source: str = "<rates>") -> RateTable:
    """Validate a decoded rates file into a RateTable (errors carry their JSON path)."""
    return rate_table(parse_exchange_rates(data, source))


def read_rates(path: str | os.PathLike[str]) -> RateTable:
    """Read an exchange-rate table file (errors name the file and the JSON path)."""
    return rate_table(read_exchange_rates(path))
