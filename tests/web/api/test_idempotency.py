"""A write retried with the same Idempotency-Key is done once and answered the same."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from matchfair.web.api.idempotency import KEPT_FOR, STALE_AFTER
from matchfair.web.api.models import ApiToken, IdempotentRequest
from matchfair.web.api.tokens import issue_token
from matchfair.web.meetings.models import MeetingRequest
from tests.web.factories import World

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


def test_a_new_token_is_never_kept_nor_replayed(world: World):
    """The answer to POST /api/tokens holds the token: it is not stored, so no replay shows it."""
    browser = Client()
    browser.force_login(world.organizer)
    cookie = browser.cookies["sessionid"].value
    headers = {"HTTP_IDEMPOTENCY_KEY": "token-1"}
    made = browser.post("/api/tokens", {"name": "crm"}, content_type="application/json", **headers)
    plain = made.json()["token"]
    assert made.status_code == 201
    assert "no-store" in made["Cache-Control"]
    record = IdempotentRequest.objects.get()
    assert plain not in record.content
    again = browser.post("/api/tokens", {"name": "crm"}, content_type="application/json", **headers)
    assert again.status_code == 409
    assert plain not in again.content.decode()
    assert "secret" in again.json()["errors"][0]["message"]
    assert ApiToken.objects.count() == 1
    # The same session cookie after logging out is nobody: no replay, no token.
    browser.logout()
    stranger = Client()
    stranger.cookies["sessionid"] = cookie
    replayed = stranger.post(
        "/api/tokens", {"name": "crm"}, content_type="application/json", **headers
    )
    assert replayed.status_code == 401
    assert plain not in replayed.content.decode()


def test_a_key_answers_only_the_principal_that_sent_it(world: World):
    """Scoped to the logged-in user, not to the raw cookie: a logged-out cookie gets nothing."""
    browser = Client()
    browser.force_login(world.organizer)
    cookie = browser.cookies["sessionid"].value
    url = f"/api/events/{world.event.pk}/tailor-made"
    body = {"first": world.smart_eye.pk, "second": world.tegnology.pk}
    headers = {"HTTP_IDEMPOTENCY_KEY": "scoped"}
    first = browser.post(url, body, content_type="application/json", **headers)
    assert first.status_code == 201
    browser.logout()
    stranger = Client()
    stranger.cookies["sessionid"] = cookie
    replayed = stranger.post(url, body, content_type="application/json", **headers)
    assert replayed.status_code == 401
    assert "Idempotent-Replayed" not in replayed
    # The same person in a new login is the same principal: the answer comes back.
    back = Client()
    back.force_login(world.organizer)
    same = back.post(url, body, content_type="application/json", **headers)
    assert same["Idempotent-Replayed"] == "true"
    assert same.json() == first.json()


def test_a_key_left_running_by_a_dead_process_is_taken_over(client, world: World):
    """A server killed mid-request left the key "running": after STALE_AFTER a retry runs."""
    token = issue_token(world.organizer, "crm").plain
    before = MeetingRequest.objects.count()
    send(client, world, token, "killed", world.tegnology)
    # What a server killed mid-request leaves: the key running, its write rolled back.
    MeetingRequest.objects.filter(requester=world.smart_eye, recipient=world.tegnology).delete()
    IdempotentRequest.objects.update(status=0, content="", content_type="")
    running = send(client, world, token, "killed", world.tegnology)
    assert running.status_code == 409
    assert "still running" in running.json()["errors"][0]["message"]
    dead_since = timezone.now() - STALE_AFTER - timedelta(seconds=1)
    IdempotentRequest.objects.update(started_at=dead_since)
    retried = send(client, world, token, "killed", world.tegnology)
    assert retried.status_code == 201
    assert IdempotentRequest.objects.get().status == 201
    assert MeetingRequest.objects.count() == before + 1
    again = send(client, world, token, "killed", world.tegnology)
    assert again["Idempotent-Replayed"] == "true"
    assert MeetingRequest.objects.count() == before + 1


def test_records_expire_after_a_day(client, world: World):
    token = issue_token(world.organizer, "crm").plain
    before = MeetingRequest.objects.count()
    send(client, world, token, "old", world.tegnology)
    day_ago = timezone.now() - KEPT_FOR - timedelta(seconds=1)
    IdempotentRequest.objects.update(created_at=day_ago, started_at=day_ago)
    other = send(client, world, token, "other-key", world.tsinghua)
    assert other.status_code == 201
    assert list(IdempotentRequest.objects.values_list("created_at", flat=True)) != [day_ago]
    assert IdempotentRequest.objects.count() == 1
    again = send(client, world, token, "old", world.tegnology)
    assert "Idempotent-Replayed" not in again
    assert MeetingRequest.objects.count() == before + 3
