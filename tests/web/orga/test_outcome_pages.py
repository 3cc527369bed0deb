"""The outcome and report pages: organizers see and record, participants report and sign online."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from matchfair.core import read_event
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.outcomes import series_rate_table
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes.domain.agreements import create_agreement
from matchfair.web.outcomes.domain.feedback import feedback_token
from matchfair.web.outcomes.models import Agreement, CooperationProject, MeetingOutcome
from tests.outcomes.conftest import FIXTURE

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _user(name: str, *, staff: bool = False):
    return get_user_model().objects.create_user(username=name, password=PASSWORD, is_staff=staff)


@pytest.fixture
def organizer():
    return _user("organizer", staff=True)


@pytest.fixture
def event(organizer) -> Event:
    """The fixture event without its outcomes: the pages record them."""
    document = read_event(FIXTURE).model_copy(update={"outcomes": None})
    return import_event(document, organizers=[organizer])


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


def _side(event: Event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def _delegate_client(client, event: Event, code: str):
    user = _user(f"delegate-{code}")
    Delegate.objects.create(user=user, organization=_side(event, code).organization)
    client.force_login(user)
    return client


def test_overview_lists_every_side_still_to_report(organizer_client, event: Event):
    response = organizer_client.get(reverse("orga:meeting_outcomes", args=[event.pk]))
    assert response.status_code == 200
    assert len(response.context["missing"]) == 6
    assert "/events/feedback/" in response.content.decode()


def test_organizer_records_for_a_side(organizer_client, event: Event):
    meeting = Meeting.objects.get(event=event, a__code="tegnology")
    url = reverse("orga:record_outcome", args=[event.pk, meeting.pk, meeting.a.pk])
    response = organizer_client.post(url, {"status": "held", "result": "follow-up", "note": ""})
    assert response.status_code == 302
    feedback = MeetingOutcome.objects.get().feedback.get()
    assert (feedback.result, feedback.record.by_organizer) == ("follow-up", True)


def test_held_without_a_result_is_refused_with_a_message(organizer_client, event: Event):
    meeting = Meeting.objects.get(event=event, a__code="tegnology")
    url = reverse("orga:record_outcome", args=[event.pk, meeting.pk, meeting.a.pk])
    response = organizer_client.post(url, {"status": "held", "result": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {"result": ["Say what the meeting led to."]}
    assert not MeetingOutcome.objects.exists()


def test_feedback_link_works_without_login(client, event: Event):
    meeting = Meeting.objects.get(event=event, a__code="haaga-helia")
    url = reverse("portal:meeting_feedback", args=[feedback_token(meeting=meeting, side=meeting.b)])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "held", "result": "agreement", "note": "AR/VR lab"})
    assert response.context["done"] is True
    assert MeetingOutcome.objects.get().feedback.get().by == meeting.b
    assert client.get(url + "tampered/").status_code == 404


def test_agreement_created_and_moved_forward(organizer_client, event: Event):
    response = organizer_client.post(
        reverse("orga:agreements", args=[event.pk]),
        {
            "code": "agr-1",
            "title": "Photovoltaic efficiency pilot",
            "type": "joint-research",
            "parties": [_side(event, "tegnology").pk, _side(event, "tsinghua-energy").pk],
            "amount": "2000000",
            "currency": "EUR",
            "date": "2024-11-18",
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    detail = reverse("orga:agreement", args=[event.pk, agreement.pk])
    organizer_client.post(detail, {"status": "signed", "date": "2025-01-10", "note": ""})
    response = organizer_client.post(detail, {"status": "intention", "date": "2025-01-11"})
    assert "An agreement cannot go from signed to intention." in response.content.decode()
    agreement.refresh_from_db()
    assert (agreement.status, agreement.date) == ("signed", date(2025, 1, 10))


def test_online_signing_through_the_portal(client, event: Event):
    agreement = create_agreement(
        event=event,
        code="agr-1",
        parties=[_side(event, "tegnology"), _side(event, "tsinghua-energy")],
        type="strategic",
        title="Nordic energy partnership",
        on=date(2024, 11, 18),
    )
    for code in ("tegnology", "tsinghua-energy"):
        side = _side(event, code)
        _delegate_client(client, event, code).post(
            reverse("portal:confirm_agreement", args=[side.pk, agreement.pk])
        )
        agreement.refresh_from_db()
        assert agreement.status == ("signed" if code == "tsinghua-energy" else "intention")


def test_a_delegate_cannot_confirm_for_another_organization(client, event: Event):
    agreement = create_agreement(
        event=event,
        code="agr-1",
        parties=[_side(event, "tegnology"), _side(event, "tsinghua-energy")],
        type="strategic",
        title="Nordic energy partnership",
        on=date(2024, 11, 18),
    )
    intruder = _delegate_client(client, event, "huati")
    response = intruder.post(
        reverse("portal:confirm_agreement", args=[_side(event, "tegnology").pk, agreement.pk])
    )
    assert response.status_code == 403


def test_interest_in_a_project_from_the_portal(client, event: Event):
    project = CooperationProject.objects.create(
        event=event,
        host=_side(event, "tsinghua-energy"),
        title="Tianfu PV park",
        sector="energy",
        location="Tianfu New Area",
        contact="invest@example.cn",
        published=True,
    )
    delegate = _delegate_client(client, event, "tegnology")
    page = delegate.get(reverse("portal:participant_outcomes", args=[_side(event, "tegnology").pk]))
    assert "Tianfu PV park" in page.content.decode()
    delegate.post(
        reverse("portal:express_interest", args=[_side(event, "tegnology").pk, project.pk]),
        {"message": "We build modules."},
    )
    assert MeetingRequest.objects.filter(
        requester__code="tegnology", recipient__code="tsinghua-energy", status="requested"
    ).exists()


def test_event_report_page_and_files(organizer_client, event: Event):
    page = organizer_client.get(reverse("reports:event_report", args=[event.pk]))
    assert page.status_code == 200
    assert "6 organizations took part" in page.content.decode()
    pdf = organizer_client.get(reverse("reports:event_report_file", args=[event.pk, "zh", "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    html = organizer_client.get(reverse("reports:event_report_file", args=[event.pk, "fr", "html"]))
    assert "6 organisations ont participé" in html.content.decode()
    assert organizer_client.get(f"/events/{event.pk}/report/es.pdf").status_code == 404


def test_series_report_for_organizers_of_an_edition(organizer_client, client, event: Event):
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    event.series = series
    event.save()
    page = organizer_client.get(reverse("reports:series_report", args=[series.pk]))
    assert page.status_code == 200
    assert "TEGnology" in page.content.decode()
    client.force_login(_user("stranger", staff=True))
    assert client.get(reverse("reports:series_report", args=[series.pk])).status_code == 403


@pytest.mark.parametrize(
    "name",
    [
        "orga:meeting_outcomes",
        "orga:agreements",
        "orga:exchange_rates",
        "orga:cooperation_projects",
        "reports:event_report",
    ],
)
def test_organizer_pages_are_closed_to_others(client, event: Event, name: str):
    client.force_login(_user("stranger", staff=True))
    assert client.get(reverse(name, args=[event.pk])).status_code == 403


def test_rates_page_saves_a_series_table(organizer_client, event: Event):
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    event.series = series
    event.save()
    response = organizer_client.post(
        reverse("orga:exchange_rates", args=[event.pk]),
        {"base": "CNY", "rates": "EUR 7.5\nUSD=7,1", "date": "2024-11-18", "scope": "series"},
    )
    assert response.status_code == 302
    assert series_rate_table(series).rates == {
        "EUR": Decimal("7.5"),
        "USD": Decimal("7.1"),
    }
    bad = organizer_client.post(
        reverse("orga:exchange_rates", args=[event.pk]), {"base": "CNY", "rates": "EUR"}
    )
    assert "Line 1: write a currency code and a rate" in bad.content.decode()


def test_sides_still_to_report_are_asked_by_email(
    organizer_client, event: Event, django_capture_on_commit_callbacks, mailoutbox
):
    user = _user("teg-delegate")
    user.email = "teg@example.dk"
    user.save()
    Delegate.objects.create(user=user, organization=_side(event, "tegnology").organization)
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(reverse("orga:ask_missing_feedback", args=[event.pk]))
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["teg@example.dk"], ["teg@example.dk"]]
    body = mailoutbox[0].body
    assert "清华四川能源互联网研究院" in body
    link = body.split("http://testserver")[1].strip()
    assert organizer_client.get(link).status_code == 200


def test_a_host_publishes_a_project_in_the_portal(client, event: Event):
    host = _side(event, "tsinghua-energy")
    delegate = _delegate_client(client, event, "tsinghua-energy")
    response = delegate.post(
        reverse("portal:publish_project", args=[host.pk]),
        {
            "title": "Tianfu PV park",
            "sector": "energy",
            "location": "Tianfu New Area",
            "planned_investment": "300000000",
            "currency": "cny",
            "contact": "invest@example.cn",
            "description": "",
        },
    )
    assert response.status_code == 302
    project = CooperationProject.objects.get()
    assert (project.host, project.published, project.currency) == (host, True, "CNY")


def test_event_dashboard_shows_investment_by_status(organizer_client, event: Event):
    create_agreement(
        event=event,
        code="agr-1",
        parties=[_side(event, "tegnology"), _side(event, "huati")],
        type="investment",
        title="Plant",
        on=date(2024, 11, 18),
        amount=Decimal("21750000000"),
        currency="CNY",
    )
    page = organizer_client.get(reverse("reports:event_report", args=[event.pk]))
    rows = page.context["dashboard"].investment_by_status
    assert [(row.status, row.amounts) for row in rows] == [("intention", ["CN¥21,750,000,000.00"])]
