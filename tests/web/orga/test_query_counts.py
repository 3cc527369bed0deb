"""List pages run a fixed number of queries, however many rows they show (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matchfair.core import Event as CoreEvent
from matchfair.core import parse_event
from matchfair.web.exchange.to_database import import_event
from tests.web.documents import full_event_data
from tests.web.factories import make_user

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    ("orga:organizations", {}),
    ("orga:meeting_requests", {}),
    ("orga:schedule", {"view": "slot"}),
    ("orga:schedule", {"view": "table", "table": "table-1"}),
    ("orga:schedule", {"view": "organization"}),
    ("orga:jobs", {}),
    ("orga:audit_trail", {}),
    ("portal:home", None),
]


def event_with(size: int) -> CoreEvent:
    """The test event with ``size`` extra organizations, each requesting and meeting one."""
    data = full_event_data()
    start = "2024-11-18T14:00:00+08:00"  # the slot and table the pages show first
    for number in range(size):
        code = f"extra-{number}"
        data["organizations"].append({"id": code, "name": f"Extra {number}", "delegates": 3})
        data["meeting_requests"].append({"from": code, "to": "tsinghua-energy"})
        data["meetings"].append(
            {
                "a": code,
                "b": "smart-eye",
                "session": "day1-pm",
                "start": start,
                "end": "2024-11-18T14:45:00+08:00",
                "location": f"table-{number + 1}",
            }
        )
    data["event"]["tables"] = None
    data["organizations"][2]["delegates"] = size + 1
    return parse_event(data)


def _queries(client, name: str, query: dict | None, event) -> int:
    url = reverse(name) if query is None else reverse(name, args=[event.pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query or {})
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "query"), LIST_PAGES)
def test_list_pages_do_not_query_per_row(client, name, query):
    organizer = make_user("organizer", staff=True)
    client.force_login(organizer)
    small = import_event(event_with(1), organizers=[organizer])
    large = import_event(event_with(3), organizers=[organizer])
    assert _queries(client, name, query, small) == _queries(client, name, query, large)
