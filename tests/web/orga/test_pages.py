"""The organizer's and the participant's pages through Django's test client."""

import json
import re

import pytest
from django.urls import reverse

from matchfair.core import parse_event
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.models import Meeting, MeetingRequest, UnscheduledMeeting
from tests.web.documents import full_event_data
from tests.web.factories import World, make_user, xlsx_bytes

pytestmark = pytest.mark.django_db

ORGANIZER_PAGES = [
    "orga:event",
    "orga:event_settings",
    "orga:programme",
    "orga:organizations",
    "orga:invite",
    "orga:spreadsheet_upload",
    "orga:meeting_requests",
    "orga:schedule",
    "orga:jobs",
    "orga:export_event",
    "orga:export_schedule",
    "orga:export_workbook",
]


@pytest.mark.parametrize("name", ORGANIZER_PAGES)
def test_every_organizer_page_opens(organizer_client, event, name):
    response = organizer_client.get(reverse(name, args=[event.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ORGANIZER_PAGES)
def test_organizer_pages_are_closed_to_other_users(client, event, delegate_user, name):
    url = reverse(name, args=[event.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(make_user("other-organizer", staff=True))
    assert client.get(url).status_code == 403
    client.force_login(delegate_user)
    assert client.get(url).status_code == 403


def test_an_unknown_event_is_not_found(organizer_client):
    assert organizer_client.get(reverse("orga:event", args=[999999])).status_code == 404


def test_creating_an_event_makes_its_creator_the_organizer(organizer_client, organizer):
    response = organizer_client.post(
        reverse("orga:new_event"),
        {"name": "Chengdu-Europe Dialogue 2025", "timezone": "Asia/Shanghai", "tables": "20"},
    )
    event = Event.objects.get(name="Chengdu-Europe Dialogue 2025")
    assert response.status_code == 302
    assert event.code == "chengdu-europe-dialogue-2025"
    assert list(event.organizers.all()) == [organizer]


def test_changing_the_number_of_tables(organizer_client, event):
    response = organizer_client.post(
        reverse("orga:event_settings", args=[event.pk]),
        {"name": event.name, "code": event.code, "timezone": "Asia/Shanghai", "tables": "12"},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.tables, event.online_rooms, event.match_across_groups) == (12, None, False)


def test_a_delegate_cannot_create_events(client, delegate_user):
    client.force_login(delegate_user)
    assert client.get(reverse("orga:new_event")).status_code == 403


def test_adding_a_session_in_the_event_time_zone(organizer_client, event):
    response = organizer_client.post(
        reverse("orga:programme", args=[event.pk]),
        {
            "add_session": "1",
            "code": "day3",
            "start": "2024-11-20T09:00",
            "end": "2024-11-20T12:00",
            "slot_minutes": "30",
            "gap_minutes": "0",
            "mode": "onsite",
        },
    )
    assert response.status_code == 302
    session = event.sessions.get(code="day3")
    assert session.start.isoformat() == "2024-11-20T01:00:00+00:00"


def test_importing_a_bad_event_file_lists_every_problem(organizer_client):
    data = full_event_data()
    data["organizations"][0]["country"] = "XX"
    data["opportunities"][0]["kind"] = "swap"
    upload = _file("bad.json", json.dumps(data).encode())
    response = organizer_client.post(reverse("orga:import_event_file"), {"file": upload})
    content = response.content.decode()
    assert response.status_code == 200
    assert "bad.json: organizations[0].country" in content
    assert "bad.json: opportunities[0].kind" in content
    assert Event.objects.count() == 0


def test_importing_an_event_file_creates_the_event(organizer_client, organizer):
    upload = _file("nordic.json", json.dumps(full_event_data()).encode())
    response = organizer_client.post(reverse("orga:import_event_file"), {"file": upload})
    event = Event.objects.exclude(organizers=None).latest("pk")
    assert response.status_code == 302
    assert organizer in event.organizers.all()


def test_spreadsheet_import_through_the_mapping_step(organizer_client, event):
    content = xlsx_bytes(
        [["Company", "Country", "Opportunity"], ["Nokia", "FI", "5G"], ["Bad", "XX", "Oops"]]
    )
    response = organizer_client.post(
        reverse("orga:spreadsheet_upload", args=[event.pk]), {"file": _file("f.xlsx", content)}
    )
    assert response.status_code == 302
    mapping_url = response["Location"]
    page = organizer_client.get(mapping_url)
    assert "Nokia" in page.content.decode()

    chosen = {"name": "0", "country": "1", "opportunity_title": "2"}
    failed = organizer_client.post(mapping_url, chosen)
    assert "row 3, Country (ISO code)" in failed.content.decode()
    assert not Participation.objects.filter(event=event, organization__name="Nokia").exists()


def test_a_spreadsheet_import_counts_what_it_imported_in_the_right_number(organizer_client, event):
    content = xlsx_bytes([["Company", "Country", "Opportunity"], ["Nokia", "FI", "5G"]])
    response = organizer_client.post(
        reverse("orga:spreadsheet_upload", args=[event.pk]), {"file": _file("f.xlsx", content)}
    )
    chosen = {"name": "0", "country": "1", "opportunity_title": "2"}
    done = organizer_client.post(response["Location"], chosen, follow=True)
    shown = [str(message) for message in done.context["messages"]]
    assert shown == ["Imported 1 organization and 1 opportunity."]


def test_tailor_made_meeting_from_the_requests_page(organizer_client, event):
    smart_eye = Participation.objects.get(event=event, code="smart-eye")
    tegnology = Participation.objects.get(event=event, code="tegnology")
    response = organizer_client.post(
        reverse("orga:meeting_requests", args=[event.pk]),
        {"first": smart_eye.pk, "second": tegnology.pk, "weight": "5"},
    )
    assert response.status_code == 302
    request = MeetingRequest.objects.get(requester=smart_eye, recipient=tegnology)
    assert (request.mandatory, request.status, request.weight) == (True, "accepted", 5)


def test_cross_language_search_finds_the_chinese_opportunity(organizer_client, event, settings):
    settings.MATCHFAIR_ENCODER = "fake"
    response = organizer_client.get(
        reverse("orga:meeting_requests", args=[event.pk]), {"q": "光伏储能联合研发"}
    )
    assert response.status_code == 200
    assert response.context["hits"][0].participation.code == "tsinghua-energy"


def test_moving_a_meeting_into_a_conflict_explains_it(organizer_client, event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")
    late_slot = f"{session.pk}|4"  # 15:40, after TEGnology's window
    response = organizer_client.post(
        reverse("orga:move_meeting", args=[event.pk, meeting.pk]),
        {"slot": late_slot, "location": "table-1"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "TEGnology is not available at that time." in content
    assert "Interpreter interp-1" not in content
    meeting.refresh_from_db()
    assert meeting.start.isoformat() == "2024-11-18T06:00:00+00:00"


def test_the_move_page_offers_only_the_events_tables_and_refuses_another(organizer_client, event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")
    url = reverse("orga:move_meeting", args=[event.pk, meeting.pk])

    offered = organizer_client.get(url).context["form"].fields["location"].choices
    response = organizer_client.post(url, {"slot": f"{session.pk}|1", "location": "Tisch 99"})

    assert offered == [("table-1", "table-1"), ("table-2", "table-2"), ("table-3", "table-3")]
    assert response.status_code == 200
    assert "Tisch 99 is not one of the available choices" in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.start.isoformat(), meeting.location) == ("2024-11-18T06:00:00+00:00", "table-1")


def test_moving_a_meeting_to_a_free_slot(organizer_client, event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")
    response = organizer_client.post(
        reverse("orga:move_meeting", args=[event.pk, meeting.pk]),
        {"slot": f"{session.pk}|1", "location": "table-2"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.start.isoformat(), meeting.location) == (
        "2024-11-18T06:25:00+00:00",
        "table-2",
    )


def test_starting_a_job_shows_its_progress_page(organizer_client, event):
    response = organizer_client.post(
        reverse("orga:start_job", args=[event.pk]), {"kind": "schedule"}
    )
    job = Job.objects.get(event=event)
    assert response["Location"] == reverse("orga:job", args=[event.pk, job.pk])
    status = organizer_client.get(reverse("orga:job_status", args=[event.pk, job.pk])).json()
    assert status == {
        "status": "queued",
        "status_label": "queued",
        "percent": 0,
        "message": "",
        "finished": False,
    }


def test_a_failed_job_page_offers_a_rerun(organizer_client, event):
    job = Job.objects.create(event=event, kind="schedule", status="failed", error="Boom: bad")
    page = organizer_client.get(reverse("orga:job", args=[event.pk, job.pk])).content.decode()
    assert "Boom: bad" in page
    response = organizer_client.post(reverse("orga:retry_job", args=[event.pk, job.pk]))
    retry = Job.objects.get(retry_of=job)
    assert response["Location"] == reverse("orga:job", args=[event.pk, retry.pk])


def test_publishing_marks_every_meeting_published(organizer_client, event):
    Meeting.objects.filter(event=event).update(published=False)
    organizer_client.post(reverse("orga:publish", args=[event.pk]))
    assert not Meeting.objects.filter(event=event, published=False).exists()


def test_publishing_says_how_many_meetings_are_new_in_the_right_number(organizer_client, event):
    Meeting.objects.filter(event=event).update(published=False)
    shown = []
    for _ in range(2):
        response = organizer_client.post(reverse("orga:publish", args=[event.pk]), follow=True)
        shown += [str(message) for message in response.context["messages"]]
    assert shown == [
        "Schedule published (1 new meeting). Later runs keep it.",
        "Schedule published (0 new meetings). Later runs keep these meetings.",
    ]


def test_the_exported_event_file_is_the_imported_one(organizer_client, event):
    response = organizer_client.get(reverse("orga:export_event", args=[event.pk]))
    exported = parse_event(json.loads(response.content))
    assert exported == parse_event(full_event_data())


def test_a_delegate_sees_their_agenda_and_not_another_organization(client, event, delegate_user):
    client.force_login(delegate_user)
    own = Participation.objects.get(event=event, code="tegnology")
    other = Participation.objects.get(event=event, code="smart-eye")
    page = client.get(reverse("portal:participant_home", args=[own.pk]), follow=True)
    assert "清华四川能源互联网研究院" in page.content.decode()
    assert client.get(reverse("portal:participant_home", args=[other.pk])).status_code == 403
    assert client.get(reverse("portal:organization_agenda_pdf", args=[other.pk])).status_code == 403


def _file(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_the_admin_lists_open_for_a_superuser(client, event):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("root", password="x-long-pw-1"))
    for model in ("events/event", "directory/participation", "meetings/meeting"):
        assert client.get(f"/admin/{model}/").status_code == 200


def test_recommended_pairs_not_yet_requested_are_offered(organizer_client, event):
    from matchfair.web.meetings.models import Recommendation

    tegnology = Participation.objects.get(event=event, code="tegnology")
    smart_eye = Participation.objects.get(event=event, code="smart-eye")
    tsinghua = Participation.objects.get(event=event, code="tsinghua-energy")
    for first, second, score in ((tegnology, tsinghua, 0.9), (tegnology, smart_eye, 0.7)):
        Recommendation.objects.create(
            event=event, participation=first, partner=second, score=score, reasons=["sectors"]
        )
    response = organizer_client.get(reverse("orga:meeting_requests", args=[event.pk]))
    pairs = [(p.first.code, p.second.code) for p in response.context["suggestions"]]
    assert pairs == [("tegnology", "smart-eye")]  # tegnology-tsinghua is requested already


def test_a_bad_stored_value_makes_the_event_file_page_name_it_not_answer_500(
    client_for, world: World
):
    Participation.objects.filter(pk=world.tegnology.pk).update(languages=["en", "dk"])
    response = client_for(world.organizer).get(reverse("orga:export_event", args=[world.event.pk]))
    assert response.status_code == 409
    text = response.content.decode()
    assert "TEGnology: languages: &#x27;dk&#x27; is not an ISO 639-1 code" in text
    edit = reverse("orga:edit_organization", args=[world.event.pk, world.tegnology.pk])
    assert f'href="{edit}"' in text


def test_the_dashboard_cards_count_in_the_right_number(organizer_client, event):
    page = organizer_client.get(reverse("orga:event", args=[event.pk])).content.decode()
    cards = re.findall(r'class="card"[^>]*><strong>([^<]*)</strong>([^<]*)<', page)
    assert cards == [
        ("3", "organizations"),
        ("2", "opportunities"),
        ("1", "accepted of 2 requests, 1 tailor-made"),
        ("1", "meeting scheduled, 1 published"),
        ("0", "requests not scheduled"),
        ("0", "e-mails not delivered, 0 sent"),
    ]


def test_the_dashboard_counts_accepted_requests_left_off_the_schedule_only(organizer_client, event):
    waiting = MeetingRequest.objects.get(event=event, status=MeetingRequest.Status.REQUESTED)
    # The engine lists a request nobody accepted among its unscheduled ones: not a failure.
    UnscheduledMeeting.objects.create(
        event=event, a=waiting.requester, b=waiting.recipient, reason="request not accepted"
    )

    def count() -> str:
        page = organizer_client.get(reverse("orga:event", args=[event.pk])).content.decode()
        cards = re.findall(r'class="card"[^>]*><strong>([^<]*)</strong>([^<]*)<', page)
        return next(number for number, label in cards if "not scheduled" in label)

    assert count() == "0"
    # Accepted after the last run, and on no agenda yet: counted although no run listed it.
    MeetingRequest.objects.filter(pk=waiting.pk).update(status=MeetingRequest.Status.ACCEPTED)
    assert count() == "1"


def test_the_dashboard_cards_count_in_german_too(organizer_client, event):
    page = organizer_client.get(
        reverse("orga:event", args=[event.pk]), headers={"accept-language": "de"}
    ).content.decode()
    cards = re.findall(r'class="card"[^>]*><strong>([^<]*)</strong>([^<]*)<', page)
    assert cards == [
        ("3", "Organisationen"),
        ("2", "Kooperationsmöglichkeiten"),
        ("1", "angenommen von 2 Anfragen, 1 maßgeschneidert"),
        ("1", "Treffen eingeplant, 1 veröffentlicht"),
        ("0", "Anfragen nicht eingeplant"),
        ("0", "E-Mails nicht zugestellt, 0 gesendet"),
    ]


def test_the_accent_colour_is_set_on_the_settings_page(organizer_client, event):
    url = reverse("orga:event_settings", args=[event.pk])
    assert 'type="color"' in organizer_client.get(url).content.decode()
    fields = {"name": event.name, "code": event.code, "timezone": "Asia/Shanghai"}
    response = organizer_client.post(url, {**fields, "accent_colour": "#8B0000"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.accent_colour == "#8b0000"
    # Left out (an older form, a script): unchanged.
    organizer_client.post(url, fields)
    event.refresh_from_db()
    assert event.accent_colour == "#8b0000"


def test_an_accent_colour_that_is_no_colour_is_refused_on_its_field(organizer_client, event):
    url = reverse("orga:event_settings", args=[event.pk])
    fields = {"name": event.name, "code": event.code, "timezone": "Asia/Shanghai"}
    response = organizer_client.post(url, {**fields, "accent_colour": "red"})
    assert response.status_code == 200
    assert "accent_colour" in response.context["form"].errors
    assert "#RRGGBB" in response.content.decode()
    event.refresh_from_db()
    assert event.accent_colour == "#0b6bcb"
