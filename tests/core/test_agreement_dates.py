"""Agreement dates in an event file: a sane range, and a history that moves forward in time."""

import json
from datetime import date
from pathlib import Path

import pytest

from matchfair.core import FormatError, parse_event
from matchfair.core.agreement_dates import agreement_date_issues, latest_agreement_date


def _event_with(examples: Path, agreement: dict) -> dict:
    data = json.loads((examples / "event.json").read_text(encoding="utf-8"))
    data["outcomes"] = {"agreements": [agreement]}
    return data


def _agreement(**changes: object) -> dict:
    return {
        "id": "agr-1",
        "parties": ["tsinghua-energy", "tegnology"],
        "type": "investment",
        "status": "implemented",
        "title": "Branch in Tianfu New Area",
        "date": "2025-06-30",
        "history": [
            {"status": "intention", "date": "2024-11-18"},
            {"status": "signed", "date": "2025-03-02"},
            {"status": "implemented", "date": "2025-06-30"},
        ],
        **changes,
    }


def _messages(data: dict) -> list[str]:
    with pytest.raises(FormatError) as caught:
        parse_event(data, "bad.json")
    return [str(issue) for issue in caught.value.issues]


def test_a_history_in_order_reads(examples: Path):
    event = parse_event(_event_with(examples, _agreement()))
    assert [step.status for step in event.outcomes.agreements[0].history] == [
        "intention",
        "signed",
        "implemented",
    ]


def test_the_year_9999_is_refused_with_its_path(examples: Path):
    data = _event_with(examples, _agreement(date="9999-12-31"))
    latest = latest_agreement_date(date.today()).isoformat()
    assert _messages(data) == [
        f"outcomes.agreements[0].date: the date 9999-12-31 is outside 1990-01-01 to {latest}"
    ]


def test_implemented_before_signed_is_refused(examples: Path):
    history = [
        {"status": "intention", "date": "2024-11-18"},
        {"status": "signed", "date": "2025-03-02"},
        {"status": "implemented", "date": "2025-01-05"},
    ]
    data = _event_with(examples, _agreement(history=history, date="2025-01-05"))
    assert _messages(data) == [
        "outcomes.agreements[0].history[2].date: "
        "the date 2025-01-05 is before 2025-03-02, the date it became signed"
    ]


def test_a_step_back_and_a_date_before_1990_are_both_reported(examples: Path):
    history = [
        {"status": "signed", "date": "1989-12-31"},
        {"status": "intention", "date": "2024-11-18"},
    ]
    data = _event_with(examples, _agreement(history=history, status="intention"))
    latest = latest_agreement_date(date.today()).isoformat()
    assert _messages(data) == [
        "outcomes.agreements[0].history[0].date: "
        f"the date 1989-12-31 is outside 1990-01-01 to {latest}",
        "outcomes.agreements[0].history[1].status: an agreement cannot go from signed to intention",
    ]


def test_ten_years_ahead_is_the_last_date_even_from_a_leap_day():
    assert latest_agreement_date(date(2028, 2, 29)) == date(2038, 2, 28)
    data = {"outcomes": {"agreements": [_agreement(date="2036-01-01", history=[])]}}
    assert agreement_date_issues(data, today=date(2026, 1, 1)) == []
    assert [issue.path for issue in agreement_date_issues(data, today=date(2025, 12, 31))] == [
        "outcomes.agreements[0].date"
    ]
