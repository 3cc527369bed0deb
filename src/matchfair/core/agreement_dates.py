"""The dates an agreement may carry, and the order its history must follow.

An agreement's date is typed by hand (a form, the API, an event file), so a slip
such as 9999-12-31 or a project "implemented" before it was signed would otherwise
reach every report and total. One rule for every way in: a date lies between
1990-01-01 and ten years after today, and each step of the history moves the status
forward (intention -> signed -> implemented, or cancelled) on or after the date of
the step before. The web platform's forms, API and the event file reader all ask
these functions, so the rule cannot differ between them.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from matchfair.core.errors import FormatIssue
from matchfair.i18n import gettext as _

EARLIEST_AGREEMENT_DATE = dt.date(1990, 1, 1)
"""Older than any cooperation an event platform records: earlier dates are typing slips."""

YEARS_AHEAD = 10
"""How far ahead a date may lie: a planned implementation, but not 9999-12-31."""

NEXT_STATUSES: dict[str, frozenset[str]] = {
    "intention": frozenset({"signed", "cancelled"}),
    "signed": frozenset({"implemented", "cancelled"}),
    "implemented": frozenset(),
    "cancelled": frozenset(),
}
"""An agreement only moves forward; an implemented project stays in the record."""


def latest_agreement_date(today: dt.date) -> dt.date:
    """Ten years after ``today`` (28 February when today is 29 February)."""
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def agreement_date_range(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last date an agreement may carry, today (or on ``today``)."""
    return EARLIEST_AGREEMENT_DATE, latest_agreement_date(today or dt.date.today())


def date_problem(on: dt.date, today: dt.date | None = None) -> str | None:
    """Why ``on`` cannot be an agreement's date, or None when it can."""
    earliest, latest = agreement_date_range(today)
    if earliest <= on <= latest:
        return None
    return _("the date {date} is outside {earliest} to {latest}").format(
        date=on.isoformat(), earliest=earliest.isoformat(), latest=latest.isoformat()
    )


def transition_problem(previous_status: str, status: str) -> str | None:
    """Why an agreement cannot go from ``previous_status`` to ``status``, or None when it can."""
    if status in NEXT_STATUSES.get(previous_status, frozenset()):
        return None
    return _("an agreement cannot go from {old} to {new}").format(old=previous_status, new=status)


def order_problem(previous_status: str, previous_date: dt.date, on: dt.date) -> str | None:
    """Why a step dated ``on`` cannot follow one dated ``previous_date``, or None when it can."""
    if on >= previous_date:
        return None
    return _("the date {date} is before {previous}, the date it became {status}").format(
        date=on.isoformat(), previous=previous_date.isoformat(), status=previous_status
    )


def _date(value: Any) -> dt.date | None:
    """An ISO date string as a date; None for anything else (the type check reports that)."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def agreement_date_issues(data: Any, today: dt.date | None = None) -> list[FormatIssue]:
    """Every agreement date out of range, and every history step out of order, of an event file."""
    outcomes = data.get("outcomes") if isinstance(data, dict) else None
    agreements = outcomes.get("agreements") if isinstance(outcomes, dict) else None
    if not isinstance(agreements, list):
        return []
    issues: list[FormatIssue] = []
    for index, agreement in enumerate(agreements):
        if isinstance(agreement, dict):
            issues.extend(_agreement_issues(f"outcomes.agreements[{index}]", agreement, today))
    return issues


def _agreement_issues(
    path: str, agreement: dict[str, Any], today: dt.date | None
) -> Iterator[FormatIssue]:
    on = _date(agreement.get("date"))
    if on is not None and (problem := date_problem(on, today)):
        yield FormatIssue(f"{path}.date", problem)
    history = agreement.get("history")
    if not isinstance(history, list):
        return
    previous: tuple[str, dt.date] | None = None
    for position, step in enumerate(history):
        if not isinstance(step, dict):
            previous = None
            continue
        step_path = f"{path}.history[{position}]"
        status, on = step.get("status"), _date(step.get("date"))
        if not isinstance(status, str) or on is None:
            previous = None
            continue
        if problem := date_problem(on, today):
            yield FormatIssue(f"{step_path}.date", problem)
        if previous is not None:
            if problem := transition_problem(previous[0], status):
                yield FormatIssue(f"{step_path}.status", problem)
            if problem := order_problem(*previous, on):
                yield FormatIssue(f"{step_path}.date", problem)
        previous = (status, on)
