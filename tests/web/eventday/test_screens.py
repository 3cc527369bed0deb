"""What the screens read: a table's meeting now and next, the entrance's next slot, names only."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.web.audit.models import AuditEntry
from matchfair.web.eventday.domain.screens import new_screen_link, revoke_screen_link
from matchfair.web.eventday.screens import entrance_board, screen_event, table_screens
from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between

TEN = NINE_THIRTY + timedelta(minutes=30)


def test_a_new_link_replaces_the_old_and_revoking_ends_it(fair):
    first = new_screen_link(event=fair)
    assert screen_event(first) == fair
    second = new_screen_link(event=fair)
    assert second != first
    assert len(second) >= 40
    assert screen_event(first) is None
    assert screen_event(second) == fair
    revoke_screen_link(event=fair)
    assert screen_event(second) is None
    assert screen_event("") is None
    assert AuditEntry.objects.filter(action__startswith="screens.").count() == 3


def test_a_table_shows_its_meeting_now_and_the_next(german, french, fair):
    now_meeting = meeting_between(german, french)
    third = factories.participant(fair, name="北京科技有限公司", country="CN", email="l@bj.example")
    meeting_between(german, third, start=TEN, location="table-2")
    [screen] = table_screens(fair, ["table-2"], now=NINE_THIRTY + timedelta(minutes=5))
    assert screen.current.first.organization == now_meeting.a.organization.name
    assert screen.next.second.organization == "北京科技有限公司"
    [later] = table_screens(fair, ["table-2"], now=TEN + timedelta(minutes=1))
    assert later.current.second.organization == "北京科技有限公司"
    assert later.next is None


def test_the_entrance_shows_the_next_slot_by_table(german, french, fair):
    sides = [
        factories.participant(fair, name=f"F{n} Ltd", country="DE", email=f"f{n}@x.example")
        for n in range(4)
    ]
    meeting_between(german, french, start=TEN, location="table-3")
    meeting_between(sides[0], sides[1], start=TEN, location="table-1")
    meeting_between(sides[2], sides[3], start=TEN + timedelta(minutes=30), location="table-1")
    start, meetings = entrance_board(fair, now=NINE_THIRTY)
    assert start == TEN
    assert [m.location for m in meetings] == ["table-1", "table-3"]


def test_screens_read_only_published_meetings(german, french, fair):
    meeting = meeting_between(german, french)
    Meeting.objects.filter(pk=meeting.pk).update(published=False)
    assert entrance_board(fair, now=NINE_THIRTY - timedelta(minutes=5)) == (None, [])


def _queries(read) -> int:
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured)


def test_screens_read_in_queries_that_do_not_grow_with_the_meetings(fair):
    fair.tables = None
    fair.save(update_fields=["tables"])
    sides = [
        factories.participant(fair, name=f"F{n} Ltd", country="DE", email=f"f{n}@x.example")
        for n in range(24)
    ]
    meeting_between(sides[0], sides[1], start=TEN, location="table-1")
    tables = [f"table-{n}" for n in range(1, 13)]
    few_tables = _queries(lambda: table_screens(fair, tables, now=NINE_THIRTY))
    few_entrance = _queries(lambda: entrance_board(fair, now=NINE_THIRTY))
    for n in range(1, 12):
        meeting_between(sides[2 * n], sides[2 * n + 1], start=TEN, location=f"table-{n + 1}")
        get_user_model().objects.create_user(username=f"extra{n}", first_name="Extra")
    assert _queries(lambda: table_screens(fair, tables, now=NINE_THIRTY)) == few_tables
    assert _queries(lambda: entrance_board(fair, now=NINE_THIRTY)) == few_entrance
