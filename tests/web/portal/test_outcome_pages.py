"""The participant's side of outcomes: the feedback link, online signing, projects."""

from datetime import date

import pytest
from django.urls import reverse

from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes.domain.agreements import create_agreement
from matchfair.web.outcomes.domain.feedback import feedback_token
from matchfair.web.outcomes.models import CooperationProject, MeetingOutcome
from tests.web.factories import delegate, side_of

pytestmark = pytest.mark.django_db


def test_feedback_link_works_without_login(client, outcome_event: Event):
    meeting = Meeting.objects.get(event=outcome_event, a__code="haaga-helia")
    url = reverse("portal:meeting_feedback", args=[feedback_token(meeting=meeting, side=meeting.b)])
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "held", "result": "agreement", "note": "AR/VR lab"})
    assert response.context["done"] is True
    assert MeetingOutcome.objects.get().feedback.get().by == meeting.b
    assert client.get(url + "tampered/").status_code == 404


def test_online_signing_through_the_portal(client_for, outcome_event: Event):
    agreement = create_agreement(
        event=outcome_event,
        code="agr-1",
        parties=[side_of(outcome_event, "tegnology"), side_of(outcome_event, "tsinghua-energy")],
        type="strategic",
        title="Nordic energy partnership",
        on=date(2024, 11, 18),
    )
    for code in ("tegnology", "tsinghua-energy"):
        side = side_of(outcome_event, code)
        client_for(delegate(side, f"delegate-{code}")).post(
            reverse("portal:confirm_agreement", args=[side.pk, agreement.pk])
        )
        agreement.refresh_from_db()
        assert agreement.status == ("signed" if code == "tsinghua-energy" else "intention")


def test_a_delegate_cannot_confirm_for_another_organization(client_for, outcome_event: Event):
    agreement = create_agreement(
        event=outcome_event,
        code="agr-1",
        parties=[side_of(outcome_event, "tegnology"), side_of(outcome_event, "tsinghua-energy")],
        type="strategic",
        title="Nordic energy partnership",
        on=date(2024, 11, 18),
    )
    intruder = client_for(delegate(side_of(outcome_event, "huati"), "delegate-huati"))
    response = intruder.post(
        reverse(
            "portal:confirm_agreement", args=[side_of(outcome_event, "tegnology").pk, agreement.pk]
        )
    )
    assert response.status_code == 403


def test_interest_in_a_project_from_the_portal(client_for, outcome_event: Event):
    project = CooperationProject.objects.create(
        event=outcome_event,
        host=side_of(outcome_event, "tsinghua-energy"),
        title="Tianfu PV park",
        sector="energy",
        location="Tianfu New Area",
        contact="invest@example.cn",
        published=True,
    )
    tegnology = side_of(outcome_event, "tegnology")
    tegnology_client = client_for(delegate(tegnology, "delegate-tegnology"))
    page = tegnology_client.get(reverse("portal:participant_outcomes", args=[tegnology.pk]))
    assert "Tianfu PV park" in page.content.decode()
    tegnology_client.post(
        reverse("portal:express_interest", args=[tegnology.pk, project.pk]),
        {"message": "We build modules."},
    )
    assert MeetingRequest.objects.filter(
        requester__code="tegnology", recipient__code="tsinghua-energy", status="requested"
    ).exists()


def test_a_host_publishes_a_project_in_the_portal(client_for, outcome_event: Event):
    host = side_of(outcome_event, "tsinghua-energy")
    response = client_for(delegate(host, "delegate-tsinghua-energy")).post(
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


def test_the_outcomes_page_is_a_tab_of_the_portal_menu_with_a_plain_title(
    client_for, outcome_event: Event
):
    tegnology = side_of(outcome_event, "tegnology")
    client = client_for(delegate(tegnology, "delegate-tegnology"))
    outcomes = reverse("portal:participant_outcomes", args=[tegnology.pk])
    page = client.get(outcomes).content.decode()
    assert "<title>Outcomes · Matchfair</title>" in page
    assert f'<a href="{outcomes}" class="chosen" aria-current="page">Outcomes</a>' in page
    agenda = client.get(reverse("portal:agenda", args=[tegnology.pk])).content.decode()
    assert f'<a href="{outcomes}">Outcomes</a>' in agenda
