"""access.domain.roles: granting and withdrawing the co-organizer and viewer roles, audited."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from matchfair.web.access.domain.roles import GrantedRole, RoleError, grant_role, withdraw_role
from matchfair.web.access.models import EventViewer
from matchfair.web.audit.models import AuditEntry
from tests.web.factories import World, person

SITE = "https://fair.example/"


def test_a_new_address_becomes_a_passwordless_co_organizer_and_is_invited(
    world: World, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grant = grant_role(
            event=world.event,
            email="colleague@example.org",
            role=GrantedRole.ORGANIZER,
            name="Li Wei",
            site_url=SITE,
        )
    assert grant.invited
    assert grant.user.is_staff
    assert not grant.user.has_usable_password()
    assert world.event.organizers.filter(pk=grant.user.pk).exists()
    (message,) = mail.outbox
    assert "https://fair.example/welcome/" in message.body
    assert AuditEntry.objects.filter(action="role.organizer.granted").count() == 1


def test_a_viewer_made_co_organizer_is_no_longer_listed_as_viewer(world: World):
    world.viewer.is_staff = True
    world.viewer.save()
    grant_role(
        event=world.event, email=world.viewer.email, role=GrantedRole.ORGANIZER, site_url=SITE
    )
    assert not EventViewer.objects.filter(event=world.event, user=world.viewer).exists()


def test_a_delegate_account_never_organizes(world: World):
    with pytest.raises(RoleError, match="delegate account"):
        grant_role(
            event=world.event,
            email=world.teg_user.email,
            role=GrantedRole.ORGANIZER,
            site_url=SITE,
        )
    assert not AuditEntry.objects.filter(action="role.organizer.granted").exists()


def test_an_account_without_staff_rights_may_only_view(world: World):
    reader = person("reader")
    with pytest.raises(RoleError, match="not an organizer's account"):
        grant_role(event=world.event, email=reader.email, role=GrantedRole.ORGANIZER, site_url=SITE)
    grant_role(event=world.event, email=reader.email, role=GrantedRole.VIEWER, site_url=SITE)
    assert EventViewer.objects.filter(event=world.event, user=reader).exists()


def test_nobody_withdraws_their_own_role_and_the_last_organizer_stays(world: World):
    with pytest.raises(RoleError, match="your own role"):
        withdraw_role(
            event=world.event, user=world.organizer, role=GrantedRole.ORGANIZER, by=world.organizer
        )
    root = get_user_model().objects.create_superuser("root", "root@example.org")
    with pytest.raises(RoleError, match="at least one organizer"):
        withdraw_role(event=world.event, user=world.organizer, role=GrantedRole.ORGANIZER, by=root)


def test_a_withdrawn_viewer_loses_the_role_and_the_trail_says_so(world: World):
    withdraw_role(event=world.event, user=world.viewer, role=GrantedRole.VIEWER, by=world.organizer)
    assert not EventViewer.objects.filter(event=world.event, user=world.viewer).exists()
    assert AuditEntry.objects.filter(action="role.viewer.withdrawn").count() == 1
