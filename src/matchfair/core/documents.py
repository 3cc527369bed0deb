"""Reading, validating and writing the three Matchfair documents.

Every reader reports all problems of a file at once, each with the JSON path of the
value at fault, and every writer replaces the target file atomically so that an
interrupted run never leaves half a schedule behind.
"""

import errno
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from matchfair.core.agreement_dates import agreement_date_issues
from matchfair.core.errors import FormatError, FormatIssue, json_path
from matchfair.core.event import Event
from matchfair.core.outcomes import ExchangeRates
from matchfair.core.recommendations import Recommendations
from matchfair.core.references import event_reference_issues
from matchfair.core.schedule import Schedule
from matchfair.core.validation_messages import validation_message
from matchfair.i18n import gettext as _

Document = TypeVar("Document", bound=BaseModel)

DOCUMENT_TYPES: dict[str, type[BaseModel]] = {
    "event": Event,
    "schedule": Schedule,
    "recommendations": Recommendations,
    "rates": ExchangeRates,
}


def _issue(error: ErrorDetails) -> FormatIssue:
    """Turn one pydantic error into a message a person who edits JSON by hand understands."""
    location = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return FormatIssue(
            json_path(location[:-1]), _("unknown key '{key}'").format(key=location[-1])
        )
    if kind == "missing":
        return FormatIssue(
            json_path(location[:-1]), _("missing key '{key}'").format(key=location[-1])
        )
    if kind == "literal_error" and location and location[-1] == "format":
        return FormatIssue(
            json_path(location),
            _("'{value}' is not a format this version reads ({expected})").format(
                value=error["input"], expected=error["ctx"]["expected"]
            ),
        )
    message = validation_message(error)
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    elif not kind.startswith(
        ("iso_", "nace_", "timestamp", "timezone", "session_", "window_", "control_character")
    ):
        message = _("{message}, got {value}").format(
            message=message, value=json.dumps(error["input"], ensure_ascii=False, default=str)[:80]
        )
    return FormatIssue(json_path(location), message)


def _parse(
    model: type[Document],
    data: object,
    source: str,
    cross_checks: Callable[[Any], list[FormatIssue]] | None = None,
) -> Document:
    if not isinstance(data, dict):
        raise FormatError(source, [FormatIssue("", _("the document must be a JSON object"))])
    issues: list[FormatIssue] = []
    parsed: Document | None = None
    try:
        parsed = model.model_validate(data)
    except ValidationError as error:
        issues.extend(_issue(detail) for detail in error.errors(include_url=False))
    if cross_checks is not None:
        issues.extend(cross_checks(data))
    if issues or parsed is None:
        raise FormatError(source, issues)
    return parsed


def _event_cross_issues(data: Any) -> list[FormatIssue]:
    return [*event_reference_issues(data), *agreement_date_issues(data)]


def parse_event(data: object, source: str = "<event>") -> Event:
    """Validate a decoded event file, types, cross-references and agreement dates together."""
    return _parse(Event, data, source, _event_cross_issues)


def parse_schedule(data: object, source: str = "<schedule>") -> Schedule:
    """Validate a decoded schedule file (its fit to an event is the scheduler's check)."""
    return _parse(Schedule, data, source)


def parse_recommendations(data: object, source: str = "<recommendations>") -> Recommendations:
    """Validate a decoded recommendations file."""
    return _parse(Recommendations, data, source)


def parse_exchange_rates(data: object, source: str = "<rates>") -> ExchangeRates:
    """Validate a decoded exchange-rate table (the file behind ``matchfair report --rates``)."""
    return _parse(ExchangeRates, data, source)


def load_json(path: str | os.PathLike[str]) -> object:
    """Decode a JSON file, turning I/O and syntax errors into a FormatError naming the file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormatError(source, [FormatIssue("", _("no such file"))]) from None
    except IsADirectoryError:
        raise FormatError(source, [FormatIssue("", _("is a directory, not a file"))]) from None
    except UnicodeDecodeError:
        raise FormatError(source, [FormatIssue("", _("is not UTF-8 text"))]) from None
    except OSError as error:
        raise FormatError(source, [FormatIssue("", error.strerror or str(error))]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            source,
            [
                FormatIssue(
                    "",
                    _("not valid JSON: {problem} at line {line}, column {column}").format(
                        problem=error.msg, line=error.lineno, column=error.colno
                    ),
                )
            ],
        ) from None


def read_event(path: str | os.PathLike[str]) -> Event:
    """Read and validate an event file."""
    return parse_event(load_json(path), str(path))


def read_schedule(path: str | os.PathLike[str]) -> Schedule:
    """Read and validate a schedule file."""
    return parse_schedule(load_json(path), str(path))


def read_recommendations(path: str | os.PathLike[str]) -> Recommendations:
    """Read and validate a recommendations file."""
    return parse_recommendations(load_json(path), str(path))


def read_exchange_rates(path: str | os.PathLike[str]) -> ExchangeRates:
    """Read and validate an exchange-rate table file."""
    return parse_exchange_rates(load_json(path), str(path))


def dump_document(model: BaseModel) -> dict[str, Any]:
    """The JSON-ready form of a document: the keys that were given, ``format`` first."""
    data = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    document_format = getattr(model, "format", None)
    if document_format is None:
        return data
    data.pop("format", None)
    return {"format": document_format, **data}


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise the ``OSError`` that writing ``path`` would meet, naming ``path`` as given.

    Commands call it before a long run, so that a mistyped output folder is reported
    at once and not after ten minutes of solving; ``write_atomically`` calls it too,
    because the temporary file it writes first would otherwise be the one named.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not directory.is_dir():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(directory))
    if not os.access(directory, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(directory))


def write_atomically(path: str | os.PathLike[str], content: bytes) -> None:
    """Replace ``path`` in one step: readers, and an interrupted run, see the old file or the new one."""
    check_writable(path)
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_document(path: str | os.PathLike[str], model: BaseModel) -> None:
    """Write a document as UTF-8 JSON, atomically."""
    text = json.dumps(dump_document(model), ensure_ascii=False, indent=1) + "\n"
    write_atomically(path, text.encode("utf-8"))


def json_schema(document: str) -> dict[str, Any]:
    """The JSON Schema of ``event``, ``schedule``, ``recommendations`` or ``rates``."""
    schema = DOCUMENT_TYPES[document].model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
