"""A queued mail written out: the reader's language and zone, the event, both parts, the links."""

from datetime import UTC, datetime

import pytest

from matchfair.web import stored_text
from matchfair.web.outbox.domain.queueing import Draft, queue_mail
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.rendering import compose, message_id


@pytest.fixture
def chinese_mail(fair) -> Mail:
    return queue_mail(
        Draft(
            address="li@cs.example",
            language="zh-hans",
            time_zone="Asia/Shanghai",
            kind=Mail.Kind.FEEDBACK,
            subject=stored_text.gettext("Your agenda for %(event)s", event="中欧合作洽谈会"),
            body=[
                stored_text.gettext(
                    "How did your meeting with %(partner)s (%(when)s) go? "
                    "Tell us in one step with the link below, no login needed.",
                    partner="清华四川能源互联网研究院",
                    when=stored_text.moment(datetime(2026, 5, 12, 1, 30, tzinfo=UTC)),
                ),
                stored_text.gettext("Settings"),
            ],
            link="/my/agenda/",
            site_url="https://fair.example/",
            event=fair,
        )
    )


def test_a_chinese_mail_is_written_in_chinese_in_the_readers_zone(chinese_mail, fair):
    message = compose(chinese_mail)
    assert "日程" in message.subject
    assert "清华四川能源互联网研究院" in message.body
    assert "09:30" in message.body  # 01:30 UTC in Shanghai
    assert message.body.startswith(fair.name)
    assert "https://fair.example/my/agenda/" in message.body
    assert "https://fair.example/my/settings/#notifications" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="zh-hans">' in html
    assert '<meta charset="utf-8">' in html
    assert "Noto Sans CJK SC" in html
    assert 'href="https://fair.example/my/agenda/"' in html


def test_the_mail_survives_encoding_for_the_wire(chinese_mail):
    raw = compose(chinese_mail).message().as_bytes()
    from email import message_from_bytes, policy

    parsed = message_from_bytes(raw, policy=policy.default)
    assert "日程" in str(parsed["Subject"])
    assert "清华" in parsed.get_body(preferencelist=("plain",)).get_content()
    assert parsed["Message-ID"] == message_id(chinese_mail)
    assert parsed["List-Unsubscribe"] == "<https://fair.example/my/settings/#notifications>"


def test_a_mail_queued_without_a_request_links_to_the_sites_address(settings, fair):
    settings.MATCHFAIR_SITE_URL = "https://fair.example.org/"
    mail = queue_mail(
        Draft(
            address="anna@example.org",
            language="en",
            kind=Mail.Kind.AGENDA,
            subject=stored_text.gettext("Settings"),
            body=stored_text.gettext("Settings"),
            link="/my/agenda/",
        )
    )
    body = compose(mail).body
    assert "https://fair.example.org/my/agenda/" in body
    assert "https://fair.example.org/my/settings/#notifications" in body


def test_the_header_and_button_wear_the_events_colour_with_readable_text(chinese_mail, fair):
    fair.accent_colour = "#ffcc00"
    fair.save()
    html = compose(Mail.objects.get(pk=chinese_mail.pk)).alternatives[0][0]
    header = f'background:#ffcc00;color:#000000;padding:12px 24px;font-weight:700;">{fair.name}'
    assert header in html
    assert "background:#ffcc00;color:#000000;text-decoration:none" in html
    # Too pale for a link on white: the footer link is in the site's ink instead.
    assert 'style="color:#1d2733;">' in html


def test_a_dark_colour_gets_white_text_and_colours_the_link(chinese_mail, fair):
    fair.accent_colour = "#8b0000"
    fair.save()
    html = compose(Mail.objects.get(pk=chinese_mail.pk)).alternatives[0][0]
    assert "background:#8b0000;color:#ffffff;text-decoration:none" in html
    assert 'style="color:#8b0000;">' in html


def test_a_mail_of_no_event_wears_the_sites_accent(db):
    mail = queue_mail(
        Draft(
            address="anna@example.org",
            language="en",
            kind=Mail.Kind.ROLE,
            subject=stored_text.gettext("Settings"),
            body=stored_text.gettext("Settings"),
            link="/my/agenda/",
        )
    )
    html = compose(mail).alternatives[0][0]
    assert "background:#0b6bcb;color:#ffffff;text-decoration:none" in html
