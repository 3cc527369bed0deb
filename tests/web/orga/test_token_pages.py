"""The organizer's API token page: a token shown once, its last use, revocation, all audited."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matchfair.web.api.models import ApiToken
from matchfair.web.api.tokens import user_of_token
from matchfair.web.audit.models import AuditEntry
from tests.web.factories import World

pytestmark = pytest.mark.django_db

SHOWN = re.compile(r'value="(mf_[^"]+)"')


def test_a_new_token_is_shown_once_and_works(client_for, world: World):
    client = client_for(world.organizer)
    created = client.post(reverse("tokens:tokens"), {"name": "city CRM"})
    assert "no-store" in created["Cache-Control"]
    plain = SHOWN.search(created.content.decode()).group(1)
    assert user_of_token(plain) == world.organizer
    token = ApiToken.objects.get(user=world.organizer)
    assert token.digest != plain
    assert plain not in token.prefix
    listed = client.get(reverse("tokens:tokens")).content.decode()
    assert "city CRM" in listed
    assert plain not in listed
    entry = AuditEntry.objects.get(event=world.event, action="api-token.created")
    assert entry.actor == world.organizer
    assert "city CRM" in entry.summary
    assert not AuditEntry.objects.filter(event=world.other_event).exists()


def test_the_list_shows_when_a_token_was_last_used(client_for, world: World):
    client = client_for(world.organizer)
    client.post(reverse("tokens:tokens"), {"name": "fair registration"})
    token = ApiToken.objects.get(user=world.organizer)
    assert "never" in client.get(reverse("tokens:tokens")).content.decode()
    used = timezone.now().replace(year=2030, month=1, day=2, hour=3, minute=4)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=used)
    listed = client.get(reverse("tokens:tokens")).content.decode()
    # In the reader's language through Babel, in the page's zone, which the page names.
    assert "2 Jan 2030 03:04" in listed
    assert "Times are in UTC." in listed


def test_a_revoked_token_stops_working_and_the_revocation_is_audited(client_for, world: World):
    client = client_for(world.organizer)
    plain = SHOWN.search(
        client.post(reverse("tokens:tokens"), {"name": "CRM"}).content.decode()
    ).group(1)
    token = ApiToken.objects.get(user=world.organizer)
    assert client.post(reverse("tokens:revoke", args=[token.pk])).status_code == 302
    assert user_of_token(plain) is None
    client.post(reverse("tokens:revoke", args=[token.pk]))  # twice: still one entry
    assert AuditEntry.objects.filter(event=world.event, action="api-token.revoked").count() == 1


def test_nobody_revokes_or_lists_another_persons_token(client_for, world: World):
    plain = SHOWN.search(
        client_for(world.organizer)
        .post(reverse("tokens:tokens"), {"name": "integration-42"})
        .content.decode()
    ).group(1)
    token = ApiToken.objects.get(user=world.organizer)
    other = client_for(world.other_organizer)
    assert other.post(reverse("tokens:revoke", args=[token.pk])).status_code == 404
    assert "integration-42" not in other.get(reverse("tokens:tokens")).content.decode()
    assert user_of_token(plain) == world.organizer


def test_participants_and_viewers_have_no_token_page(client_for, world: World):
    for user in (world.smart_eye_user, world.viewer):
        client = client_for(user)
        assert client.get(reverse("tokens:tokens")).status_code == 403
        assert client.post(reverse("tokens:tokens"), {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_creating_a_token_needs_the_csrf_token(world: World):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.organizer)
    assert client.post(reverse("tokens:tokens"), {"name": "CRM"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_a_token_name_is_escaped(client_for, world: World):
    client = client_for(world.organizer)
    page = client.post(reverse("tokens:tokens"), {"name": "<img src=x onerror=alert(1)>"})
    text = page.content.decode()
    assert "<img src=x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_only_organizers_accounts_see_the_link_to_their_tokens(client_for, world: World):
    organizer_page = client_for(world.organizer).get(reverse("portal:home")).content.decode()
    assert reverse("tokens:tokens") in organizer_page
    delegate_page = client_for(world.smart_eye_user).get(reverse("portal:home")).content.decode()
    assert reverse("tokens:tokens") not in delegate_page
