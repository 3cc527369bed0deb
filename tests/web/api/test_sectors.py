"""The API shows NACE sections as code and label in the request's language, and filters by them."""

import pytest

from matchfair.web.directory.models import Opportunity
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_sections_come_with_their_names_in_the_requests_language(client_for, world: World):
    world.tegnology.nace = ["D"]
    world.tegnology.save()
    Opportunity.objects.filter(code="teg-1").update(nace=["C"])
    client = client_for(world.smart_eye_user)
    url = f"/api/events/{world.event.pk}/organizations/{world.tegnology.pk}"
    shown = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert shown["nace"] == [{"code": "D", "label": "电力、燃气、蒸汽和空调供应"}]
    offers = client.get(f"/api/events/{world.event.pk}/opportunities?kind=offer").json()
    assert offers["items"][0]["nace"] == [{"code": "C", "label": "Manufacturing"}]


def test_organizations_are_filtered_by_section_and_by_folded_keyword(client_for, world: World):
    Opportunity.objects.filter(code="teg-1").update(nace=["C"])
    world.smart_eye.sectors = ["machine-vision"]
    world.smart_eye.save()
    client = client_for(world.organizer)
    base = f"/api/events/{world.event.pk}/organizations"
    by_section = client.get(f"{base}?section=c").json()
    assert [o["code"] for o in by_section["items"]] == ["tegnology"]
    by_keyword = client.get(f"{base}?sector=Machine%20Vision").json()
    assert [o["code"] for o in by_keyword["items"]] == ["smart-eye"]
