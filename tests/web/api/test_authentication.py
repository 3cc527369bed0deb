"""Tokens for integrators (hashed at rest, revocable) and the browser session with CSRF."""

import pytest
from django.test import Client

from matchfair.web.api.models import ApiToken
from matchfair.web.api.tokens import issue_token
from matchfair.web.audit.models import AuditEntry
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_an_organizer_creates_a_token_that_is_stored_only_as_a_digest(client_for, world: World):
    response = client_for(world.organizer).post(
        "/api/tokens", {"name": "city CRM"}, content_type="application/json"
    )
    assert response.status_code == 201
    plain = response.json()["token"]
    stored = ApiToken.objects.get()
    assert plain.startswith("mf_")
    assert len(plain) > 40
    assert plain not in (stored.digest, stored.prefix)
    assert plain.startswith(stored.prefix)
    listed = Client().get("/api/events", **bearer(plain))
    assert [e["id"] for e in listed.json()["items"]] == [world.event.pk]


def test_a_token_acts_with_its_organizers_roles_only(client, world: World):
    token = issue_token(world.other_organizer, "other").plain
    assert client.get(f"/api/events/{world.event.pk}", **bearer(token)).status_code == 404
    assert client.get(f"/api/events/{world.other_event.pk}", **bearer(token)).status_code == 200


def test_a_revoked_or_wrong_token_is_refused(client_for, client, world: World):
    issued = issue_token(world.organizer, "old")
    revoked = client_for(world.organizer).post(f"/api/tokens/{issued.token.pk}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"]
    assert client.get("/api/events", **bearer(issued.plain)).status_code == 401
    assert client.get("/api/events", **bearer(issued.plain[:-2] + "xx")).status_code == 401
    assert client.get("/api/events", **bearer("not-a-token")).status_code == 401


def test_tokens_are_made_with_a_login_not_with_another_token(client, client_for, world: World):
    token = issue_token(world.organizer, "first").plain
    chained = client.post(
        "/api/tokens", {"name": "second"}, content_type="application/json", **bearer(token)
    )
    assert chained.status_code == 401
    delegate = client_for(world.teg_user).post(
        "/api/tokens", {"name": "mine"}, content_type="application/json"
    )
    assert delegate.status_code == 403
    assert ApiToken.objects.count() == 1


def test_session_writes_need_the_csrf_token(world: World):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.organizer)
    url = f"/api/events/{world.event.pk}/schedule/publish"
    refused = browser.post(url)
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["message"] == "CSRF check Failed"
    browser.get("/login/")
    allowed = browser.post(url, HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert allowed.status_code == 200, allowed.content


def test_token_writes_need_no_csrf_token(world: World):
    token = issue_token(world.organizer, "crm").plain
    response = Client(enforce_csrf_checks=True).post(
        f"/api/events/{world.event.pk}/schedule/publish", **bearer(token)
    )
    assert response.status_code == 200
    assert response.json() == {"published": 1}


def test_tokens_made_and_revoked_through_the_api_are_in_the_audit_trail(client_for, world: World):
    client = client_for(world.organizer)
    made = client.post("/api/tokens", {"name": "city CRM"}, content_type="application/json")
    token_id = made.json()["id"]
    created = AuditEntry.objects.get(event=world.event, action="api-token.created")
    assert created.actor == world.organizer
    assert "city CRM" in created.summary
    assert client.post(f"/api/tokens/{token_id}/revoke").status_code == 200
    assert client.post(f"/api/tokens/{token_id}/revoke").status_code == 200  # twice: one entry
    revoked = AuditEntry.objects.filter(event=world.event, action="api-token.revoked")
    assert [entry.actor for entry in revoked] == [world.organizer]
    assert not AuditEntry.objects.filter(event=world.other_event).exists()
