"""The refusal and not-found pages: the site's own look, why, and a way home; the favicon."""

from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_a_refused_page_says_why_in_the_sites_own_look_and_links_home(client_for, world: World):
    response = client_for(world.teg_user).get(reverse("orga:event", args=[world.event.pk]))
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="skip-link"' in page  # the site shell of base.html
    assert "You may not open this page" in page
    assert "You are signed in as teg." in page
    assert f'href="{reverse("portal:home")}"' in page


def test_a_refused_page_speaks_the_readers_language(client_for, world: World):
    client = client_for(world.teg_user)
    response = client.get(reverse("orga:event", args=[world.event.pk]), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 403
    assert 'lang="de"' in response.content.decode()
    assert "You may not open this page" not in response.content.decode()


def test_an_unknown_address_says_there_is_no_page_and_links_home(client_for, world: World):
    response = client_for(world.organizer).get("/events/999999/<b>nowhere</b>/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="skip-link"' in page
    assert "There is no page at this address" in page
    assert "&lt;b&gt;nowhere&lt;/b&gt;" in page
    assert "<b>nowhere</b>" not in page
    assert f'href="{reverse("portal:home")}"' in page


def test_a_missing_object_answers_the_same_not_found_page(client_for, world: World):
    response = client_for(world.organizer).get(reverse("orga:event", args=[999999]))
    assert response.status_code in (403, 404)
    assert 'class="skip-link"' in response.content.decode()


def test_a_signed_out_visitor_gets_the_same_not_found_page(client, world: World):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "There is no page at this address" in response.content.decode()


def test_every_page_names_the_sites_svg_favicon(client_for, world: World):
    page = client_for(world.organizer).get(reverse("portal:home")).content.decode()
    assert '<link rel="icon" type="image/svg+xml" href="/static/matchfair/favicon.svg">' in page
    found = finders.find("matchfair/favicon.svg")
    assert found
    root = ElementTree.parse(found).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
