"""Forms of a large event ask for organization ids instead of listing every organization.

The requests page of a 100,000-organization event was 11 MB and took a minute: its
tailor-made form listed every organization twice. The limit is lowered here so that
the three organizations of the test event count as many.
"""

import pytest
from django.urls import reverse

from matchfair.web.directory import forms
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.outcomes.models import Agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(monkeypatch):
    monkeypatch.setattr(forms, "LIST_LIMIT", 2)


def _side(event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def test_a_small_event_lists_its_organizations(organizer_client, event):
    page = organizer_client.get(reverse("orga:meeting_requests", args=[event.pk])).content.decode()
    assert '<select name="first"' in page


def test_a_large_event_takes_ids_and_stores_the_meeting(organizer_client, event, many):
    url = reverse("orga:meeting_requests", args=[event.pk])
    page = organizer_client.get(url).content.decode()
    assert '<select name="first"' not in page
    assert '<input type="text" name="first"' in page
    response = organizer_client.post(
        url, {"first": "smart-eye", "second": "tegnology", "weight": "3"}
    )
    assert response.status_code == 302
    request = MeetingRequest.objects.get(
        requester=_side(event, "smart-eye"), recipient=_side(event, "tegnology")
    )
    assert request.mandatory


def test_a_choose_link_fills_in_the_ids(organizer_client, event, many):
    url = reverse("orga:meeting_requests", args=[event.pk])
    chosen = {"first": _side(event, "smart-eye").pk, "second": _side(event, "tegnology").pk}
    form = organizer_client.get(url, chosen).context["form"]
    assert (form["first"].value(), form["second"].value()) == ("smart-eye", "tegnology")


def test_an_unknown_id_is_refused_beside_its_field(organizer_client, event, many):
    response = organizer_client.post(
        reverse("orga:meeting_requests", args=[event.pk]),
        {"first": "smart-eye", "second": "nobody", "weight": "3"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["second"]


def test_agreement_parties_are_typed_as_ids(organizer_client, event, many):
    url = reverse("orga:agreements", args=[event.pk])
    assert '<select name="parties"' not in organizer_client.get(url).content.decode()
    response = organizer_client.post(
        url,
        {
            "code": "agr-2",
            "title": "Battery plant",
            "type": "investment",
            "parties": "tegnology, tsinghua-energy",
            "date": "2024-11-19",
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get(code="agr-2")
    assert {party.participation.code for party in agreement.parties.all()} == {
        "tegnology",
        "tsinghua-energy",
    }
