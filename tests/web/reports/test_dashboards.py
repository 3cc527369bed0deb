"""Dashboards from the database: the same figures as the file, added up across a series."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from matchfair.core import read_event
from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.to_database import import_event
from matchfair.web.languages import report_language
from matchfair.web.outcomes.domain.rates import set_rate_table
from matchfair.web.reports.dashboards import event_dashboard, series_dashboard
from tests.outcomes.conftest import FIXTURE, earlier_edition

pytestmark = pytest.mark.django_db

ENGLISH = report_language("en")


@pytest.fixture
def series() -> Series:
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    document = read_event(FIXTURE)
    for edition in (document, earlier_edition(document)):
        event = import_event(edition)
        event.series = series
        event.save()
    return series


def test_event_dashboard_uses_the_rates_of_its_series(series: Series):
    event = Event.objects.get(code="nordic-2024")
    set_rate_table(series=series, base="CNY", rates={"EUR": Decimal("7.5")}, on=date(2024, 11, 18))
    dashboard = event_dashboard(event, ENGLISH)
    assert dashboard.figures.meetings_held == 3
    assert dashboard.report.total.amount == "CN¥21,766,500,000.50"
    assert dashboard.rates_problem is None


def test_a_rate_table_missing_a_currency_is_shown_not_raised(series: Series):
    event = Event.objects.get(code="nordic-2024")
    set_rate_table(event=event, base="USD", rates={"EUR": Decimal("1.1")})
    dashboard = event_dashboard(event, ENGLISH)
    assert dashboard.report.total is None
    assert dashboard.rates_problem == (
        "No total: the exchange-rate table has no rate to USD for CNY."
    )


def test_series_dashboard_adds_up_the_editions(series: Series):
    with translation.override("en"):
        dashboard = series_dashboard(series, ENGLISH)
    assert [row.event.code for row in dashboard.editions] == ["nordic-2023", "nordic-2024"]
    assert dashboard.sentences[:3] == [
        "2 editions of Chengdu-Europe Industrial Dialogue have been held since 2023.",
        "6 organizations took part in them.",
        "The participants came from 3 countries.",
    ]
    assert "They held 4 one-on-one business meetings." in dashboard.sentences
    assert len(dashboard.charts) == 3
    teg = next(row for row in dashboard.histories if row.history.organization == "tegnology")
    assert teg.editions == ["Nordic 2023", dashboard.editions[1].event.name]
    assert (teg.meetings_held, teg.agreements) == ("2", "4")
    assert dashboard.total is None


def test_series_dashboard_in_chinese(series: Series):
    language = report_language("zh")
    with translation.override(language.django):
        dashboard = series_dashboard(series, language)
    assert dashboard.sentences[0] == "自2023年以来，Chengdu-Europe Industrial Dialogue已举办2届。"
