"""The API's interpreters: the pages' rules and words, 422 for a bad value, 409 for what
the event's rows forbid, 404 for another event's, 403 for anyone but an organizer."""

import pytest

from matchfair.web.events.models import Interpreter
from matchfair.web.meetings.models import Meeting
from tests.web.factories import World

pytestmark = pytest.mark.django_db
DAY2 = [{"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T10:00:00+08:00"}]


def base(world: World) -> str:
    return f"/api/events/{world.event.pk}/interpreters"


def one(world: World) -> str:
    interpreter = Interpreter.objects.get(event=world.event, code="interp-1")
    return f"{base(world)}/{interpreter.pk}"


def fields_of(response) -> set[str | None]:
    return {error["field"] for error in response.json()["errors"]}


def test_an_organizer_lists_adds_changes_and_deletes(client_for, world: World):
    client = client_for(world.organizer)
    listed = client.get(base(world)).json()
    assert [(i["code"], i["published_meetings"]) for i in listed] == [("interp-1", 1)]
    created = client.post(
        base(world),
        {"code": "da-zh", "languages": ["da", "zh"], "availability": DAY2},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["availability"] == DAY2
    url = f"{base(world)}/{created.json()['id']}"
    changed = client.patch(url, {"languages": ["da", "zh", "en"]}, content_type="application/json")
    assert changed.status_code == 200
    assert changed.json()["languages"] == ["da", "zh", "en"]
    assert changed.json()["availability"] == DAY2
    assert client.delete(url).status_code == 204
    assert not Interpreter.objects.filter(code="da-zh").exists()


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"code": "x", "languages": ["zh", "dk"]}, 422, "languages"),
        ({"code": "x", "languages": ["zh"]}, 422, "languages"),
        (
            {
                "code": "x",
                "languages": ["zh", "en"],
                "availability": [
                    {"start": "2024-11-20T09:00:00+08:00", "end": "2024-11-20T10:00:00+08:00"}
                ],
            },
            422,
            "availability",
        ),
        ({"code": "interp-1", "languages": ["zh", "en"]}, 409, "code"),
    ],
)
def test_a_refused_interpreter_names_the_field(client_for, world: World, body, status, field):
    response = client_for(world.organizer).post(base(world), body, content_type="application/json")
    assert response.status_code == status, response.content
    assert fields_of(response) == {field}


def test_published_meetings_make_changes_and_deletion_409(client_for, world: World):
    client = client_for(world.organizer)
    changed = client.patch(one(world), {"languages": ["de", "fr"]}, content_type="application/json")
    assert changed.status_code == 409
    assert fields_of(changed) == {"languages"}
    deleted = client.delete(one(world))
    assert deleted.status_code == 409
    assert "TEGnology – 清华四川能源互联网研究院" in deleted.json()["errors"][0]["message"]
    Meeting.objects.filter(pk=world.published.pk).update(published=False)
    assert client.delete(one(world)).status_code == 204
    assert Meeting.objects.get(pk=world.published.pk).interpreter is None


def test_other_events_are_404_and_other_roles_403(client_for, world: World):
    other = Interpreter.objects.get(event=world.other_event)
    assert client_for(world.organizer).get(f"{base(world)}/{other.pk}").status_code == 404
    assert client_for(world.other_organizer).get(base(world)).status_code in (403, 404)
    for user in (world.teg_user, world.viewer):
        assert client_for(user).get(base(world)).status_code == 403
        response = client_for(user).post(
            base(world), {"code": "y", "languages": ["zh", "en"]}, content_type="application/json"
        )
        assert response.status_code == 403
