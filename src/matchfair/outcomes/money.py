"""Money summed per currency, and converted to one currency with the organizer's rates.

Agreement values come in many currencies (a Chinese zone signs in RMB, a Finnish
company invests in euros). Sums stay exact per currency (Decimal, never float); a
single total needs the organizer's own exchange-rate table, because the figure in a
press release must match the rate the organizer chose, not today's market rate.
A currency missing from the table is an error, never a silent zero.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from matchfair.core import Money
from matchfair.i18n import gettext as _


class MissingRateError(ValueError):
    """The rate table lacks the rate of one or more currencies that have to be converted."""

    def __init__(self, currencies: list[str], base: str) -> None:
        self.currencies = currencies
        self.base = base
        super().__init__(
            _("the exchange-rate table has no rate to {base} for {currencies}").format(
                base=base, currencies=", ".join(currencies)
            )
        )


@dataclass(frozen=True)
class RateTable:
    """Exchange rates to one base currency: one unit of ``currency`` is ``rates[currency]`` base units."""

    base: str
    rates: dict[str, Decimal]
    date: dt.date | None = None

    def rate(self, currency: str) -> Decimal:
        """The rate of ``currency`` to the base (1 for the base itself)."""
        if currency == self.base:
            return Decimal(1)
        try:
            return self.rates[currency]
        except KeyError:
            raise MissingRateError([currency], self.base) from None


@dataclass(frozen=True)
class ConvertedTotal:
    """A sum of amounts in several currencies, expressed in the rate table's base currency."""

    currency: str
    amount: Decimal


def sum_by_currency(values: Iterable[Money]) -> dict[str, Decimal]:
    """Exact sums per ISO 4217 code, currencies in alphabetical order."""
    totals: dict[str, Decimal] = {}
    for value in values:
        totals[value.currency] = totals.get(value.currency, Decimal(0)) + value.amount
    return dict(sorted(totals.items()))


def convert_total(amounts: dict[str, Decimal], table: RateTable) -> ConvertedTotal:
    """One total in the base currency; MissingRateError names every currency without a rate."""
    missing = [c for c in amounts if c != table.base and c not in table.rates]
    if missing:
        raise MissingRateError(missing, table.base)
    total = sum((amount * table.rate(currency) for currency, amount in amounts.items()), Decimal(0))
    return ConvertedTotal(currency=table.base, amount=total)
