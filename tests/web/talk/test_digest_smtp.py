"""The digest through a real SMTP server: it arrives in the reader's language, its link opens."""

import re

import pytest
from django.utils import timezone

from matchfair.web.outbox.domain.delivery import deliver_due
from matchfair.web.talk.domain.digests import send_digests
from matchfair.web.talk.domain.messages import send_message
from matchfair.web.talk.wake import DIGEST_INTERVAL
from tests.web import factories

pytestmark = pytest.mark.django_db


def test_a_digest_arrives_in_chinese_listing_the_messages_and_its_link_opens_them(
    smtp_server, settings, fair, german, client_for
):
    settings.MATCHFAIR_SITE_URL = "http://testserver"
    chinese = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", language="zh-hans"
    )
    now = timezone.now()
    for text in ("Guten Tag! Batteriespeicher?", "Wir sind am Stand 12."):
        send_message(
            side=german, partner=chinese, author=factories.user_of(german), text=text, now=now
        )
    assert send_digests(now=now + DIGEST_INTERVAL) == 1
    assert deliver_due().sent == 1
    (message,) = smtp_server.messages
    assert message["To"] == "li@cs.example"
    assert "新消息" in str(message["Subject"])
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "2 条未读消息" in text
    assert text.index("Batteriespeicher") < text.index("Stand 12")
    assert "Sonnenwerk GmbH" in text
    link = re.search(r"http://testserver(/my/\d+/messages/)", text).group(1)
    page = client_for(factories.user_of(chinese)).get(link)
    assert page.status_code == 200
    assert "Sonnenwerk GmbH" in page.content.decode()
