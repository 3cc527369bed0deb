"""A person's own data: every source appears, nothing of another person or organization does."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.web.audit.actor import acting_as
from matchfair.web.audit.models import AuditEntry
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Opportunity
from matchfair.web.eventday.models import Badge, Cancellation, CheckIn, Presence, WaitlistEntry
from matchfair.web.events.models import AgendaItem, SignUp
from matchfair.web.exports.personal_data import (
    FORMAT,
    PARTICIPATION_SOURCES,
    PERSON_SOURCES,
    personal_data,
)
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.models import Notification, PersonalSettings, RequestNote
from matchfair.web.outbox.models import Mail, MutedKind
from matchfair.web.outcomes.models import Agreement, AgreementParty, Feedback, MeetingOutcome
from matchfair.web.talk.models import Conversation, Message
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def _entry(document: dict, world: World) -> dict:
    """The document's entry for the world's event (TEGnology takes part in another too)."""
    [entry] = [e for e in document["participations"] if e["event"]["id"] == world.event.pk]
    return entry


def _conversation(world: World, one, other) -> Conversation:
    first, second = sorted([one, other], key=lambda p: p.pk)
    return Conversation.objects.create(event=world.event, first=first, second=second)


def _agreement(world: World, code: str, *parties) -> Agreement:
    agreement = Agreement.objects.create(
        event=world.event, code=code, type="commercial", status="signed", title=code.upper()
    )
    for position, party in enumerate(parties):
        AgreementParty.objects.create(agreement=agreement, participation=party, position=position)
    return agreement


def _everything_of_teg(world: World) -> None:
    """A row in every source for TEGnology's delegate, and rows of others beside them."""
    teg, tsinghua, smart_eye, user = (
        world.tegnology,
        world.tsinghua,
        world.smart_eye,
        world.teg_user,
    )
    now = timezone.now()
    PersonalSettings.objects.create(user=user, timezone="Europe/Copenhagen", language="de")
    MutedKind.objects.create(user=user, kind="campaign")
    Notification.objects.create(user=user, event=world.event, text="notification-marker")
    Mail.objects.create(
        event=world.event,
        user=user,
        address=user.email,
        language="de",
        kind="request",
        subject="mail-subject-marker",
        body="mail-body",
    )
    Mail.objects.create(
        event=world.event,
        user=world.tsinghua_user,
        address="x@example.org",
        language="en",
        kind="request",
        subject="other-persons-mail",
        body="other",
    )
    with acting_as(user):
        record(world.event, "participation.changed", teg, "audit-marker")
    with acting_as(world.tsinghua_user):
        record(world.event, "participation.changed", tsinghua, "other-persons-audit")
    teg.description = "profile-marker"
    teg.save()
    Opportunity.objects.create(
        event=world.event, participation=teg, code="opp-marker", kind="offer", title="opp-marker"
    )
    sent = MeetingRequest.objects.create(event=world.event, requester=teg, recipient=tsinghua)
    RequestNote.objects.create(request=sent, message="note-marker", sent_by=user)
    MeetingRequest.objects.create(event=world.event, requester=smart_eye, recipient=teg)
    meeting = Meeting.objects.filter(event=world.event).filter(a=teg).first() or world.draft
    meeting.location = "table-marker"
    meeting.save()
    Presence.objects.create(meeting=meeting, participation=teg, at=now)
    Cancellation.objects.create(
        event=world.event, kind="withdrawn", a=teg, b=tsinghua, reason="cancel-marker", at=now
    )
    badge = Badge.objects.create(event=world.event, participation=teg, name="badge-marker")
    CheckIn.objects.create(event=world.event, badge=badge, at=now, desk="desk-marker")
    talk = AgendaItem.objects.create(
        event=world.event, title="talk-marker", start=now, end=now + timedelta(hours=1)
    )
    visit = AgendaItem.objects.create(
        event=world.event, title="visit-marker", start=now, end=now + timedelta(hours=1)
    )
    SignUp.objects.create(item=talk, participation=teg)
    WaitlistEntry.objects.create(item=visit, participation=teg)
    outcome = MeetingOutcome.objects.create(
        event=world.event, a=teg, b=tsinghua, start=now, status="held"
    )
    Feedback.objects.create(outcome=outcome, by=teg, result="agreement", note="feedback-marker")
    Feedback.objects.create(outcome=outcome, by=tsinghua, result="agreement", note="their-note")
    _agreement(world, "our-deal", teg, tsinghua)
    _agreement(world, "others-deal", tsinghua, smart_eye)
    ours = _conversation(world, teg, tsinghua)
    Message.objects.create(conversation=ours, side=teg, author=user, text="our-message")
    Message.objects.create(
        conversation=ours, side=tsinghua, author=world.tsinghua_user, text="partner-reply"
    )
    theirs = _conversation(world, tsinghua, smart_eye)
    Message.objects.create(
        conversation=theirs,
        side=smart_eye,
        author=world.smart_eye_user,
        text="second-persons-message",
    )


def test_every_source_holds_its_row_and_nothing_of_another_person_or_organization(world):
    _everything_of_teg(world)
    document = personal_data(world.teg_user)
    assert document["format"] == FORMAT
    account = document["account"]
    assert (account["username"], account["email"]) == ("teg", "teg@example.org")
    assert account["settings"]["timezone"] == "Europe/Copenhagen"
    assert account["muted_mail_kinds"] == ["campaign"]
    for name in PERSON_SOURCES:
        assert document[name], f"{name} is empty"
    entry = _entry(document, world)
    for name in PARTICIPATION_SOURCES:
        assert entry[name], f"{name} is empty"
    text = json.dumps(document, ensure_ascii=False)
    for marker in (
        "notification-marker",
        "mail-subject-marker",
        "audit-marker",
        "profile-marker",
        "note-marker",
        "table-marker",
        "cancel-marker",
        "badge-marker",
        "desk-marker",
        "talk-marker",
        "visit-marker",
        "feedback-marker",
        "OUR-DEAL",
        "our-message",
        "partner-reply",
    ):
        assert marker in text, marker
    for foreign in (
        "other-persons-mail",
        "other-persons-audit",
        "their-note",
        "OTHERS-DEAL",
        "second-persons-message",
    ):
        assert foreign not in text, foreign
    assert "calendar_token" not in text
    assert "password" not in text


def test_an_organizers_account_has_no_participations_and_leaves_no_entry(client_for, world):
    response = client_for(world.organizer).get(reverse("portal:personal_data_json"))
    document = json.loads(response.content)
    assert (document["account"]["username"], document["participations"]) == ("organizer", [])
    assert not AuditEntry.objects.filter(action="export.personal-data").exists()


def test_the_settings_page_links_both_downloads_and_each_is_logged(client_for, world):
    client = client_for(world.teg_user)
    page = client.get(reverse("portal:settings")).content.decode()
    assert reverse("portal:personal_data_json") in page
    assert reverse("portal:personal_data_pdf") in page
    download = client.get(reverse("portal:personal_data_json"))
    assert download["Content-Disposition"].startswith("attachment")
    assert json.loads(download.content)["account"]["username"] == "teg"
    pdf = client.get(reverse("portal:personal_data_pdf"))
    assert pdf.content.startswith(b"%PDF")
    ways = [
        (entry.actor, entry.subject, entry.detail["way"])
        for entry in AuditEntry.objects.filter(
            event=world.event, action="export.personal-data"
        ).order_by("pk")
    ]
    subject = f"participation:{world.tegnology.pk}"
    assert ways == [(world.teg_user, subject, "json"), (world.teg_user, subject, "pdf")]


def test_the_pdf_prints_chinese_text_of_the_person(client_for, world):
    Notification.objects.create(user=world.teg_user, event=world.event, text="会议已确认")
    pdf = client_for(world.teg_user).get(
        reverse("portal:personal_data_pdf"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_the_api_answers_the_same_document_to_its_caller_only(client_for, world):
    _everything_of_teg(world)
    answer = client_for(world.teg_user).get("/api/me/personal-data")
    assert answer.status_code == 200
    document = answer.json()
    assert document["format"] == FORMAT
    assert _entry(document, world)["conversations"][0]["messages"][0]["text"] == "our-message"
    entry = AuditEntry.objects.get(event=world.event, action="export.personal-data")
    assert (entry.actor, entry.detail["way"]) == (world.teg_user, "api")
    assert (
        client_for(world.tsinghua_user).get("/api/me/personal-data").json()["account"]["username"]
        == "tsinghua"
    )


def test_anonymous_callers_get_no_data(client):
    assert client.get("/api/me/personal-data").status_code == 401
    assert client.get(reverse("portal:personal_data_json")).status_code == 302
