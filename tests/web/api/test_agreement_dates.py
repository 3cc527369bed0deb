"""Agreement dates through the API: refused with 422 naming the field ``date``."""

import pytest

from matchfair.web.outcomes.models import Agreement
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def post(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def test_the_year_9999_is_refused(client_for, world: World):
    response = post(
        client_for(world.organizer),
        f"/api/events/{world.event.pk}/agreements",
        {
            "code": "agr-9999",
            "type": "investment",
            "title": "Battery plant",
            "date": "9999-12-31",
            "parties": [world.smart_eye.pk, world.tsinghua.pk],
        },
    )
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "date"
    assert error["message"].startswith("The agreement date 9999-12-31 is outside 1990-01-01 to ")
    assert not Agreement.objects.filter(code="agr-9999").exists()


def test_implemented_before_signed_is_refused(client_for, world: World):
    client = client_for(world.organizer)
    agreement = Agreement.objects.get(event=world.event, code="agr-1")
    url = f"/api/events/{world.event.pk}/agreements/{agreement.pk}/status"
    assert agreement.date.isoformat() == "2024-11-18"
    assert post(client, url, {"status": "signed", "date": "2025-03-02"}).status_code == 200
    earlier = "2025-01-05"
    response = post(client, url, {"status": "implemented", "date": earlier})
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "date"
    assert error["message"].startswith("The date 2025-01-05 is before 2025-03-02")
    agreement.refresh_from_db()
    assert agreement.status == "signed"
