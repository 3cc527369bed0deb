"""The first participant page, /events/my/ID/, leads to the portal for good; old links still work."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_the_old_page_redirects_permanently_to_the_portal_agenda(client_for, world: World):
    old = f"/events/my/{world.smart_eye.pk}/"
    response = client_for(world.smart_eye_user).get(old)
    assert response.status_code == 301
    assert response["Location"] == reverse("portal:agenda", args=[world.smart_eye.pk])


def test_the_portal_agenda_behind_it_shows_no_organizer_menu(client_for, world: World):
    client = client_for(world.smart_eye_user)
    page = client.get(f"/events/my/{world.smart_eye.pk}/", follow=True)
    assert page.status_code == 200
    assert reverse("orga:schedule", args=[world.event.pk]) not in page.content.decode()


def test_the_old_address_tells_a_stranger_nothing(client_for, world: World):
    assert (
        client_for(world.smart_eye_user).get(f"/events/my/{world.tegnology.pk}/").status_code == 403
    )
    assert Client().get(f"/events/my/{world.tegnology.pk}/").status_code == 302  # to the login


def test_the_home_page_links_to_the_portal_not_to_the_old_address(client_for, world: World):
    page = client_for(world.smart_eye_user).get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("portal:agenda", args=[world.smart_eye.pk])}"' in page
    # The outcomes page lives below the old address (/events/my/ID/outcomes/) and is linked.
    assert re.search(r'href="/events/my/\d+/"', page) is None
