"""Cumulative figures across the editions of a series, and each organization's history."""

from decimal import Decimal

from matchfair.core import Event, EventInfo
from matchfair.outcomes import event_figures, series_figures


def _earlier_edition(event: Event) -> Event:
    """The 2023 edition: the same info a year earlier, two organizations, one held meeting."""
    sessions = [
        session.model_copy(
            update={
                "start": session.start.replace(year=2023),
                "end": session.end.replace(year=2023),
            }
        )
        for session in event.event.sessions
    ]
    info = EventInfo(id="nordic-2023", name="Nordic 2023", sessions=sessions)
    keep = {"tegnology", "tsinghua-energy"}
    outcomes = event.outcomes.model_copy(
        update={
            "meetings": event.outcomes.meetings[:1],
            "agreements": event.outcomes.agreements[:1],
        }
    )
    return event.model_copy(
        update={
            "event": info,
            "organizations": [o for o in event.organizations if o.id in keep],
            "meeting_requests": event.meeting_requests[:2],
            "meetings": event.meetings[:1],
            "outcomes": outcomes,
        }
    )


def test_cumulative_figures(fixture_event: Event):
    latest = event_figures(fixture_event)
    earlier = event_figures(_earlier_edition(fixture_event))
    series = series_figures([latest, earlier])
    assert [edition.event_id for edition in series.editions] == ["nordic-2023", "nordic-2024"]
    assert series.participations == 8
    assert series.distinct_organizations == 6
    assert series.countries == 3
    assert series.meetings_requested == 5
    assert series.meetings_scheduled == 4
    assert series.meetings_held == 4
    assert series.outcomes_by_result["intention"] == 2
    assert series.agreements == 6
    assert series.agreements_by_status == {
        "intention": 2,
        "signed": 2,
        "implemented": 1,
        "cancelled": 1,
    }
    assert series.investment_by_currency == {
        "CNY": Decimal("21751500000.50"),
        "EUR": Decimal("4000000"),
    }


def test_history_follows_an_organization_across_editions(fixture_event: Event):
    series = series_figures(
        [event_figures(fixture_event), event_figures(_earlier_edition(fixture_event))]
    )
    histories = {history.organization: history for history in series.histories}
    teg = histories["tegnology"]
    assert [edition.event_id for edition in teg.editions] == ["nordic-2023", "nordic-2024"]
    assert [edition.record.agreements for edition in teg.editions] == [
        ["agr-1"],
        ["agr-1", "agr-4", "agr-5"],
    ]
    assert [edition.event_id for edition in histories["huati"].editions] == ["nordic-2024"]
    assert series.histories[0].organization in {"tegnology", "tsinghua-energy"}
