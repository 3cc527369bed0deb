"""The JSON form of an event's figures, as ``matchfair report --format json`` prints it.

Money leaves as a decimal string next to its ISO 4217 code (the pretix convention),
so that no JSON reader rounds 21,750,000,000.10 through a float; dates leave as ISO
dates. Key names are those of the issue and of ``docs/outcomes.md``.
"""

from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from matchfair.outcomes.figures import EventFigures
from matchfair.outcomes.money import ConvertedTotal, RateTable, convert_total

REPORT_FORMAT = "matchfair-report/1"


def decimal_text(amount: Decimal) -> str:
    """A Decimal as plain digits (never ``2.175E+10``), without trailing zeros after the point."""
    text = format(amount, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


def investment_total(figures: EventFigures, rates: RateTable | None) -> ConvertedTotal | None:
    """The investment of agreements not cancelled in one currency, when a rate table is given."""
    if rates is None:
        return None
    return convert_total(figures.investment_by_currency, rates)


def figures_document(figures: EventFigures, rates: RateTable | None = None) -> dict[str, Any]:
    """The JSON-ready report of an event; with ``rates``, also the converted investment total."""
    data = asdict(figures)
    data["agreements_signed"] = figures.agreements_signed
    total = investment_total(figures, rates)
    if total is not None and rates is not None:
        data["investment_total"] = {
            "amount": total.amount,
            "currency": total.currency,
            "rates": {"base": rates.base, "date": rates.date, "rates": rates.rates},
        }
    return {"format": REPORT_FORMAT, **_jsonable(data)}
