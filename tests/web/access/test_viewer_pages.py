"""A viewer's read-only pages: what they read, and every way around the rules tried."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import slot_key
from matchfair.web.notify.dates import day_and_clock
from tests.web.factories import World
from tests.web.pages import html_pages, ids

pytestmark = pytest.mark.django_db

REFUSED = {302, 403, 404, 405}
READ_PAGES = (
    "orga:event",
    "orga:programme",
    "orga:organizations",
    "orga:schedule",
    "reports:event_report",
)
# Links to changes that an organizer's read pages carry and a viewer's must not.
WRITE_LINKS = (
    "orga:event_settings",
    "orga:invite",
    "orga:spreadsheet_upload",
    "orga:publish",
    "orga:start_job",
    "orga:jobs",
    "orga:meeting_requests",
    "orga:event_people",
    "orga:audit_trail",
    "orga:meeting_outcomes",
    "orga:exchange_rates",
)
CONTACTS = ("teg@example.org", "tsinghua@example.org", "smarteye@example.org")


def read_page(client: Client, name: str, event: Event, query: str = "") -> str:
    response = client.get(reverse(name, args=[event.pk]) + query)
    assert response.status_code == 200, name
    return response.content.decode()


def schedule_views(world: World) -> list[str]:
    """Every view of the schedule, the draft's own slot and organization included."""
    session = Session.objects.get(pk=world.draft.session_id)
    slots = (world.draft.start - session.start) // timedelta(
        minutes=session.slot_minutes + session.gap_minutes
    )
    return [
        "",
        f"?view=slot&slot={slot_key(session, slots)}",
        "?view=table",
        "?view=table&table=online",
        f"?view=organization&organization={world.smart_eye.pk}",
        f"?view=organization&organization={world.tegnology.pk}",
    ]


def test_a_viewers_home_page_lists_the_events_they_view_and_no_other(client_for, world: World):
    page = client_for(world.viewer).get(reverse("portal:home")).content.decode()
    assert reverse("orga:event", args=[world.event.pk]) in page
    assert reverse("orga:event", args=[world.other_event.pk]) not in page
    assert "not part of any event" not in page


def test_a_viewer_reads_each_page_without_a_form_or_a_link_to_a_change(client_for, world: World):
    client = client_for(world.viewer)
    shown = ""
    for name in READ_PAGES:
        shown += read_page(client, name, world.event)
    for query in schedule_views(world):
        shown += read_page(client, "orga:schedule", world.event, query)
    report = client.get(reverse("reports:event_report_file", args=[world.event.pk, "en", "html"]))
    assert report.status_code == 200
    for name in WRITE_LINKS:
        assert f'href="{reverse(name, args=[world.event.pk])}"' not in shown, name
    for fragment in ("/edit/", "/move/", "/programme/sessions/", "/programme/items/"):
        assert fragment not in shown
    assert 'name="add_session"' not in shown
    assert 'name="add_item"' not in shown
    assert "draft" not in shown.lower()


def test_a_viewer_sees_the_published_meeting_and_never_the_draft(client_for, world: World):
    client = client_for(world.viewer)
    pages = [read_page(client, "orga:schedule", world.event, q) for q in schedule_views(world)]
    assert all("No meetings here." in page for page in pages[1::3])  # draft's slot, Smart Eye
    start = timezone.localtime(world.draft.start, ZoneInfo(world.event.timezone))
    with timezone.override(ZoneInfo(world.event.timezone)), translation.override("en"):
        draft_row = "<td>" + day_and_clock(world.draft.start) + "–"
    assert draft_row not in "".join(pages)
    assert start.strftime("%H:%M") + " (0)</a>" in pages[1]  # its slot counts no meeting
    assert world.published.a.organization.name in pages[5]
    organizer = client_for(world.organizer)
    assert draft_row in read_page(organizer, "orga:schedule", world.event, schedule_views(world)[4])


def test_a_viewer_reads_no_contact_details(client_for, world: World):
    client = client_for(world.viewer)
    shown = "".join(read_page(client, name, world.event) for name in READ_PAGES)
    for address in CONTACTS:
        assert address not in shown


def test_a_viewer_reaches_no_page_of_another_event(client_for, world: World):
    client = client_for(world.viewer)
    pages = [p for p in html_pages(ids(world, world.smart_eye)) if "event_id" in p.kwargs]
    other = [p.path.replace(f"/{world.event.pk}/", f"/{world.other_event.pk}/") for p in pages]
    reached = {path: client.get(path).status_code for path in other}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}
    api = client.get(f"/api/events/{world.other_event.pk}/meetings")
    assert api.status_code == 404


def test_a_viewer_reaches_no_other_page_of_the_event_and_posts_nowhere(client_for, world: World):
    client = client_for(world.viewer)
    pages = [p for p in html_pages(ids(world, world.smart_eye)) if "event_id" in p.kwargs]
    readable = {reverse(name, args=[world.event.pk]) for name in READ_PAGES}
    others = {p.path: client.get(p.path).status_code for p in pages if p.path not in readable}
    assert {path: code for path, code in others.items() if code not in REFUSED} == {}
    posted = {p.path: client.post(p.path, {"kind": "schedule"}).status_code for p in pages}
    # 404: the event's open registration, closed here, which is no viewer's page anyway.
    assert {path: code for path, code in posted.items() if code not in {403, 404}} == {}
    assert posted[reverse("orga:programme", args=[world.event.pk])] == 403
    for name in (
        "orga:export_event",
        "orga:export_schedule",
        "orga:export_workbook",
        "orga:export_agendas",
    ):
        assert client.get(reverse(name, args=[world.event.pk])).status_code == 403, name
    world.draft.refresh_from_db()
    assert not world.draft.published
    assert Meeting.objects.filter(event=world.event).count() == 2


def test_a_viewer_reads_no_draft_through_the_api(client_for, world: World):
    client = client_for(world.viewer)
    base = f"/api/events/{world.event.pk}/meetings"
    assert client.get(f"{base}/{world.draft.pk}").status_code == 404
    assert client.get(f"{base}?published=false").json()["items"] == []
    assert client.get(f"{base}/{world.published.pk}").status_code == 200


def test_participants_still_reach_no_read_page_of_the_organizers(client_for, world: World):
    client = client_for(world.teg_user)
    for name in READ_PAGES:
        assert client.get(reverse(name, args=[world.event.pk])).status_code == 403, name


def test_a_viewers_pages_are_translated(client_for, world: World):
    client = client_for(world.viewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    dashboard = read_page(client, "orga:event", world.event)
    home = client.get(reverse("portal:home")).content.decode()
    assert "Veranstaltungen, die Sie ansehen" in home
    assert "<strong>1</strong>veröffentlichtes Treffen" in dashboard
