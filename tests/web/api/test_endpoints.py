"""Writes through the services, pagination, filters and error bodies that name the field."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes.models import Agreement
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def post(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def test_lists_are_paginated_with_a_total(client_for, world: World):
    client = client_for(world.organizer)
    page = client.get(f"/api/events/{world.event.pk}/organizations?limit=2&offset=1").json()
    assert page["count"] == 3
    assert [o["code"] for o in page["items"]] == ["tsinghua-energy", "smart-eye"]


def test_filters_narrow_the_catalog(client_for, world: World):
    client = client_for(world.smart_eye_user)
    by_country = client.get(f"/api/events/{world.event.pk}/organizations?country=dk").json()
    assert [o["code"] for o in by_country["items"]] == ["tegnology"]
    offers = client.get(f"/api/events/{world.event.pk}/opportunities?kind=offer").json()
    assert [o["code"] for o in offers["items"]] == ["teg-1"]
    words = client.get(f"/api/events/{world.event.pk}/opportunities?q=waste").json()
    assert [o["organization"] for o in words["items"]] == [world.tegnology.pk]


def test_invalid_input_names_the_field(client_for, world: World):
    client = client_for(world.organizer)
    response = post(client, f"/api/events/{world.event.pk}/tailor-made", {"first": 0})
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"first", "second"} <= fields
    too_long = client.get(f"/api/events/{world.event.pk}/organizations?limit=100000")
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["field"] == "query.limit"
    nul = client.get(f"/api/events/{world.event.pk}/organizations?q=a%00b")
    assert nul.status_code == 422
    assert "NUL" in nul.json()["errors"][0]["message"]


def test_a_move_that_breaks_a_rule_is_refused_with_every_reason(client_for, world: World):
    # TEGnology is busy with Smart Eye's (draft) meeting at 14:50 and has 2 delegates;
    # the published meeting's request allows day1-pm only.
    response = post(
        client_for(world.organizer),
        f"/api/events/{world.event.pk}/meetings/{world.published.pk}/move",
        {"session": "day2-online", "start": "2024-11-19T09:00:00+08:00"},
    )
    assert response.status_code == 409
    messages = [e["message"] for e in response.json()["errors"]]
    assert "The request allows only the sessions day1-pm." in messages
    assert not AuditEntry.objects.filter(action="meeting.moved").exists()


def test_a_move_goes_through_the_service_and_into_the_audit_trail(client_for, world: World):
    client = client_for(world.organizer)
    response = post(
        client,
        f"/api/events/{world.event.pk}/meetings/{world.published.pk}/move",
        {"session": "day1-pm", "start": "2024-11-18T14:25:00+08:00", "location": "table-2"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["location"] == "table-2"
    assert Meeting.objects.get(pk=world.published.pk).location == "table-2"
    trail = client.get(f"/api/events/{world.event.pk}/audit").json()["items"]
    assert trail[0]["action"] == "meeting.moved"
    assert trail[0]["actor"] == "Organizer"
    assert "table-2" in trail[0]["summary"]


def test_a_move_to_a_table_the_event_does_not_have_is_refused(client_for, world: World):
    response = post(
        client_for(world.organizer),
        f"/api/events/{world.event.pk}/meetings/{world.published.pk}/move",
        {"session": "day1-pm", "start": "2024-11-18T14:25:00+08:00", "location": "Tisch 99"},
    )
    assert response.status_code == 409
    messages = [e["message"] for e in response.json()["errors"]]
    assert messages == ["Tisch 99 is not a table of this event."]
    assert Meeting.objects.get(pk=world.published.pk).location != "Tisch 99"


def test_tailor_made_meetings_and_agreements_are_created_by_the_services(client_for, world: World):
    client = client_for(world.organizer)
    made = post(
        client,
        f"/api/events/{world.event.pk}/tailor-made",
        {"first": world.smart_eye.pk, "second": world.tegnology.pk, "weight": 2},
    )
    assert made.status_code == 201
    assert MeetingRequest.objects.get(pk=made.json()["id"]).mandatory
    itself = post(
        client,
        f"/api/events/{world.event.pk}/tailor-made",
        {"first": world.smart_eye.pk, "second": world.smart_eye.pk},
    )
    assert itself.status_code == 409
    assert itself.json()["errors"][0]["message"] == "An organization cannot meet itself."
    agreement = post(
        client,
        f"/api/events/{world.event.pk}/agreements",
        {
            "code": "agr-2",
            "type": "investment",
            "title": "Battery plant",
            "date": "2024-11-19",
            "parties": [world.smart_eye.pk, world.tsinghua.pk],
            "value": {"amount": "1500000.25", "currency": "CNY"},
        },
    )
    assert agreement.status_code == 201, agreement.content
    assert agreement.json()["value"] == {"amount": "1500000.25", "currency": "CNY"}
    backwards = post(
        client,
        f"/api/events/{world.event.pk}/agreements/{agreement.json()['id']}/status",
        {"status": "implemented", "date": "2024-11-20"},
    )
    assert backwards.status_code == 409
    actions = [
        line["action"] for line in client.get(f"/api/events/{world.event.pk}/audit").json()["items"]
    ]
    assert "request.tailor-made" in actions
    assert "agreement.intention" in actions


def test_parties_confirm_an_agreement_online(client_for, world: World):
    agreement = Agreement.objects.get(event=world.event, code="agr-1")
    url = f"/api/events/{world.event.pk}/agreements/{agreement.pk}/confirm"
    assert client_for(world.smart_eye_user).post(url).status_code == 404
    assert client_for(world.teg_user).post(url).json() == {"signed": False}
    assert client_for(world.tsinghua_user).post(url).json() == {"signed": True}
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.SIGNED


def test_a_side_reports_on_its_published_meeting(client_for, world: World):
    url = f"/api/events/{world.event.pk}/meetings/{world.published.pk}/outcome"
    body = {"status": "held", "result": "follow-up", "note": "next call in May"}
    assert post(client_for(world.smart_eye_user), url, body).status_code == 404
    response = post(client_for(world.tsinghua_user), url, body)
    assert response.status_code == 200, response.content
    assert {f["organization"]: f["result"] for f in response.json()["feedback"]}[
        world.tsinghua.pk
    ] == "follow-up"


def test_participants_send_and_answer_requests_through_the_portal_rules(client_for, world: World):
    sender = client_for(world.smart_eye_user)
    url = f"/api/events/{world.event.pk}/requests"
    sent = post(sender, url, {"recipient": world.tegnology.pk, "message": "Vision for PV?"})
    assert sent.status_code == 201, sent.content
    again = post(sender, url, {"recipient": world.tegnology.pk})
    assert again.status_code == 409
    assert again.json()["errors"][0]["message"] == "You have asked to meet TEGnology already."
    assert (
        post(client_for(world.organizer), url, {"recipient": world.tegnology.pk}).status_code == 403
    )
    # Only the organization asked may answer; then the two see each other's contacts.
    answer = f"{url}/{sent.json()['id']}/answer"
    assert post(sender, answer, {"accept": True}).status_code == 404
    accepted = post(client_for(world.teg_user), answer, {"accept": True})
    assert accepted.json()["status"] == "accepted"
    partner = sender.get(f"/api/events/{world.event.pk}/organizations/{world.tegnology.pk}")
    assert partner.json()["contacts"][0]["email"] == "teg@example.org"
    trail = client_for(world.organizer).get(f"/api/events/{world.event.pk}/audit").json()["items"]
    assert [(line["action"], line["actor"]) for line in trail[:3]] == [
        ("export.api-contacts", "Smarteye"),
        ("request.accepted", "Teg"),
        ("request.sent", "Smarteye"),
    ]


def test_a_bad_stored_value_makes_the_report_endpoint_name_it_not_answer_500(
    client_for, world: World
):
    from matchfair.web.directory.models import Participation

    Participation.objects.filter(pk=world.tegnology.pk).update(languages=["dk"])
    response = client_for(world.organizer).get(f"/api/events/{world.event.pk}/report")
    assert response.status_code == 409
    [item] = response.json()["errors"]
    assert item["field"] == "languages"
    assert item["message"].startswith("TEGnology: languages: 'dk' is not an ISO 639-1 code")
