"""A write retried with the same Idempotency-Key is done once and answered the same."""

import pytest

from matchfair.web.api.tokens import issue_token
from matchfair.web.meetings.models import MeetingRequest
from tests.web_api.world import World

pytestmark = pytest.mark.django_db


def send(client, world: World, token: str, key: str | None, second) -> object:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post(
        f"/api/events/{world.event.pk}/tailor-made",
        {"first": world.smart_eye.pk, "second": second.pk},
        content_type="application/json",
        **headers,
    )


def test_a_retried_write_is_done_once(client, world: World):
    token = issue_token(world.organizer, "crm").plain
    before = MeetingRequest.objects.count()
    first = send(client, world, token, "retry-1", world.tegnology)
    again = send(client, world, token, "retry-1", world.tegnology)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert MeetingRequest.objects.count() == before + 1


def test_a_key_reused_for_another_request_is_refused(client, world: World):
    token = issue_token(world.organizer, "crm").plain
    send(client, world, token, "retry-2", world.tegnology)
    other = send(client, world, token, "retry-2", world.tsinghua)
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "header.Idempotency-Key"


def test_keys_belong_to_their_caller_and_writes_without_a_key_are_not_kept(client, world: World):
    mine = issue_token(world.organizer, "crm").plain
    theirs = issue_token(world.organizer, "other system").plain
    before = MeetingRequest.objects.count()
    send(client, world, mine, "same-key", world.tegnology)
    send(client, world, theirs, "same-key", world.tegnology)
    send(client, world, mine, None, world.tegnology)
    send(client, world, mine, None, world.tegnology)
    assert MeetingRequest.objects.count() == before + 4
