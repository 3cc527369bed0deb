"""Settings' e-mail switches: each kind can be muted; the inbox keeps every notification."""

from django.urls import reverse

from matchfair.web import stored_text
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.notify.models import Notification
from matchfair.web.outbox.models import Mail, MutedKind
from tests.web import factories


def test_settings_show_every_kind_switched_on_at_first(german_client):
    response = german_client.get(reverse("portal:settings"))
    page = response.content.decode()
    assert 'id="notifications"' in page
    for value in ("request", "agenda", "feedback", "campaign", "reminder"):
        assert f'value="{value}"' in page
    assert page.count("checked") >= 5
    assert 'value="invitation"' not in page


def test_a_muted_kind_sends_no_mail_but_keeps_the_inbox(german_client, german):
    response = german_client.post(reverse("portal:mail_kinds"), {"receive": ["agenda"]})
    assert response.status_code == 302
    assert response["Location"].endswith("/my/settings/#notifications")
    user = factories.user_of(german)
    assert set(MutedKind.objects.filter(user=user).values_list("kind", flat=True)) == {
        "request",
        "feedback",
        "messages",
        "campaign",
        "reminder",
    }
    for kind in (Mail.Kind.REQUEST, Mail.Kind.AGENDA):
        notify(
            german,
            stored_text.gettext("Your agenda for %(event)s has changed.", event="Fair"),
            subject=stored_text.gettext("Your agenda for %(event)s", event="Fair"),
            kind=kind,
        )
    assert list(Mail.objects.values_list("kind", flat=True)) == ["agenda"]
    assert Notification.objects.filter(user=user).count() == 2
    page = german_client.get(reverse("portal:settings")).content.decode()
    assert 'value="request"' in page


def test_switching_a_kind_on_again_unmutes_it(german_client, german):
    german_client.post(reverse("portal:mail_kinds"), {"receive": []})
    german_client.post(
        reverse("portal:mail_kinds"),
        {"receive": ["request", "agenda", "feedback", "messages", "campaign", "reminder"]},
    )
    assert not MutedKind.objects.exists()


def test_an_unknown_kind_is_refused_and_changes_nothing(german_client):
    response = german_client.post(
        reverse("portal:mail_kinds"), {"receive": ["invitation"]}, follow=True
    )
    assert "Choose among the kinds of e-mail listed." in response.content.decode()
    assert not MutedKind.objects.exists()


def test_nobody_signed_out_changes_mail_choices(client):
    response = client.post(reverse("portal:mail_kinds"), {"receive": []})
    assert response.status_code == 302
    assert "/login" in response["Location"] or "next=" in response["Location"]
