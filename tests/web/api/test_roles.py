"""Each access rule of issue 7, attacked through the API: who reads and changes what."""

import pytest

from matchfair.i18n import Message
from matchfair.web.meetings.models import MeetingRequest, Recommendation
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def api(event_id: int, rest: str = "") -> str:
    return f"/api/events/{event_id}{rest}"


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_anonymous_callers_get_401_with_a_message(client, world: World):
    response = client.get(api(world.event.pk, "/organizations"))
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"].startswith("Send a token")


def test_each_role_lists_only_its_events(client_for, world: World):
    assert [e["role"] for e in items(client_for(world.organizer).get("/api/events"))] == [
        "organizer"
    ]
    assert [e["id"] for e in items(client_for(world.other_organizer).get("/api/events"))] == [
        world.other_event.pk
    ]
    assert [e["role"] for e in items(client_for(world.viewer).get("/api/events"))] == ["viewer"]
    roles = {e["id"]: e["role"] for e in items(client_for(world.smart_eye_user).get("/api/events"))}
    assert roles[world.event.pk] == "participant"


@pytest.mark.parametrize(
    "path",
    ["", "/sessions", "/organizations", "/opportunities", "/requests", "/meetings", "/audit"],
)
def test_an_organizer_cannot_read_another_event(client_for, world: World, path: str):
    response = client_for(world.other_organizer).get(api(world.event.pk, path))
    assert response.status_code == 404
    assert response.json() == {"errors": [{"field": None, "message": "Not found."}]}


def test_an_organizer_cannot_change_another_event(client_for, world: World):
    client = client_for(world.other_organizer)
    moved = client.post(
        api(world.event.pk, f"/meetings/{world.published.pk}/move"),
        {"session": "day1-pm", "start": "2024-11-18T14:25:00+08:00"},
        content_type="application/json",
    )
    published = client.post(api(world.event.pk, "/schedule/publish"))
    assert (moved.status_code, published.status_code) == (404, 404)
    world.draft.refresh_from_db()
    assert not world.draft.published


def test_a_participant_sees_only_its_own_requests(client_for, world: World):
    seen = items(client_for(world.smart_eye_user).get(api(world.event.pk, "/requests")))
    assert [(r["requester"], r["recipient"]) for r in seen] == [
        (world.smart_eye.pk, world.tsinghua.pk)
    ]
    everyone = MeetingRequest.objects.filter(event=world.event).count()
    assert len(items(client_for(world.organizer).get(api(world.event.pk, "/requests")))) == everyone


def test_a_participant_never_sees_an_unpublished_meeting(client_for, world: World):
    client = client_for(world.smart_eye_user)
    assert items(client.get(api(world.event.pk, "/meetings"))) == []
    assert client.get(api(world.event.pk, f"/meetings/{world.draft.pk}")).status_code == 404
    filtered = client.get(api(world.event.pk, "/meetings?published=false"))
    assert items(filtered) == []


def test_a_participant_sees_its_published_meetings_but_not_others(client_for, world: World):
    own = items(client_for(world.teg_user).get(api(world.event.pk, "/meetings")))
    assert [m["id"] for m in own] == [world.published.pk]
    stranger = client_for(world.smart_eye_user)
    assert stranger.get(api(world.event.pk, f"/meetings/{world.published.pk}")).status_code == 404


def test_contact_details_only_after_an_accepted_meeting(client_for, world: World):
    def contacts(user, participation) -> object:
        response = client_for(user).get(api(world.event.pk, f"/organizations/{participation.pk}"))
        assert response.status_code == 200
        return response.json()["contacts"]

    # Smart Eye asked Tsinghua, not answered yet: no contact details either way.
    assert contacts(world.smart_eye_user, world.tsinghua) is None
    assert contacts(world.tsinghua_user, world.smart_eye) is None
    # TEGnology and Tsinghua have an accepted meeting: both see each other.
    assert contacts(world.teg_user, world.tsinghua)[0]["email"] == "tsinghua@example.org"
    assert contacts(world.tsinghua_user, world.tegnology)[0]["email"] == "teg@example.org"
    # Own organization, the organizer: yes; a viewer: never.
    assert contacts(world.smart_eye_user, world.smart_eye)[0]["name"] == "Smarteye"
    assert contacts(world.organizer, world.smart_eye)[0]["email"] == "smarteye@example.org"
    assert contacts(world.viewer, world.tegnology) is None
    listed = items(client_for(world.smart_eye_user).get(api(world.event.pk, "/organizations")))
    assert {o["code"]: o["contacts"] is not None for o in listed} == {
        "tegnology": False,
        "tsinghua-energy": False,
        "smart-eye": True,
    }


def test_accepting_a_request_opens_the_contact_details(client_for, world: World):
    MeetingRequest.objects.filter(requester=world.smart_eye).update(
        status=MeetingRequest.Status.ACCEPTED
    )
    response = client_for(world.smart_eye_user).get(
        api(world.event.pk, f"/organizations/{world.tsinghua.pk}")
    )
    assert response.json()["contacts"][0]["title"] == "CEO"


def test_a_participant_reads_only_its_own_recommendations(client_for, world: World):
    for participation, partner in (
        (world.smart_eye, world.tegnology),
        (world.tegnology, world.tsinghua),
    ):
        Recommendation.objects.create(
            event=world.event, participation=participation, partner=partner, score=0.5
        )
    client = client_for(world.smart_eye_user)
    seen = items(client.get(api(world.event.pk, "/recommendations")))
    assert [r["organization"] for r in seen] == [world.smart_eye.pk]
    asked = items(
        client.get(api(world.event.pk, f"/recommendations?organization={world.tegnology.pk}"))
    )
    assert asked == []


def test_recommendation_reasons_come_in_the_language_the_client_asks_for(client_for, world: World):
    Recommendation.objects.create(
        event=world.event,
        participation=world.smart_eye,
        partner=world.tegnology,
        score=0.5,
        reasons=[Message("you asked to meet them (accepted)", {}).as_json()],
    )
    client = client_for(world.smart_eye_user)
    url = api(world.event.pk, "/recommendations")
    german = items(client.get(url, HTTP_ACCEPT_LANGUAGE="de"))
    english = items(client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    assert german[0]["reasons"] == ["Sie haben um ein Treffen gebeten (angenommen)"]
    assert english[0]["reasons"] == ["you asked to meet them (accepted)"]


def test_a_viewer_reads_the_published_schedule_and_nothing_private(client_for, world: World):
    client = client_for(world.viewer)
    assert [m["id"] for m in items(client.get(api(world.event.pk, "/meetings")))] == [
        world.published.pk
    ]
    assert items(client.get(api(world.event.pk, "/requests"))) == []
    assert items(client.get(api(world.event.pk, "/agreements"))) == []
    assert client.get(api(world.event.pk, "/report")).status_code == 200


@pytest.mark.parametrize("who", ["viewer", "teg_user"])
def test_viewers_and_participants_change_nothing_of_the_organizers(client_for, world: World, who):
    client = client_for(getattr(world, who))
    attempts = [
        client.post(
            api(world.event.pk, f"/meetings/{world.published.pk}/move"),
            {"session": "day1-pm", "start": "2024-11-18T14:25:00+08:00"},
            content_type="application/json",
        ),
        client.post(api(world.event.pk, "/schedule/publish")),
        client.post(
            api(world.event.pk, "/runs"), {"kind": "schedule"}, content_type="application/json"
        ),
        client.post(
            api(world.event.pk, "/tailor-made"),
            {"first": world.smart_eye.pk, "second": world.tsinghua.pk},
            content_type="application/json",
        ),
        client.get(api(world.event.pk, "/audit")),
        client.get(api(world.event.pk, "/runs")),
    ]
    assert [a.status_code for a in attempts] == [403] * len(attempts)
    assert attempts[0].json()["errors"][0]["message"] == "Only the event's organizers may do this."
    world.draft.refresh_from_db()
    assert not world.draft.published


def test_participants_do_not_read_the_figures_that_count_drafts(client_for, world: World):
    assert client_for(world.teg_user).get(api(world.event.pk, "/report")).status_code == 403


def test_a_participant_reads_only_its_own_agreements(client_for, world: World):
    assert items(client_for(world.smart_eye_user).get(api(world.event.pk, "/agreements"))) == []
    own = items(client_for(world.teg_user).get(api(world.event.pk, "/agreements")))
    assert [a["code"] for a in own] == ["agr-1"]
    assert own[0]["value"] == {"amount": "2000000.5", "currency": "EUR"}
