"""Editing and deleting sessions and agenda items: published meetings are never moved or lost."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import AgendaItem, Session, SignUp
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web.factories import World

pytestmark = pytest.mark.django_db

LOCAL = "%Y-%m-%dT%H:%M"


def session_form(session: Session, **changes) -> dict[str, object]:
    """The edit form as the page fills it in (times in the event's zone, Asia/Shanghai)."""
    values = {
        "code": session.code,
        "start": (session.start + timedelta(hours=8)).strftime(LOCAL),
        "end": (session.end + timedelta(hours=8)).strftime(LOCAL),
        "slot_minutes": session.slot_minutes,
        "gap_minutes": session.gap_minutes,
        "mode": session.mode,
    }
    return values | changes


def day1(world: World) -> Session:
    return Session.objects.get(event=world.event, code="day1-pm")


def test_a_change_that_moves_a_published_meeting_is_refused_and_not_audited(
    client_for, world: World
):
    session = day1(world)
    url = reverse("orga:edit_session", args=[world.event.pk, session.pk])
    response = client_for(world.organizer).post(url, session_form(session, slot_minutes=30))
    assert response.status_code == 200
    assert "1 published meeting would no longer fit" in response.content.decode()
    assert Session.objects.get(pk=session.pk).slot_minutes == 20
    assert not AuditEntry.objects.filter(action="session.changed").exists()


def test_a_new_gap_drops_the_drafts_off_the_slots_and_keeps_the_published(client_for, world: World):
    session = day1(world)
    url = reverse("orga:edit_session", args=[world.event.pk, session.pk])
    response = client_for(world.organizer).post(url, session_form(session, gap_minutes=10))
    assert response.status_code == 302
    assert Meeting.objects.filter(pk=world.published.pk).exists()
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()  # 14:50 is no slot any more
    entry = AuditEntry.objects.get(event=world.event, action="session.changed")
    assert entry.actor == world.organizer
    assert "1 draft meeting removed" in entry.summary


def test_renaming_a_session_renames_it_in_the_requests_limited_to_it(client_for, world: World):
    session = day1(world)
    url = reverse("orga:edit_session", args=[world.event.pk, session.pk])
    client_for(world.organizer).post(url, session_form(session, code="day1-afternoon"))
    assert Session.objects.get(pk=session.pk).code == "day1-afternoon"
    restricted = MeetingRequest.objects.get(event=world.event, mandatory=True)
    assert restricted.sessions == ["day1-afternoon"]


def test_a_session_with_published_meetings_cannot_be_deleted(client_for, world: World):
    session = day1(world)
    client = client_for(world.organizer)
    url = reverse("orga:delete_session", args=[world.event.pk, session.pk])
    page = client.get(url).content.decode()
    assert "This cannot be deleted now" in page
    assert '<form method="post">' not in page
    client.post(url)
    assert Session.objects.filter(pk=session.pk).exists()
    assert not AuditEntry.objects.filter(action="session.deleted").exists()


def test_deleting_a_session_asks_first_then_frees_the_requests_limited_to_it(
    client_for, world: World
):
    session = Session.objects.get(event=world.event, code="day2-online")
    request = MeetingRequest.objects.get(event=world.event, mandatory=False)
    request.sessions = ["day2-online"]
    request.save()
    client = client_for(world.organizer)
    url = reverse("orga:delete_session", args=[world.event.pk, session.pk])
    page = client.get(url).content.decode()
    assert "1 meeting request is limited to sessions including this one" in page
    assert Session.objects.filter(pk=session.pk).exists()  # asking deletes nothing
    assert client.post(url).status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()
    request.refresh_from_db()
    assert request.sessions is None
    assert AuditEntry.objects.filter(event=world.event, action="session.deleted").exists()


def test_an_agenda_item_keeps_room_for_those_signed_up_and_is_deleted_with_them(
    client_for, world: World
):
    start = day1(world).start
    item = add_agenda_item(
        event=world.event,
        kind="roadshow",
        title="Roadshow",
        start=start,
        end=start + timedelta(hours=1),
    )
    SignUp.objects.create(item=item, participation=world.tegnology)
    SignUp.objects.create(item=item, participation=world.smart_eye)
    client = client_for(world.organizer)
    edit = reverse("orga:edit_agenda_item", args=[world.event.pk, item.pk])
    values = {
        "kind": item.kind,
        "title": "Roadshow <b>2</b>",
        "start": (item.start + timedelta(hours=8)).strftime(LOCAL),
        "end": (item.end + timedelta(hours=8)).strftime(LOCAL),
        "place": item.place,
        "capacity": 1,
        "description": "",
    }
    refused = client.post(edit, values).content.decode()
    assert "2 organizations are signed up already" in refused
    assert client.post(edit, values | {"capacity": 5}).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.capacity) == ("Roadshow <b>2</b>", 5)
    delete = reverse("orga:delete_agenda_item", args=[world.event.pk, item.pk])
    page = client.get(delete).content.decode()
    assert "Roadshow &lt;b&gt;2&lt;/b&gt;" in page
    assert "<b>2</b>" not in page
    assert "2 organizations are signed up for it" in page
    client.post(delete)
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    actions = set(AuditEntry.objects.filter(event=world.event).values_list("action", flat=True))
    assert {"agenda-item.changed", "agenda-item.deleted"} <= actions


def test_another_events_organizer_can_neither_change_nor_delete_a_session(client_for, world: World):
    session = Session.objects.get(event=world.event, code="day2-online")
    client = client_for(world.other_organizer)
    edit = reverse("orga:edit_session", args=[world.event.pk, session.pk])
    delete = reverse("orga:delete_session", args=[world.event.pk, session.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, session_form(session, code="mine")).status_code == 403
    assert client.post(delete).status_code == 403
    # Through their own event's address, this event's session does not exist.
    own = reverse("orga:delete_session", args=[world.other_event.pk, session.pk])
    assert client.post(own).status_code == 404
    session.refresh_from_db()
    assert session.code == "day2-online"


def test_the_delete_page_refuses_a_post_without_its_csrf_token(world: World):
    session = Session.objects.get(event=world.event, code="day2-online")
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.organizer)
    assert (
        client.post(reverse("orga:delete_session", args=[world.event.pk, session.pk])).status_code
        == 403
    )
    assert Session.objects.filter(pk=session.pk).exists()
