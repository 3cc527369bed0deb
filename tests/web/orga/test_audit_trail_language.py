"""The audit trail reads in its organizer's language: no action codes, rows named, counts in words."""

import re
from datetime import datetime

from django.urls import reverse

from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.domain.requests import answer_request, send_request
from matchfair.web.meetings.domain.sessions import change_session
from matchfair.web.meetings.models import Meeting
from tests.web.factories import BERLIN

CODE = re.compile(r"\b[a-z-]+\.(sent|accepted|declined|published|stored|moved|changed)\b")


def test_the_trail_in_chinese_shows_no_raw_action_codes(fair, german, french, owner, client_for):
    request = send_request(requester=german, recipient=french, quota=None)
    answer_request(recipient=french, meeting_request=request, accept=True)
    Meeting.objects.create(
        event=fair,
        a=german,
        b=french,
        session=Session.objects.get(event=fair),
        start=datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
        location="table-2",
    )
    publish_schedule(event=fair)

    page = client_for(owner).get(
        reverse("orga:audit_trail", args=[fair.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    text = page.content.decode()

    assert "洽谈请求已接受" in text
    assert "新发布 1 场洽谈" in text
    assert CODE.search(text) is None, CODE.search(text)
    assert f"meetingrequest:{request.pk}" not in text


def test_a_summary_stored_once_reads_in_german_and_in_english(
    fair, german, french, owner, client_for
):
    publish_schedule(event=fair)
    trail = reverse("orga:audit_trail", args=[fair.pk])
    reader = client_for(owner)
    assert (
        "0 Treffen neu veröffentlicht"
        in reader.get(trail, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    )
    assert (
        "0 meetings newly published"
        in reader.get(trail, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )


def test_a_session_change_reads_with_the_mode_and_times_in_the_readers_words(
    fair, owner, client_for
):
    session = Session.objects.get(event=fair)
    change_session(
        session=session,
        code=session.code,
        start=session.start,
        end=session.end,
        slot_minutes=session.slot_minutes,
        gap_minutes=5,
        mode="hybrid",
    )
    trail = reverse("orga:audit_trail", args=[fair.pk])
    chinese = client_for(owner).get(trail, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "分钟，混合" in chinese
    assert "hybrid" not in chinese
