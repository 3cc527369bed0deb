"""The JSON report: the keys of issue 6, money as exact decimal strings."""

import json
from decimal import Decimal

from matchfair.core import Event
from matchfair.outcomes import RateTable, event_figures, figures_document

ISSUE_KEYS = {
    "organizations",
    "countries",
    "by_country",
    "meetings_requested",
    "meetings_scheduled",
    "meetings_held",
    "outcomes_by_result",
    "agreements_by_status",
    "investment_by_currency",
}


def test_document_holds_the_issue_keys_and_is_json(fixture_event: Event):
    document = figures_document(event_figures(fixture_event))
    assert document.keys() >= ISSUE_KEYS
    assert json.loads(json.dumps(document)) == document
    assert document["format"] == "matchfair-report/1"
    assert document["investment_by_currency"] == {"CNY": "21751500000.5", "EUR": "2000000"}
    assert document["first_day"] == "2024-11-18"
    assert document["funnel"][0] == {"stage": "requested", "count": 4}
    assert "investment_total" not in document


def test_document_with_rates_has_the_converted_total(fixture_event: Event):
    rates = RateTable(base="CNY", rates={"EUR": Decimal("7.5")})
    document = figures_document(event_figures(fixture_event), rates)
    assert document["investment_total"] == {
        "amount": "21766500000.5",
        "currency": "CNY",
        "rates": {"base": "CNY", "date": None, "rates": {"EUR": "7.5"}},
    }
