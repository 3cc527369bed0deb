"""Cumulative figures across the editions of a series, and each organization's history."""

from decimal import Decimal

from matchfair.core import Event
from matchfair.outcomes import event_figures, series_figures
from tests.outcomes.conftest import earlier_edition


def test_cumulative_figures(fixture_event: Event):
    latest = event_figures(fixture_event)
    earlier = event_figures(earlier_edition(fixture_event))
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
        [event_figures(fixture_event), event_figures(earlier_edition(fixture_event))]
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
