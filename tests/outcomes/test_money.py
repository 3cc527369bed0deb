"""Currency totals with the organizer's exchange-rate table: exact, and never a silent zero."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from matchfair.core import Event, FormatError, Money
from matchfair.outcomes import (
    ConvertedTotal,
    MissingRateError,
    RateTable,
    convert_total,
    event_figures,
    read_rates,
    sum_by_currency,
)


def test_sums_stay_exact_per_currency():
    values = [
        Money(amount=Decimal("0.1"), currency="EUR"),
        Money(amount=Decimal("0.2"), currency="EUR"),
        Money(amount=Decimal(5), currency="CNY"),
    ]
    assert sum_by_currency(values) == {"CNY": Decimal(5), "EUR": Decimal("0.3")}


def test_total_in_the_base_currency(fixture_event: Event):
    table = RateTable(base="CNY", rates={"EUR": Decimal("7.5")})
    total = convert_total(event_figures(fixture_event).investment_by_currency, table)
    # 21,751,500,000.50 CNY + 2,000,000 EUR x 7.5
    assert total == ConvertedTotal(currency="CNY", amount=Decimal("21766500000.50"))


def test_a_missing_rate_names_every_currency_without_one():
    table = RateTable(base="USD", rates={"EUR": Decimal("1.1")})
    with pytest.raises(MissingRateError) as raised:
        convert_total({"CNY": Decimal(1), "EUR": Decimal(1), "JPY": Decimal(1)}, table)
    assert raised.value.currencies == ["CNY", "JPY"]
    assert str(raised.value) == "the exchange-rate table has no rate to USD for CNY, JPY"


def test_rates_file_keeps_string_rates_exact(tmp_path: Path):
    path = tmp_path / "rates.json"
    path.write_text(json.dumps({"base": "cny", "rates": {"EUR": "7.6213", "USD": 7.1}}))
    table = read_rates(path)
    assert table == RateTable(base="CNY", rates={"EUR": Decimal("7.6213"), "USD": Decimal("7.1")})


def test_rates_file_errors_name_the_file_and_the_path(tmp_path: Path):
    path = tmp_path / "rates.json"
    path.write_text(json.dumps({"base": "RMB", "rates": {"EUR": 0}}))
    with pytest.raises(FormatError) as raised:
        read_rates(path)
    assert str(raised.value).splitlines() == [
        f"{path}: base: 'RMB' is not an ISO 4217 code",
        f"{path}: rates.EUR: Input should be greater than 0, got 0",
    ]
