"""The schedule's organization picker works under the Content-Security-Policy (no inline handler)."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests.web.factories import World, build_world

pytestmark = pytest.mark.django_db

INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_the_picker_submits_through_a_script_file_the_policy_allows(db):
    world: World = build_world()
    client = Client()
    client.force_login(world.organizer)
    response = client.get(reverse("orga:schedule", args=[world.event.pk]), {"view": "organization"})
    page = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert not INLINE_HANDLER.search(page)
    assert '<select name="organization" data-submit-on-change>' in page
    assert '<script src="/static/matchfair/submit-on-change.js" defer>' in page
    script = finders.find("matchfair/submit-on-change.js")
    assert "data-submit-on-change" in Path(script).read_text(encoding="utf-8")
