"""Pydantic's own validation messages, in the reader's language.

Pydantic writes its messages in English only. For the error types a hand-edited
document runs into (a wrong type, a number out of range, an empty list), the
message is written again through the ``matchfair`` catalogs from the error's type
and context; each msgid is pydantic's own English message, so an English reader
sees exactly what pydantic says. Other types keep pydantic's message.
"""

from collections.abc import Callable, Mapping
from typing import Any

from pydantic_core import ErrorDetails

from matchfair.i18n import gettext as _
from matchfair.i18n import ngettext

Context = Mapping[str, Any]


def _fixed(message: Callable[[], str]) -> Callable[[Context], str]:
    return lambda context: message()


def _list_length(context: Context, at_least: bool) -> str | None:
    if context.get("field_type") != "List":
        return None
    if at_least:
        text = ngettext(
            "List should have at least {min_length} item after validation, not {actual_length}",
            "List should have at least {min_length} items after validation, not {actual_length}",
            context["min_length"],
        )
    else:
        text = ngettext(
            "List should have at most {max_length} item after validation, not {actual_length}",
            "List should have at most {max_length} items after validation, not {actual_length}",
            context["max_length"],
        )
    return text.format(**context)


_WRITERS: dict[str, Callable[[Context], str | None]] = {
    "int_type": _fixed(lambda: _("Input should be a valid integer")),
    "int_parsing": _fixed(
        lambda: _("Input should be a valid integer, unable to parse string as an integer")
    ),
    "int_from_float": _fixed(
        lambda: _("Input should be a valid integer, got a number with a fractional part")
    ),
    "float_type": _fixed(lambda: _("Input should be a valid number")),
    "float_parsing": _fixed(
        lambda: _("Input should be a valid number, unable to parse string as a number")
    ),
    "finite_number": _fixed(lambda: _("Input should be a finite number")),
    "decimal_parsing": _fixed(lambda: _("Input should be a valid decimal")),
    "decimal_type": _fixed(
        lambda: _("Decimal input should be an integer, float, string or Decimal object")
    ),
    "string_type": _fixed(lambda: _("Input should be a valid string")),
    "bool_type": _fixed(lambda: _("Input should be a valid boolean")),
    "bool_parsing": _fixed(lambda: _("Input should be a valid boolean, unable to interpret input")),
    "list_type": _fixed(lambda: _("Input should be a valid list")),
    "dict_type": _fixed(lambda: _("Input should be a valid dictionary")),
    "model_type": lambda context: _(
        "Input should be a valid dictionary or instance of {class_name}"
    ).format(**context),
    "greater_than": lambda context: _("Input should be greater than {gt}").format(**context),
    "greater_than_equal": lambda context: _("Input should be greater than or equal to {ge}").format(
        **context
    ),
    "less_than": lambda context: _("Input should be less than {lt}").format(**context),
    "less_than_equal": lambda context: _("Input should be less than or equal to {le}").format(
        **context
    ),
    "literal_error": lambda context: _("Input should be {expected}").format(**context),
    "enum": lambda context: _("Input should be {expected}").format(**context),
    "too_short": lambda context: _list_length(context, at_least=True),
    "too_long": lambda context: _list_length(context, at_least=False),
    "string_too_short": lambda context: ngettext(
        "String should have at least {min_length} character",
        "String should have at least {min_length} characters",
        context["min_length"],
    ).format(**context),
    "string_too_long": lambda context: ngettext(
        "String should have at most {max_length} character",
        "String should have at most {max_length} characters",
        context["max_length"],
    ).format(**context),
}
"""Error type -> its message; None where pydantic's is kept (a length of something not a list)."""

TRANSLATED_TYPES = frozenset(_WRITERS)


def validation_message(error: ErrorDetails) -> str:
    """The message of one pydantic error in the current language."""
    write = _WRITERS.get(error["type"])
    translated = write(error.get("ctx", {})) if write else None
    return translated if translated is not None else error["msg"]
