"""The organizer's outcome pages: the overview, recording, agreements, rates, reminders."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from matchfair.web.directory.models import Delegate
from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.outcomes import series_rate_table
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.models import Agreement, MeetingOutcome
from tests.web.factories import make_user, side_of

pytestmark = pytest.mark.django_db


def test_overview_lists_every_side_still_to_report(organizer_client, outcome_event: Event):
    response = organizer_client.get(reverse("orga:meeting_outcomes", args=[outcome_event.pk]))
    assert response.status_code == 200
    assert len(response.context["missing"]) == 6
    assert "/events/feedback/" in response.content.decode()


def test_organizer_records_for_a_side(organizer_client, outcome_event: Event):
    meeting = Meeting.objects.get(event=outcome_event, a__code="tegnology")
    url = reverse("orga:record_outcome", args=[outcome_event.pk, meeting.pk, meeting.a.pk])
    response = organizer_client.post(url, {"status": "held", "result": "follow-up", "note": ""})
    assert response.status_code == 302
    feedback = MeetingOutcome.objects.get().feedback.get()
    assert (feedback.result, feedback.record.by_organizer) == ("follow-up", True)


def test_held_without_a_result_is_refused_with_a_message(organizer_client, outcome_event: Event):
    meeting = Meeting.objects.get(event=outcome_event, a__code="tegnology")
    url = reverse("orga:record_outcome", args=[outcome_event.pk, meeting.pk, meeting.a.pk])
    response = organizer_client.post(url, {"status": "held", "result": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {"result": ["Say what the meeting led to."]}
    assert not MeetingOutcome.objects.exists()


def test_agreement_created_and_moved_forward(organizer_client, outcome_event: Event):
    response = organizer_client.post(
        reverse("orga:agreements", args=[outcome_event.pk]),
        {
            "code": "agr-1",
            "title": "Photovoltaic efficiency pilot",
            "type": "joint-research",
            "parties": [
                side_of(outcome_event, "tegnology").pk,
                side_of(outcome_event, "tsinghua-energy").pk,
            ],
            "amount": "2000000",
            "currency": "EUR",
            "date": "2024-11-18",
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    detail = reverse("orga:agreement", args=[outcome_event.pk, agreement.pk])
    organizer_client.post(detail, {"status": "signed", "date": "2025-01-10", "note": ""})
    response = organizer_client.post(detail, {"status": "intention", "date": "2025-01-11"})
    assert "An agreement cannot go from signed to intention." in response.content.decode()
    agreement.refresh_from_db()
    assert (agreement.status, agreement.date) == ("signed", date(2025, 1, 10))


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
def test_organizer_pages_are_closed_to_others(client, outcome_event: Event, name: str):
    client.force_login(make_user("stranger", staff=True))
    assert client.get(reverse(name, args=[outcome_event.pk])).status_code == 403


def test_rates_page_saves_a_series_table(organizer_client, outcome_event: Event):
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    outcome_event.series = series
    outcome_event.save()
    response = organizer_client.post(
        reverse("orga:exchange_rates", args=[outcome_event.pk]),
        {"base": "CNY", "rates": "EUR 7.5\nUSD=7,1", "date": "2024-11-18", "scope": "series"},
    )
    assert response.status_code == 302
    assert series_rate_table(series).rates == {
        "EUR": Decimal("7.5"),
        "USD": Decimal("7.1"),
    }
    bad = organizer_client.post(
        reverse("orga:exchange_rates", args=[outcome_event.pk]), {"base": "CNY", "rates": "EUR"}
    )
    assert "Line 1: write a currency code and a rate" in bad.content.decode()


def test_sides_still_to_report_are_asked_by_email(
    organizer_client, outcome_event: Event, django_capture_on_commit_callbacks, mailoutbox
):
    user = make_user("teg-delegate")
    user.email = "teg@example.dk"
    user.save()
    Delegate.objects.create(
        user=user, organization=side_of(outcome_event, "tegnology").organization
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            reverse("orga:ask_missing_feedback", args=[outcome_event.pk])
        )
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [["teg@example.dk"], ["teg@example.dk"]]
    body = mailoutbox[0].body
    assert "清华四川能源互联网研究院" in body
    link = body.split("http://testserver")[1].split()[0]
    assert organizer_client.get(link).status_code == 200


def test_asking_for_feedback_counts_organizations_once_and_the_emails_sent(
    organizer_client, outcome_event: Event, django_capture_on_commit_callbacks, mailoutbox
):
    # Six sides lack a report; only tegnology (two meetings) has a delegate, with an
    # address, and one other organization has a delegate without one.
    with_address = make_user("teg-delegate")
    with_address.email = "teg@example.dk"
    with_address.save()
    Delegate.objects.create(
        user=with_address, organization=side_of(outcome_event, "tegnology").organization
    )
    without_address = make_user("tsinghua-delegate")
    without_address.email = ""
    without_address.save()
    Delegate.objects.create(
        user=without_address,
        organization=side_of(outcome_event, "tsinghua-energy").organization,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            reverse("orga:ask_missing_feedback", args=[outcome_event.pk]), follow=True
        )
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["2 organizations were asked for their feedback. 2 e-mails were sent."]
    assert len(mailoutbox) == 2


def test_asking_nobody_says_so_in_the_plural_of_zero(
    organizer_client, outcome_event: Event, mailoutbox
):
    response = organizer_client.post(
        reverse("orga:ask_missing_feedback", args=[outcome_event.pk]), follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["0 organizations were asked for their feedback. 0 e-mails were sent."]
    assert mailoutbox == []
