"""One validation for every way in: an organization's and an opportunity's fields, checked
with the event file's own rules (``matchfair.core``).

A page form, the organizer's edit, the API and the spreadsheet import all write the same
rows, and the engines and the event file export read them back as ``core`` objects. A
value the core refuses (``dk`` for a language, ``UK`` for a country) must therefore be
refused where it is typed: once stored it would stop every export and run of the event.
Each validator here is built from the type of the ``core`` model's field, so the rule
and its message are the core's, not a copy that could drift from it.
"""

from collections.abc import Callable
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from matchfair import core


def _adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    info = model.model_fields[field]
    annotation = info.annotation
    if info.metadata:
        annotation = Annotated[annotation, *info.metadata]  # type: ignore[valid-type]
    return TypeAdapter(annotation)


def field_validator(model: type[BaseModel], field: str) -> Callable[[object], Any]:
    """A Django validator for ``model``'s ``field``: the core's rule, the core's message.

    It raises Django's ``ValidationError`` with every message the core gives, and returns
    the value as the core stores it (``DK`` for ``dk`` as a country, for instance).
    """
    adapter = _adapter(model, field)

    def validate(value: object) -> Any:
        try:
            return adapter.validate_python(value)
        except PydanticValidationError as error:
            raise ValidationError([issue["msg"] for issue in error.errors()]) from None

    validate.__name__ = f"validate_{field}"
    return validate


validate_languages = field_validator(core.Organization, "languages")
"""ISO 639-1 codes, as the event file takes them."""

validate_country = field_validator(core.Organization, "country")
"""An ISO 3166-1 alpha-2 code, or nothing."""

validate_availability = field_validator(core.Organization, "availability")
"""Windows that each end after they start, or None for every session."""

validate_organization_sectors = field_validator(core.Organization, "sectors")
validate_opportunity_sectors = field_validator(core.Opportunity, "sectors")
validate_opportunity_title = field_validator(core.Opportunity, "title")

validate_organization_nace = field_validator(core.Organization, "nace")
"""NACE Rev. 2 section letters, as the event file takes them (``d`` becomes ``D``)."""

validate_opportunity_nace = field_validator(core.Opportunity, "nace")
