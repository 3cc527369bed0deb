"""The organizer's list of the event's opportunities: filters, pages, links, languages.

The world's event has TEGnology's English offer (technology, sector energy; the company
speaks English and Danish) and Tsinghua's Chinese request (research; the institute's
profile names energy and photovoltaics).
"""

import re

import pytest
from django.urls import reverse

from matchfair.web.directory.models import Opportunity
from tests.web.factories import World

pytestmark = pytest.mark.django_db

OFFER = "Thermoelectric waste-heat recovery"
REQUEST = "光伏储能联合研发"


def _page(client, world: World, reader: str = "en", **filters: str) -> str:
    response = client.get(
        reverse("orga:opportunities", args=[world.event.pk]), filters, HTTP_ACCEPT_LANGUAGE=reader
    )
    assert response.status_code == 200
    return response.content.decode()


def test_every_opportunity_is_listed_and_links_to_its_organization(client_for, world: World):
    html = _page(client_for(world.organizer), world)
    assert OFFER in html
    assert REQUEST in html
    for participation in (world.tegnology, world.tsinghua):
        edit = reverse("orga:edit_organization", args=[world.event.pk, participation.pk])
        assert f'href="{edit}"' in html


@pytest.mark.parametrize(
    ("filters", "shown", "hidden"),
    [
        ({"kind": "offer"}, OFFER, REQUEST),
        ({"kind": "request"}, REQUEST, OFFER),
        ({"type": "research"}, REQUEST, OFFER),
        ({"language": "zh"}, REQUEST, OFFER),
        ({"language": "en"}, OFFER, REQUEST),
        # Written in English, but TEGnology speaks Danish: its offer is found.
        ({"language": "da"}, OFFER, REQUEST),
        # The request names no sector; the institute's profile does.
        ({"sector": "photovoltaics"}, REQUEST, OFFER),
        ({"sector": "energy", "kind": "offer"}, OFFER, REQUEST),
    ],
)
def test_filters_keep_only_the_matching_opportunities(
    client_for, world: World, filters: dict[str, str], shown: str, hidden: str
):
    html = _page(client_for(world.organizer), world, **filters)
    assert shown in html
    assert hidden not in html


def test_a_filter_that_finds_nothing_says_so(client_for, world: World):
    html = _page(client_for(world.organizer), world, language="fr")
    assert "No opportunity matches these filters." in html


def test_the_language_filter_offers_the_events_languages_by_name(client_for, world: World):
    html = _page(client_for(world.organizer), world)
    offered = dict(re.findall(r'<option value="([a-z]{2})"[^>]*>([^<]+)</option>', html))
    assert offered["zh"] == "Chinese"
    assert offered["da"] == "Danish"
    assert offered["en"] == "English"


def test_the_list_comes_a_page_at_a_time_and_the_links_keep_the_filters(client_for, world: World):
    Opportunity.objects.bulk_create(
        Opportunity(
            event=world.event,
            participation=world.smart_eye,
            code=f"extra-{n:03}",
            kind="offer",
            type="services",
            title=f"Eye-tracking service number {n:03}",
        )
        for n in range(60)
    )
    client = client_for(world.organizer)
    first = _page(client, world, kind="offer")
    assert "61 opportunities" in first
    assert "kind=offer&amp;page=2" in first
    second = _page(client, world, kind="offer", page="2")
    assert "page 2 of 2" in second
    assert REQUEST not in second


@pytest.mark.parametrize(
    ("reader", "heading", "chinese"),
    [("zh-hans", "合作机会", "中文"), ("de", "Kooperationsmöglichkeiten", "Chinesisch")],
)
def test_the_page_reads_in_the_organizers_language(
    client_for, world: World, reader: str, heading: str, chinese: str
):
    html = _page(client_for(world.organizer), world, reader)
    assert f"<h1>{heading}</h1>" in html
    assert chinese in html


def test_participants_and_viewers_may_not_open_it(client_for, world: World):
    path = reverse("orga:opportunities", args=[world.event.pk])
    assert client_for(world.teg_user).get(path).status_code == 403
    assert client_for(world.viewer).get(path).status_code == 403


def test_the_event_navigation_links_to_it(client_for, world: World):
    html = client_for(world.organizer).get(reverse("orga:event", args=[world.event.pk]))
    assert reverse("orga:opportunities", args=[world.event.pk]) in html.content.decode()


def test_an_edited_text_is_filtered_by_its_new_language(client_for, world: World):
    client = client_for(world.organizer)
    assert OFFER not in _page(client, world, language="zh")
    offer = Opportunity.objects.get(event=world.event, code="teg-1")
    offer.title = "热电废热回收模块"
    offer.description = "用于工业废热发电的热电模块"
    offer.save()
    assert "热电废热回收模块" in _page(client, world, language="zh")


def test_the_section_filter_finds_an_opportunity_by_its_own_or_its_profiles_section_by_name(
    client_for, world: World
):
    Opportunity.objects.filter(title=OFFER).update(nace=["D"])
    world.tsinghua.nace = ["M"]
    world.tsinghua.save(update_fields=["nace"])
    client = client_for(world.organizer)
    html = _page(client, world, section="D")
    assert OFFER in html
    assert REQUEST not in html
    html = _page(client, world, section="M")
    assert REQUEST in html
    assert OFFER not in html
    chinese = _page(client, world, reader="zh-hans")
    assert "D · 电力、燃气、蒸汽和空调供应" in chinese
    assert "M · 专业、科学和技术活动" in chinese
