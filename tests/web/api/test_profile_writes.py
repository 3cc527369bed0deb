"""The API's writes to the catalog: a participant's own profile and opportunities, an
organizer's edit of any organization of the event, refused with the pages' own rules
and a named field; other events and other organizations stay out of reach."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matchfair.web.api.tokens import issue_token
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.portal_rules import rules_of
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def patch(client, url: str, body: dict, **headers: str):
    return client.patch(url, body, content_type="application/json", **headers)


def post(client, url: str, body: dict, **headers: str):
    return client.post(url, body, content_type="application/json", **headers)


def organization_url(world: World, participation: Participation) -> str:
    return f"/api/events/{participation.event_id}/organizations/{participation.pk}"


def fields_of(response) -> set[str | None]:
    return {error["field"] for error in response.json()["errors"]}


def test_a_participant_changes_its_own_profile(client_for, world: World):
    response = patch(
        client_for(world.smart_eye_user),
        organization_url(world, world.smart_eye),
        {"description": "Vision sensors", "languages": ["sv", "en"], "sectors": ["automotive"]},
    )
    assert response.status_code == 200, response.content
    assert response.json()["languages"] == ["sv", "en"]
    stored = Participation.objects.get(pk=world.smart_eye.pk)
    assert (stored.description, stored.sectors) == ("Vision sensors", ["automotive"])


def test_a_language_the_core_refuses_is_a_422_naming_the_field(client_for, world: World):
    for user in (world.smart_eye_user, world.organizer):
        response = patch(
            client_for(user), organization_url(world, world.smart_eye), {"languages": ["en", "dk"]}
        )
        assert response.status_code == 422, response.content
        assert fields_of(response) == {"languages"}
        assert "'dk' is not an ISO 639-1 code" in response.json()["errors"][0]["message"]
    assert Participation.objects.get(pk=world.smart_eye.pk).languages == list(
        world.smart_eye.languages
    )


def test_a_list_item_holding_a_separator_is_refused_by_its_position(client_for, world: World):
    response = patch(
        client_for(world.smart_eye_user),
        organization_url(world, world.smart_eye),
        {"sectors": ["energy", "storage, batteries"]},
    )
    assert response.status_code == 422
    assert fields_of(response) == {"sectors.1"}


def test_a_participant_may_not_change_what_only_organizers_change(client_for, world: World):
    response = patch(
        client_for(world.smart_eye_user),
        organization_url(world, world.smart_eye),
        {"description": "x", "delegates": 5, "name": "Mine"},
    )
    assert response.status_code == 403
    assert fields_of(response) == {"delegates", "name"}
    assert Participation.objects.get(pk=world.smart_eye.pk).delegates == world.smart_eye.delegates


def test_a_participant_editing_another_organization_is_refused(client_for, world: World):
    client = client_for(world.smart_eye_user)
    response = patch(client, organization_url(world, world.tegnology), {"description": "mine"})
    assert response.status_code == 403
    assert Participation.objects.get(pk=world.tegnology.pk).description != "mine"


def test_another_events_organization_is_not_found(client_for, world: World):
    other = Participation.objects.filter(event=world.other_event).first()
    for user in (world.organizer, world.smart_eye_user):
        inside = patch(
            client_for(user),
            f"/api/events/{world.event.pk}/organizations/{other.pk}",
            {"description": "x"},
        )
        assert inside.status_code == 404
    outside = patch(client_for(world.organizer), organization_url(world, other), {"name": "x"})
    assert outside.status_code == 404
    assert Participation.objects.get(pk=other.pk).description != "x"


def test_a_token_of_another_events_organizer_gets_404(client, world: World):
    token = issue_token(world.other_organizer, "theirs").plain
    response = patch(
        client,
        organization_url(world, world.tegnology),
        {"name": "Taken over"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 404


def test_a_viewer_may_not_write(client_for, world: World):
    response = patch(
        client_for(world.viewer), organization_url(world, world.tegnology), {"description": "x"}
    )
    assert response.status_code == 403


def test_the_profile_deadline_holds_participants_not_organizers(client_for, world: World):
    rules = rules_of(world.event)
    rules.profile_deadline = timezone.now() - timedelta(days=1)
    rules.save()
    late = patch(
        client_for(world.smart_eye_user),
        organization_url(world, world.smart_eye),
        {"description": "late"},
    )
    assert late.status_code == 409
    assert "Profiles could be changed until" in late.json()["errors"][0]["message"]
    made = post(
        client_for(world.organizer),
        f"/api/events/{world.event.pk}/opportunities",
        {"organization": world.smart_eye.pk, "kind": "offer", "title": "Late but allowed"},
    )
    assert made.status_code == 201, made.content


def test_an_organizer_edits_any_organization_with_the_edit_pages_rules(client_for, world: World):
    client = client_for(world.organizer)
    response = patch(
        client,
        organization_url(world, world.smart_eye),
        {"delegates": 3, "group": "Nordic", "languages": ["SV"]},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["delegates"], body["group"], body["languages"]) == (3, "Nordic", ["sv"])
    bad = patch(client, organization_url(world, world.smart_eye), {"country": "UK", "code": ""})
    assert bad.status_code == 422
    assert fields_of(bad) == {"country", "code"}


def test_a_name_shared_with_another_edition_is_a_409(client_for, world: World):
    response = patch(
        client_for(world.organizer), organization_url(world, world.smart_eye), {"name": "Renamed"}
    )
    assert response.status_code == 409
    assert fields_of(response) == {"name"}


def test_an_id_taken_in_the_event_is_a_409_naming_the_code(client_for, world: World):
    response = patch(
        client_for(world.organizer), organization_url(world, world.smart_eye), {"code": "tegnology"}
    )
    assert response.status_code == 409
    assert fields_of(response) == {"code"}


def test_availability_drops_drafts_outside_and_keeps_published_meetings_safe(
    client_for, world: World
):
    client = client_for(world.organizer)
    published = world.published
    outside_published = patch(
        client,
        organization_url(world, world.tegnology),
        {
            "availability": [
                {
                    "start": (published.end + timedelta(hours=1)).isoformat(),
                    "end": (published.end + timedelta(hours=2)).isoformat(),
                }
            ]
        },
    )
    assert outside_published.status_code == 409
    assert fields_of(outside_published) == {"availability"}
    around_published = {
        "start": (published.start - timedelta(minutes=5)).isoformat(),
        "end": (published.end + timedelta(minutes=5)).isoformat(),
    }
    response = patch(
        client, organization_url(world, world.tegnology), {"availability": [around_published]}
    )
    assert response.status_code == 200, response.content
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    assert Participation.objects.get(pk=world.tegnology.pk).availability is not None
    cleared = patch(client, organization_url(world, world.tegnology), {"availability": None})
    assert cleared.status_code == 200
    assert Participation.objects.get(pk=world.tegnology.pk).availability is None


def test_a_window_ending_before_it_starts_is_a_422(client_for, world: World):
    response = patch(
        client_for(world.organizer),
        organization_url(world, world.tegnology),
        {
            "availability": [
                {"start": "2024-11-18T15:00:00+08:00", "end": "2024-11-18T14:00:00+08:00"}
            ]
        },
    )
    assert response.status_code == 422
    assert fields_of(response) == {"availability"}


def test_a_participant_creates_changes_and_deletes_its_opportunity(client_for, world: World):
    client = client_for(world.smart_eye_user)
    url = f"/api/events/{world.event.pk}/opportunities"
    made = post(client, url, {"kind": "request", "type": "research", "title": "Lidar partner"})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["organization"] == world.smart_eye.pk
    changed = patch(client, f"{url}/{body['id']}", {"sectors": ["automotive"]})
    assert changed.status_code == 200
    assert changed.json()["title"] == "Lidar partner"
    assert changed.json()["sectors"] == ["automotive"]
    empty = patch(client, f"{url}/{body['id']}", {"title": ""})
    assert empty.status_code == 422
    assert fields_of(empty) == {"title"}
    removed = client.delete(f"{url}/{body['id']}")
    assert removed.status_code == 204
    assert not Opportunity.objects.filter(pk=body["id"]).exists()


def test_a_participant_cannot_touch_another_organizations_opportunity(client_for, world: World):
    theirs = Opportunity.objects.filter(participation=world.tegnology).first()
    client = client_for(world.smart_eye_user)
    url = f"/api/events/{world.event.pk}/opportunities"
    assert patch(client, f"{url}/{theirs.pk}", {"title": "mine"}).status_code == 403
    assert client.delete(f"{url}/{theirs.pk}").status_code == 403
    for_them = post(
        client, url, {"organization": world.tegnology.pk, "kind": "offer", "title": "x"}
    )
    assert for_them.status_code == 403
    assert Opportunity.objects.get(pk=theirs.pk).title != "mine"


def test_another_events_opportunity_is_not_found(client_for, world: World):
    other = Opportunity.objects.filter(event=world.other_event).first()
    client = client_for(world.organizer)
    url = f"/api/events/{world.event.pk}/opportunities/{other.pk}"
    assert patch(client, url, {"title": "x"}).status_code == 404
    assert client.delete(url).status_code == 404
    elsewhere = post(
        client,
        f"/api/events/{world.event.pk}/opportunities",
        {"organization": other.participation_id, "kind": "offer", "title": "x"},
    )
    assert elsewhere.status_code == 422
    assert fields_of(elsewhere) == {"organization"}


def test_a_retried_write_with_its_idempotency_key_is_done_once(client, world: World):
    token = issue_token(world.smart_eye_user, "mine").plain
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}", "HTTP_IDEMPOTENCY_KEY": "opp-1"}
    url = f"/api/events/{world.event.pk}/opportunities"
    body = {"kind": "offer", "title": "Once only"}
    first = post(client, url, body, **headers)
    second = post(client, url, body, **headers)
    assert first.status_code == second.status_code == 201
    assert second["Idempotent-Replayed"] == "true"
    assert Opportunity.objects.filter(title="Once only").count() == 1


def test_a_null_where_an_opportunity_needs_a_value_is_a_422(client_for, world: World):
    opportunity = Opportunity.objects.filter(participation=world.tegnology).first()
    response = patch(
        client_for(world.organizer),
        f"/api/events/{world.event.pk}/opportunities/{opportunity.pk}",
        {"type": None, "kind": None},
    )
    assert response.status_code == 422
    assert fields_of(response) == {"type", "kind"}


def test_nace_sections_are_written_by_participants_and_organizers_as_the_core_reads_them(
    client_for, world: World
):
    for user, sections in ((world.smart_eye_user, ["j"]), (world.organizer, ["M", "J"])):
        response = patch(
            client_for(user), organization_url(world, world.smart_eye), {"nace": sections}
        )
        assert response.status_code == 200, response.content
        assert [item["code"] for item in response.json()["nace"]] == [s.upper() for s in sections]
    assert Participation.objects.get(pk=world.smart_eye.pk).nace == ["M", "J"]


def test_an_unknown_nace_section_is_a_422_naming_the_field(client_for, world: World):
    for user in (world.smart_eye_user, world.organizer):
        response = patch(
            client_for(user), organization_url(world, world.smart_eye), {"nace": ["Z"]}
        )
        assert response.status_code == 422, response.content
        assert fields_of(response) == {"nace"}
    url = f"/api/events/{world.smart_eye.event_id}/opportunities"
    body = {"kind": "offer", "title": "Sensors", "nace": ["Z"]}
    response = post(client_for(world.smart_eye_user), url, body)
    assert response.status_code == 422, response.content
    assert fields_of(response) == {"nace"}
    body["nace"] = ["c"]
    response = post(client_for(world.smart_eye_user), url, body)
    assert response.status_code == 201, response.content
    assert Opportunity.objects.get(pk=response.json()["id"]).nace == ["C"]


def test_a_participant_sets_its_own_availability_and_reads_it_back(client_for, world: World):
    client = client_for(world.smart_eye_user)
    window = {"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T10:00:00+08:00"}
    response = patch(client, organization_url(world, world.smart_eye), {"availability": [window]})
    assert response.status_code == 200, response.content
    assert response.json()["availability"] == [window]
    read = client.get(organization_url(world, world.smart_eye)).json()
    assert read["availability"] == [window]
    assert Participation.objects.get(pk=world.smart_eye.pk).availability == [window]


def test_a_window_off_the_events_sessions_is_a_409_naming_the_field(client_for, world: World):
    off = {"start": "2024-11-17T09:00:00+08:00", "end": "2024-11-17T10:00:00+08:00"}
    for user in (world.smart_eye_user, world.organizer):
        response = patch(
            client_for(user), organization_url(world, world.smart_eye), {"availability": [off]}
        )
        assert response.status_code == 409, response.content
        assert fields_of(response) == {"availability"}
        assert "outside the event's sessions" in response.json()["errors"][0]["message"]
    assert Participation.objects.get(pk=world.smart_eye.pk).availability is None


def test_a_participant_cannot_leave_its_published_meeting_outside(client_for, world: World):
    later = {"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T10:00:00+08:00"}
    response = patch(
        client_for(world.teg_user),
        organization_url(world, world.tegnology),
        {"availability": [later]},
    )
    assert response.status_code == 409
    assert "The published meeting with" in response.json()["errors"][0]["message"]
