"""Organizer lists that grow with the event come a page at a time, and the links keep the filters.

The event has 130 more organizations, each with a tailor-made request every other
one, 130 published online meetings in the first slot, agreements, runs and audit entries:
more than two pages of every list.
"""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from matchfair.core import parse_event
from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Session
from matchfair.web.exchange.to_database import import_event
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.models import Agreement
from tests.web.documents import full_event_data

pytestmark = pytest.mark.django_db

MORE = 130


@pytest.fixture
def crowded(organizer) -> Event:
    data = full_event_data()
    codes = [f"org-{n:03}" for n in range(MORE)]
    data["organizations"] += [
        {"id": code, "name": f"Organization {code}", "country": "DE", "attendance": "online"}
        for code in codes
    ]
    data["meeting_requests"] += [
        {"from": code, "to": "smart-eye", "status": "accepted", "mandatory": n % 2 == 0}
        for n, code in enumerate(codes)
    ]
    event = import_event(parse_event(data, "crowded.json"), organizers=[organizer])
    by_code = {p.code: p for p in Participation.objects.filter(event=event)}
    session = Session.objects.get(event=event, code="day1-pm")
    Meeting.objects.bulk_create(
        Meeting(
            event=event,
            a=by_code[codes[n]],
            b=by_code[codes[(n + 1) % MORE]],
            session=session,
            start=session.start,
            end=session.start + timedelta(minutes=20),
            online=True,
            published=True,
            position=n,
        )
        for n in range(MORE)
    )
    Agreement.objects.bulk_create(
        Agreement(
            event=event,
            code=f"agr-{n:03}",
            type="other",
            status="intention",
            title=f"Agreement {n:03}",
            date=date(2024, 11, 18),
            position=n + 10,
        )
        for n in range(MORE)
    )
    Job.objects.bulk_create(Job(event=event, kind=Job.Kind.SCHEDULE) for _ in range(MORE))
    AuditEntry.objects.bulk_create(
        AuditEntry(event=event, action="meeting.moved", subject=f"meeting:{n}", summary=f"#{n}")
        for n in range(MORE * 2)
    )
    return event


def _rows(page: str) -> int:
    body = page.split("<tbody>", 1)[1] if "<tbody>" in page else page
    return body.count("<tr>")


def _links(page: str) -> list[str]:
    return re.findall(r'<a href="(\?[^"]*page=\d+)">', page)


@pytest.mark.parametrize(
    ("name", "query", "shown"),
    [
        ("orga:organizations", "", 50),
        ("orga:meeting_requests", "", 50),
        ("orga:agreements", "", 50),
        ("orga:meeting_outcomes", "", 50),
        ("orga:cooperation_projects", "", 0),
        ("orga:jobs", "", 50),
        ("orga:audit_trail", "", 100),
        ("orga:schedule", "view=slot", 100),
        ("orga:schedule", "view=table&table=online", 100),
        ("orga:schedule", "view=organization", 100),
    ],
)
def test_the_first_page_shows_a_bounded_number(organizer_client, crowded, name, query, shown):
    url = reverse(name, args=[crowded.pk])
    response = organizer_client.get(f"{url}?{query}")
    assert response.status_code == 200
    assert len(response.context["page"]) == shown


def test_the_page_links_keep_the_filter_and_reach_the_last_page(organizer_client, crowded):
    url = reverse("orga:meeting_requests", args=[crowded.pk])
    first = organizer_client.get(f"{url}?mandatory=1").content.decode()
    assert _links(first) == ["?mandatory=1&amp;page=2"]
    second = organizer_client.get(f"{url}?mandatory=1&page=2")
    assert second.context["page"].number == 2
    assert all(request.mandatory for request in second.context["page"])
    assert _links(second.content.decode()) == ["?mandatory=1&amp;page=1"]
    total = sum(
        len(organizer_client.get(f"{url}?mandatory=1&page={n}").context["page"]) for n in (1, 2)
    )
    assert total == MORE // 2 + 1  # with the file's own tailor-made request


def test_the_organization_chooser_searches_and_pages(organizer_client, crowded):
    url = reverse("orga:schedule", args=[crowded.pk])
    response = organizer_client.get(f"{url}?view=organization&q=org-12")
    names = [p.organization.name for p in response.context["page"]]
    assert names == [f"Organization org-{n}" for n in range(120, 130)]
    chosen = Participation.objects.get(event=crowded, code="org-120")
    shown = organizer_client.get(f"{url}?view=organization&q=org-12&organization={chosen.pk}")
    assert [(m.a.code, m.b.code) for m in shown.context["meetings"]] == [
        ("org-119", "org-120"),
        ("org-120", "org-121"),
    ]


def test_the_audit_trail_pages_through_every_line(organizer_client, crowded):
    url = reverse("orga:audit_trail", args=[crowded.pk])
    pages = [organizer_client.get(f"{url}?page={n}").context["page"] for n in (1, 2, 3)]
    assert [len(page) for page in pages] == [100, 100, 60]
    summaries = [line.summary for page in pages for line in page]
    assert len(set(summaries)) == MORE * 2
