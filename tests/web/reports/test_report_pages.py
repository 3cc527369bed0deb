"""The report pages: an event's report and its files, a series report, the dashboard."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from matchfair.web.events.models import Event, Series
from matchfair.web.outcomes.domain.agreements import create_agreement
from tests.web.factories import World, make_user, side_of

pytestmark = pytest.mark.django_db


def test_event_report_page_and_files(organizer_client, outcome_event: Event):
    page = organizer_client.get(reverse("reports:event_report", args=[outcome_event.pk]))
    assert page.status_code == 200
    assert "6 organizations took part" in page.content.decode()
    pdf = organizer_client.get(
        reverse("reports:event_report_file", args=[outcome_event.pk, "zh", "pdf"])
    )
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    html = organizer_client.get(
        reverse("reports:event_report_file", args=[outcome_event.pk, "fr", "html"])
    )
    assert "6 organisations ont participé" in html.content.decode()
    assert organizer_client.get(f"/events/{outcome_event.pk}/report/es.pdf").status_code == 404


def test_series_report_for_organizers_of_an_edition(organizer_client, client, outcome_event: Event):
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    outcome_event.series = series
    outcome_event.save()
    page = organizer_client.get(reverse("reports:series_report", args=[series.pk]))
    assert page.status_code == 200
    assert "TEGnology" in page.content.decode()
    client.force_login(make_user("stranger", staff=True))
    assert client.get(reverse("reports:series_report", args=[series.pk])).status_code == 403


def test_event_dashboard_shows_investment_by_status(organizer_client, outcome_event: Event):
    create_agreement(
        event=outcome_event,
        code="agr-1",
        parties=[side_of(outcome_event, "tegnology"), side_of(outcome_event, "huati")],
        type="investment",
        title="Plant",
        on=date(2024, 11, 18),
        amount=Decimal("21750000000"),
        currency="CNY",
    )
    page = organizer_client.get(reverse("reports:event_report", args=[outcome_event.pk]))
    rows = page.context["dashboard"].investment_by_status
    assert [(row.status, row.amounts) for row in rows] == [("intention", ["CN¥21,750,000,000.00"])]


def test_a_bad_stored_value_makes_the_report_name_it_not_answer_500(client_for, world: World):
    from matchfair.web.directory.models import Participation

    Participation.objects.filter(pk=world.tegnology.pk).update(languages=["dk"])
    response = client_for(world.organizer).get(
        reverse("reports:event_report", args=[world.event.pk])
    )
    assert response.status_code == 409
    assert "TEGnology: languages: &#x27;dk&#x27;" in response.content.decode()
