"""The hall's screens without a login: names only, CJK as written, 404 once revoked, few queries."""

from datetime import timedelta

from django.urls import reverse

from matchfair.web.eventday.domain.screens import new_screen_link, revoke_screen_link
from matchfair.web.events.models import Interpreter
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between, set_clock


def _table(token, tables="table-2"):
    return reverse("portal:table_screen", args=[token, tables])


def _chinese(fair):
    side = factories.participant(
        fair, name="北京新能源科技有限公司", country="CN", email="li@bj.example", language="zh-hans"
    )
    user = factories.user_of(side)
    user.first_name, user.last_name = "李", "明"
    user.save()
    return side


def test_a_table_screen_shows_names_in_their_own_script_and_no_contact(
    client,
    german,
    fair,
    monkeypatch,
):
    chinese = _chinese(fair)
    meeting = meeting_between(german, chinese)
    meeting.interpreter = Interpreter.objects.create(event=fair, code="lin-de-zh")
    meeting.save()
    token = new_screen_link(event=fair)
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=2))
    response = client.get(_table(token))
    assert response.status_code == 200
    page = response.content.decode()
    assert "北京新能源科技有限公司" in page
    assert "李 明" in page
    assert "Sonnenwerk GmbH" in page
    assert "lin-de-zh" in page
    assert "@" not in page.replace("@media", "")
    assert response["Refresh"] == "15"
    assert "max-age=5" in response["Cache-Control"]


def test_the_entrance_board_lists_the_next_slot(client, german, french, fair, monkeypatch):
    meeting_between(german, french, start=NINE_THIRTY + timedelta(minutes=30))
    token = new_screen_link(event=fair)
    set_clock(monkeypatch, NINE_THIRTY)
    page = client.get(reverse("portal:entrance_screen", args=[token])).content.decode()
    assert "Sonnenwerk GmbH" in page
    assert "table-2" in page


def test_a_revoked_or_renewed_link_is_not_found_at_once(client, german, french, fair):
    old = new_screen_link(event=fair)
    assert client.get(_table(old)).status_code == 200
    new = new_screen_link(event=fair)
    assert client.get(_table(old)).status_code == 404
    assert client.get(reverse("portal:entrance_screen", args=[old])).status_code == 404
    assert client.get(_table(new)).status_code == 200
    revoke_screen_link(event=fair)
    assert client.get(_table(new)).status_code == 404
    assert client.get(_table("made-up")).status_code == 404


def test_too_many_tables_on_one_screen_are_refused(client, fair):
    token = new_screen_link(event=fair)
    tables = ",".join(f"table-{n}" for n in range(1, 14))
    assert client.get(_table(token, tables)).status_code == 404


def test_screen_queries_do_not_grow_with_the_meetings(
    client,
    fair,
    monkeypatch,
    django_assert_max_num_queries,
):
    sides = [
        factories.participant(fair, name=f"F{n} Ltd", country="DE", email=f"f{n}@x.example")
        for n in range(8)
    ]
    token = new_screen_link(event=fair)
    set_clock(monkeypatch, NINE_THIRTY)
    tables = "table-1,table-2,table-3,table-4"
    meeting_between(sides[0], sides[1], location="table-1")
    with django_assert_max_num_queries(5):
        client.get(_table(token, tables))
    with django_assert_max_num_queries(5):
        client.get(reverse("portal:entrance_screen", args=[token]))
    for n in range(1, 4):
        meeting_between(sides[2 * n], sides[2 * n + 1], location=f"table-{n + 1}")
        meeting_between(
            sides[2 * n],
            sides[2 * n + 1],
            start=NINE_THIRTY + timedelta(minutes=30),
            location=f"table-{n + 1}",
        )
    with django_assert_max_num_queries(5):
        client.get(_table(token, tables))
    with django_assert_max_num_queries(5):
        client.get(reverse("portal:entrance_screen", args=[token]))
