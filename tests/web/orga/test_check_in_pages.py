"""The check-in desk and its scan endpoint, the badges page, its PDF, and the staff role's pages."""

import io
import json

import pytest
from pypdf import PdfReader

from matchfair.web.eventday.domain.badges import add_named_badge, refresh_badges
from matchfair.web.eventday.models import Badge, CheckIn, CheckInStaff
from matchfair.web.exports.badge_codes import badge_token
from tests.web import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(world):
    user = factories.person("volunteer")
    CheckInStaff.objects.create(event=world.event, user=user)
    return user


def _desk(event) -> str:
    return f"/events/{event.pk}/check-in/"


def _scan(client, event, body: object, **extra):
    return client.post(
        _desk(event) + "scan/",
        json.dumps(body) if not isinstance(body, bytes) else body,
        content_type="application/json",
        **extra,
    )


def _badge(world) -> Badge:
    refresh_badges(event=world.event)
    return Badge.objects.get(delegate__user=world.tsinghua_user)


def test_organizers_and_staff_open_the_desk_and_nobody_else(client_for, world, staff, client):
    assert client_for(world.organizer).get(_desk(world.event)).status_code == 200
    page = client_for(staff).get(_desk(world.event))
    assert page.status_code == 200
    assert "camera=(self)" in page["Permissions-Policy"]
    for user in (world.teg_user, world.viewer, world.other_organizer):
        assert client_for(user).get(_desk(world.event)).status_code == 403
    assert client_for(staff).get(_desk(world.other_event)).status_code == 403
    assert client.get(_desk(world.event)).status_code == 302


def test_staff_see_the_desk_and_none_of_the_organizers_pages(client_for, world, staff):
    client = client_for(staff)
    page = client.get(_desk(world.event)).content.decode()
    assert f'href="/events/{world.event.pk}/"' not in page
    for path in ("", "organizations/", "badges/", "people/", "export/badges.pdf"):
        assert client.get(f"/events/{world.event.pk}/{path}").status_code == 403, path
    assert client.get(f"/api/events/{world.event.pk}").status_code == 404
    home = client.get("/").content.decode()
    assert _desk(world.event) in home


def test_a_scan_checks_in_once_and_a_second_says_when_and_where(client_for, world, staff):
    badge = _badge(world)
    client = client_for(staff)
    first = _scan(client, world.event, {"token": badge_token(badge), "desk": "Entrance A"})
    assert first.status_code == 200
    assert first.json()["new"] is True
    assert first.json()["arrived"] == 1
    assert first.json()["badge"]["name"] == "Tsinghua"
    again = _scan(client_for(world.organizer), world.event, {"token": badge_token(badge)})
    assert again.json()["new"] is False
    assert "already checked in at" in again.json()["message"]
    assert "by desk Entrance A" in again.json()["message"]
    assert CheckIn.objects.get().by == staff


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"token": "1-1:forged"}, 422, "forged"),
        ({"badge": 999999}, 422, "no such badge"),
        ({}, 422, "Scan a badge"),
        ({"badge": True}, 422, "Scan a badge"),
        ({"badge": "9" * 30}, 422, "no such badge"),
        (b"not json", 400, "not a JSON object"),
        ([1, 2], 400, "not a JSON object"),
    ],
)
def test_a_bad_scan_gets_a_clear_message(client_for, world, staff, body, status, words):
    answer = _scan(client_for(staff), world.event, body)
    assert answer.status_code == status
    assert words in answer.json()["message"]
    assert not CheckIn.objects.exists()


def test_a_badge_of_another_event_is_refused_at_this_desk(client_for, world):
    badge = _badge(world)
    answer = _scan(
        client_for(world.other_organizer), world.other_event, {"token": badge_token(badge)}
    )
    assert answer.status_code == 422
    assert "another event" in answer.json()["message"]


def test_staff_of_one_event_cannot_scan_at_another(client_for, world, staff):
    answer = _scan(client_for(staff), world.other_event, {"token": "x"})
    assert answer.status_code == 403


def test_a_name_found_by_search_is_checked_in_by_the_form(client_for, world, staff):
    badge = add_named_badge(event=world.event, participation=world.tsinghua, name="王芳")
    client = client_for(staff)
    found = client.get(_desk(world.event), {"q": "王"}).content.decode()
    assert "王芳" in found
    answer = client.post(
        _desk(world.event) + "scan/", {"badge": badge.pk, "desk": "Door 2", "q": "王"}, follow=True
    )
    assert "王芳" in answer.content.decode()
    assert "is checked in" in answer.content.decode()
    assert CheckIn.objects.get().desk == "Door 2"
    again = client.get(_desk(world.event), {"q": "王"}).content.decode()
    assert "by desk Door 2" in again


def test_the_badges_page_lists_every_delegate_and_adds_a_name(client_for, world):
    client = client_for(world.organizer)
    page = client.get(f"/events/{world.event.pk}/badges/").content.decode()
    for name in ("Teg", "Tsinghua", "Smarteye"):
        assert name in page
    added = client.post(
        f"/events/{world.event.pk}/badges/",
        {"participation": world.tsinghua.pk, "name": "李明"},
        follow=True,
    )
    assert "李明" in added.content.decode()
    refused = client.post(
        f"/events/{world.event.pk}/badges/", {"participation": world.tsinghua.pk, "name": "   "}
    )
    assert refused.status_code == 200
    assert "This field is required" in refused.content.decode()


def test_the_badge_pdf_prints_a_cjk_name_with_its_organization(client_for, world):
    add_named_badge(event=world.event, participation=world.tsinghua, name="王芳")
    client = client_for(world.organizer)
    for layout, per_page in (("a6", 1), ("a4", 4)):
        answer = client.get(f"/events/{world.event.pk}/export/badges.pdf", {"layout": layout})
        assert answer["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(answer.content))
        text = "".join(page.extract_text() for page in reader.pages)
        assert "王芳" in text
        assert world.tsinghua.organization.name in text
        badges = Badge.objects.filter(event=world.event).count()
        assert len(reader.pages) == -(-badges // per_page)


def test_a_wrong_layout_is_named(client_for, world):
    answer = client_for(world.organizer).get(
        f"/events/{world.event.pk}/export/badges.pdf", {"layout": "letter"}
    )
    assert answer.status_code == 400
    assert "layout: choose a6" in answer.content.decode()


def test_the_organizer_grants_and_withdraws_the_staff_role(
    client_for, world, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(world.organizer)
    people = f"/events/{world.event.pk}/people/"
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            people + "check-in-staff/",
            {"staff-email": "door@example.org", "staff-name": "Dora Door"},
            follow=True,
        )
    assert "door@example.org is invited as check-in staff" in answer.content.decode()
    staff = CheckInStaff.objects.get(event=world.event)
    assert _desk(world.event) in mailoutbox[0].body
    twice = client.post(
        people + "check-in-staff/", {"staff-email": "door@example.org"}, follow=True
    )
    assert "already" in twice.content.decode()
    bad = client.post(people + "check-in-staff/", {"staff-email": "not an address"}, follow=True)
    assert "E-mail address: Enter a valid email address." in bad.content.decode()
    client.post(people + f"check-in-staff/{staff.user.pk}/withdraw/")
    assert not CheckInStaff.objects.exists()


def test_a_participant_cannot_grant_the_staff_role(client_for, world):
    answer = client_for(world.teg_user).post(
        f"/events/{world.event.pk}/people/check-in-staff/", {"staff-email": "x@example.org"}
    )
    assert answer.status_code == 403
    assert not CheckInStaff.objects.exists()
