"""An event's people and roles: viewers and co-organizers granted by e-mail, withdrawn, audited."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse

from matchfair.web.access.models import EventViewer
from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.rules import Role, event_access
from tests.web.factories import World, person

pytestmark = pytest.mark.django_db


def grant(client: Client, world: World, **values):
    return client.post(reverse("orga:event_people", args=[world.event.pk]), values)


def test_an_existing_account_becomes_a_viewer_by_its_address(client_for, world: World):
    sponsor = person("sponsor")
    sponsor.set_password("a-long-test-password")
    sponsor.save()
    response = grant(client_for(world.organizer), world, email="SPONSOR@example.org", role="viewer")
    assert response.status_code == 302
    assert event_access(sponsor, world.event).role == Role.VIEWER
    assert mail.outbox == []  # it has a password: nothing to invite to
    entry = AuditEntry.objects.get(event=world.event, action="role.viewer.granted")
    assert entry.actor == world.organizer
    assert "sponsor@example.org" in entry.summary


def test_an_unknown_address_gets_an_account_and_an_invitation(client_for, world: World):
    with TestCase.captureOnCommitCallbacks(execute=True):
        grant(
            client_for(world.organizer),
            world,
            email="city@example.org",
            role="viewer",
            name="Chengdu Office",
        )
    user = get_user_model().objects.get(email="city@example.org")
    assert not user.has_usable_password()
    assert not user.is_staff
    assert EventViewer.objects.filter(event=world.event, user=user).exists()
    (message,) = mail.outbox
    assert message.to == ["city@example.org"]
    assert "/welcome/" in message.body
    assert "http://testserver/api/docs" in message.body


def test_an_invited_co_organizer_gets_an_organizers_account(client_for, world: World):
    with TestCase.captureOnCommitCallbacks(execute=True):
        grant(client_for(world.organizer), world, email="colleague@example.org", role="organizer")
    colleague = get_user_model().objects.get(email="colleague@example.org")
    assert colleague.is_staff
    assert event_access(colleague, world.event).role == Role.ORGANIZER
    assert event_access(colleague, world.other_event) is None
    assert len(mail.outbox) == 1


def test_accounts_that_cannot_organize_are_refused_with_the_reason(client_for, world: World):
    client = client_for(world.organizer)
    page = grant(client, world, email="viewer@example.org", role="organizer").content.decode()
    assert "is not an organizer&#x27;s account" in page
    page = grant(client, world, email="smarteye@example.org", role="organizer").content.decode()
    assert "is a participant&#x27;s delegate account" in page
    assert list(world.event.organizers.all()) == [world.organizer]
    assert not AuditEntry.objects.filter(action__startswith="role.").exists()


def test_a_viewer_made_co_organizer_is_listed_once(client_for, world: World):
    world.viewer.is_staff = True
    world.viewer.save()
    grant(client_for(world.organizer), world, email="viewer@example.org", role="organizer")
    assert world.event.organizers.filter(pk=world.viewer.pk).exists()
    assert not EventViewer.objects.filter(event=world.event, user=world.viewer).exists()


def test_roles_are_withdrawn_but_never_ones_own(client_for, world: World):
    colleague = person("colleague", staff=True)
    world.event.organizers.add(colleague)
    client = client_for(world.organizer)
    url = reverse("orga:withdraw_role", args=[world.event.pk, world.viewer.pk])
    assert client.post(url, {"role": "viewer"}).status_code == 302
    assert event_access(world.viewer, world.event) is None
    own = reverse("orga:withdraw_role", args=[world.event.pk, world.organizer.pk])
    client.post(own, {"role": "organizer"})
    assert world.event.organizers.filter(pk=world.organizer.pk).exists()
    client.post(
        reverse("orga:withdraw_role", args=[world.event.pk, colleague.pk]), {"role": "organizer"}
    )
    assert not world.event.organizers.filter(pk=colleague.pk).exists()
    actions = list(AuditEntry.objects.filter(event=world.event).values_list("action", flat=True))
    assert sorted(actions) == ["role.organizer.withdrawn", "role.viewer.withdrawn"]


def test_another_events_organizer_can_neither_read_nor_change_the_roles(client_for, world: World):
    client = client_for(world.other_organizer)
    assert client.get(reverse("orga:event_people", args=[world.event.pk])).status_code == 403
    assert (
        grant(client, world, email="other-organizer@example.org", role="organizer").status_code
        == 403
    )
    url = reverse("orga:withdraw_role", args=[world.event.pk, world.viewer.pk])
    assert client.post(url, {"role": "viewer"}).status_code == 403
    # Through their own event's address, this event's viewer is nobody there.
    own = reverse("orga:withdraw_role", args=[world.other_event.pk, world.viewer.pk])
    assert client.post(own, {"role": "viewer"}).status_code == 404
    assert list(world.event.organizers.all()) == [world.organizer]
    assert EventViewer.objects.filter(event=world.event, user=world.viewer).exists()


def test_viewers_and_participants_cannot_give_themselves_roles(client_for, world: World):
    for user in (world.viewer, world.smart_eye_user):
        client = client_for(user)
        assert grant(client, world, email=user.email, role="organizer").status_code == 403
    assert list(world.event.organizers.all()) == [world.organizer]


def test_granting_needs_the_csrf_token(world: World):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.organizer)
    assert grant(client, world, email="x@example.org", role="viewer").status_code == 403
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_names_on_the_people_page_are_escaped(client_for, world: World):
    world.viewer.first_name = "<script>alert(1)</script>"
    world.viewer.save()
    page = client_for(world.organizer).get(reverse("orga:event_people", args=[world.event.pk]))
    text = page.content.decode()
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_the_event_menu_leads_to_people_and_roles(client_for, world: World):
    page = client_for(world.organizer).get(reverse("orga:event", args=[world.event.pk]))
    assert reverse("orga:event_people", args=[world.event.pk]) in page.content.decode()
