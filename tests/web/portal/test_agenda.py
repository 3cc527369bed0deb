"""My agenda: times in my own time zone, ICS and the private feed, changes notified."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.core import mail
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import Interpreter, Session
from matchfair.web.meetings.domain.moves import move_meeting
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit
from matchfair.web.notify.models import Notification, PersonalSettings
from tests.web import factories

BERLIN = ZoneInfo("Europe/Berlin")


def _meeting(german, french, *, online: bool = False) -> Meeting:
    session = Session.objects.get(event=german.event)
    interpreter = Interpreter.objects.create(
        event=german.event, code="lin-de-fr", languages=["de", "fr"]
    )
    return Meeting.objects.create(
        event=german.event,
        a=german,
        b=french,
        session=session,
        start=datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
        location=None if online else "table-2",
        online=online,
        interpreter=interpreter,
    )


def _publish(fair) -> None:
    """Publish as the organizer's page does: the schedule, then the agendas compared."""
    publish_schedule(event=fair)
    notify_agenda_changes_on_commit(event=fair)


def test_nothing_before_publication(german_client, german, french):
    _meeting(german, french)
    page = german_client.get(reverse("portal:agenda", args=[german.pk]))
    assert page.context["entries"] == []


def test_the_agenda_shows_each_side_its_own_time_zone(
    german_client, german, french_client, french, fair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _meeting(german, french, online=True)
        _publish(fair)
    german_page = german_client.get(
        reverse("portal:agenda", args=[german.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    paris = PersonalSettings.objects.get(user=factories.user_of(french))
    paris.timezone = "Asia/Tokyo"
    paris.save()
    french_page = french_client.get(
        reverse("portal:agenda", args=[french.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Tue 1 Dec 09:30" in german_page.content.decode()
    assert "17:30" in french_page.content.decode()
    # The room link goes through the page that notes "joined" (eventday), then to the room.
    room = reverse("portal:join_room", args=[french.pk, Meeting.objects.get().pk])
    assert room in french_page.content.decode()
    assert french_client.get(room)["Location"].startswith("https://meet.jit.si/matchfair-")
    assert "lin-de-fr" in french_page.content.decode()
    assert Notification.objects.filter(text__contains="Ihr Terminplan").count() == 1


def test_ics_download_and_private_feed_hold_the_utc_times(german_client, german, french, fair):
    _meeting(german, french)
    publish_schedule(event=fair)
    download = german_client.get(reverse("portal:agenda_ics", args=[german.pk]))
    calendar = icalendar.Calendar.from_ical(download.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 1, 8, 30, tzinfo=ZoneInfo("UTC"))
    assert event.decoded("dtend") == datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert str(event["location"]) == "table-2"
    assert "Vignoble Exportateur" in str(event["summary"])
    token = PersonalSettings.objects.get(user=factories.user_of(german)).calendar_token
    feed = Client().get(reverse("portal:calendar_feed", args=[token]))
    assert feed.status_code == 200
    assert icalendar.Calendar.from_ical(feed.content).walk("VEVENT")[0]["uid"] == event["uid"]
    assert Client().get(reverse("portal:calendar_feed", args=["guess"])).status_code == 404


def test_a_renewed_calendar_link_retires_the_old_one(german_client, german):
    old = PersonalSettings.objects.get(user=factories.user_of(german)).calendar_token
    german_client.post(reverse("portal:renew_calendar"))
    assert Client().get(reverse("portal:calendar_feed", args=[old])).status_code == 404


def test_a_move_after_publication_is_notified_once(
    german, french, fair, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _meeting(german, french)
        _publish(fair)
    assert Notification.objects.count() == 2
    assert "http://127.0.0.1:8000/my/" in mail.outbox[0].body
    session = Session.objects.get(event=fair)
    with django_capture_on_commit_callbacks(execute=True):
        move_meeting(
            meeting=meeting,
            session=session,
            start=datetime(2026, 12, 1, 11, 0, tzinfo=BERLIN),
            location="table-3",
        )
        notify_agenda_changes_on_commit(event=fair)
    changed = Notification.objects.filter(text__contains="geändert") | Notification.objects.filter(
        text__contains="a changé"
    )
    assert changed.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        _publish(fair)
    assert Notification.objects.count() == 4


def test_signing_up_for_a_programme_item(german_client, german, fair):
    item = add_agenda_item(
        event=fair,
        kind="talk",
        title="Energy storage in Sichuan",
        start=datetime(2026, 12, 1, 13, 0, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 14, 0, tzinfo=BERLIN),
        capacity=1,
    )
    german_client.post(
        reverse("portal:toggle_item", args=[german.pk, item.pk]), {"action": "sign-up"}
    )
    page = german_client.get(reverse("portal:agenda", args=[german.pk]))
    assert [entry.title for entry in page.context["entries"]] == ["Energy storage in Sichuan"]


def test_the_agenda_links_to_its_pdf(german_client, german, french, fair):
    _meeting(german, french)
    publish_schedule(event=fair)
    page = german_client.get(reverse("portal:agenda", args=[german.pk])).content.decode()
    pdf = reverse("portal:agenda_pdf", args=[german.pk])
    assert pdf in page
    response = german_client.get(pdf)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_pdf_agenda_prints_the_participants_own_time_zone(german_client, german, french, fair):
    _meeting(german, french)
    publish_schedule(event=fair)
    tokyo = PersonalSettings.objects.get(user=factories.user_of(german))
    tokyo.timezone = "Asia/Tokyo"
    tokyo.save()
    download = german_client.get(reverse("portal:agenda_pdf", args=[german.pk]))
    assert download["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(download.content)).pages)
    assert "Asia/Tokyo" in text
    assert "17:30" in text or "5:30" in text
    assert "9:30" not in text


def _unchosen(fair, *, attendance: str = "onsite"):
    """A delegate who left the time zone at "the event's" on the sign-up form."""
    return factories.participant(
        fair,
        name="Chengdu Solar Co",
        country="CN",
        email="li@chengdu-solar.example",
        timezone="",
        language="zh-hans",
        attendance=attendance,
    )


def test_a_delegate_who_never_chose_sees_the_events_time_zone(client_for, fair, french):
    on_site = _unchosen(fair)
    _meeting(on_site, french)
    publish_schedule(event=fair)
    client = client_for(factories.user_of(on_site))
    page = client.get(reverse("portal:agenda", args=[on_site.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Europe/Berlin" in page.content.decode()
    assert "Tue 1 Dec 09:30" in page.content.decode()
    assert "12/01/2026" not in page.content.decode()  # not US style
    download = client.get(reverse("portal:agenda_pdf", args=[on_site.pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(download.content)).pages)
    assert "Europe/Berlin" in text
    assert "09:30" in text
    assert "GMT+01:00" in text
    assert "UTC" not in text


def test_a_chosen_time_zone_wins_over_the_events(client_for, fair, french):
    on_site = _unchosen(fair)
    _meeting(on_site, french)
    publish_schedule(event=fair)
    client = client_for(factories.user_of(on_site))
    client.post(reverse("portal:settings"), {"timezone": "Asia/Shanghai", "language": "zh-hans"})
    page = client.get(reverse("portal:agenda", args=[on_site.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Asia/Shanghai" in page.content.decode()
    assert "16:30" in page.content.decode()
    download = client.get(reverse("portal:agenda_pdf", args=[on_site.pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(download.content)).pages)
    assert "Asia/Shanghai" in text
    assert "16:30" in text


def test_an_online_delegate_who_never_chose_keeps_utc(client_for, fair, german):
    online = _unchosen(fair, attendance="online")
    _meeting(german, online, online=True)
    publish_schedule(event=fair)
    client = client_for(factories.user_of(online))
    page = client.get(reverse("portal:agenda", args=[online.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Times in your time zone: UTC." in page.content.decode()
    assert "08:30" in page.content.decode()


def test_the_chinese_pdf_agenda_writes_the_date_the_chinese_way(client_for, fair, french):
    on_site = _unchosen(fair)
    _meeting(on_site, french)
    publish_schedule(event=fair)
    client = client_for(factories.user_of(on_site))
    download = client.get(
        reverse("portal:agenda_pdf", args=[on_site.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(download.content)).pages)
    assert "12月1日周二" in text
    assert "时间为 Europe/Berlin" in text
    assert "星期二 01 十二月" not in text
