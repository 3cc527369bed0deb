"""outcomes.domain.rates: an event's own table wins over its series' table."""

from datetime import date
from decimal import Decimal

import pytest

from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.outcomes import rate_table_for
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.rates import set_rate_table

pytestmark = pytest.mark.django_db


def test_the_event_rate_table_overrides_the_series_table(event: Event):
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    event.series = series
    event.save()
    assert rate_table_for(event) is None
    set_rate_table(series=series, base="CNY", rates={"EUR": Decimal("7.5")})
    assert rate_table_for(event).rates == {"EUR": Decimal("7.5")}
    set_rate_table(event=event, base="EUR", rates={"CNY": Decimal("0.125")}, on=date(2024, 11, 18))
    table = rate_table_for(event)
    assert (table.base, table.rates, table.date) == (
        "EUR",
        {"CNY": Decimal("0.125")},
        date(2024, 11, 18),
    )


def test_a_table_belongs_to_one_event_or_one_series_and_rates_are_positive(event: Event):
    with pytest.raises(OutcomeRuleError):
        set_rate_table(base="EUR", rates={"CNY": Decimal("0.125")})
    with pytest.raises(OutcomeRuleError):
        set_rate_table(event=event, base="EUR", rates={"CNY": Decimal(0)})
    assert rate_table_for(event) is None
