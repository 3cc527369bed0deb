"""The refusal every outcome rule raises, and the checks several outcome topics share.

Feedback, agreements, rates and projects all refuse a change with the same error
(which a form or the API shows beside the field at fault), check currency codes the
same way and append rows at the end of the same kind of ordered list.
"""

from decimal import Decimal
from typing import Any

import pycountry
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _


class OutcomeRuleError(ValueError):
    """A change the outcome rules forbid; the message says why, in the user's language.

    ``field`` names the input at fault when there is one (``date``), so that a form
    shows the message beside that field and the API names it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def check_currency(amount: Decimal | None, currency: str) -> str:
    """The ISO 4217 code of ``currency`` (upper case), or "" when there is no amount."""
    if amount is None:
        if currency:
            raise OutcomeRuleError(_("A currency needs an amount."))
        return ""
    if amount < 0:
        raise OutcomeRuleError(_("An amount cannot be negative."))
    code = currency.upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise OutcomeRuleError(
            _("'{currency}' is not an ISO 4217 currency code.").format(currency=currency)
        )
    return code


def next_position(queryset: QuerySet[Any]) -> int:
    """The position after the last row of ``queryset``, so that a new row comes last."""
    return (queryset.aggregate(Max("position"))["position__max"] or 0) + 1
