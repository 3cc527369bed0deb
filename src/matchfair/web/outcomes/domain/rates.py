"""Exchange-rate tables: an organizer's rates to one base currency, for an event or a series.

Reading a table as the engines' ``RateTable`` is a conversion and lives in
``matchfair.web.exchange.outcomes``.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event, Series
from matchfair.web.outcomes.domain.checks import OutcomeRuleError, check_currency
from matchfair.web.outcomes.models import ExchangeRate, ExchangeRateTable


def set_rate_table(
    *,
    base: str,
    rates: dict[str, Decimal],
    on: date | None = None,
    event: Event | None = None,
    series: Series | None = None,
) -> ExchangeRateTable:
    """Replace the exchange-rate table of an event or a series."""
    if (event is None) == (series is None):
        raise OutcomeRuleError(_("A rate table belongs to one event or one series."))
    base = check_currency(Decimal(1), base)
    checked = {check_currency(Decimal(1), code): rate for code, rate in rates.items()}
    if any(rate <= 0 for rate in checked.values()):
        raise OutcomeRuleError(_("Exchange rates must be greater than zero."))
    with transaction.atomic():
        ExchangeRateTable.objects.filter(event=event, series=series).delete()
        table = ExchangeRateTable.objects.create(event=event, series=series, base=base, date=on)
        ExchangeRate.objects.bulk_create(
            ExchangeRate(table=table, currency=code, rate=rate)
            for code, rate in checked.items()
            if code != base
        )
    return table
