"""E-mails are written in the account's language: the browser's until the person chooses.

An invited person never filled in a sign-up form, so their account had English whatever
their browser reads (issue 13). Their first sign-in now takes the language the pages
were shown in; a choice made at sign-up, in Settings or in the language menu is kept.
"""

import pytest
from django.core import mail
from django.urls import reverse

from matchfair.web import stored_text
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.notify.domain.personal import settings_of
from matchfair.web.notify.models import PersonalSettings
from tests.web import factories

pytestmark = pytest.mark.django_db


def _sign_in(client, username: str, reader: str | None) -> None:
    headers = {"HTTP_ACCEPT_LANGUAGE": reader} if reader else {}
    response = client.post(
        reverse("portal:login"),
        {"username": username, "password": factories.PASSWORD},
        **headers,
    )
    assert response.status_code == 302


@pytest.fixture
def invited(fair):
    """A delegate an organizer added: an account with a password and no settings yet."""
    participation = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example"
    )
    user = factories.delegate(participation, "li.wei")
    user.set_password(factories.PASSWORD)
    user.save()
    return participation, user


def _language(user) -> tuple[str, bool]:
    personal = settings_of(user)
    return personal.language, personal.language_known


def test_the_first_sign_in_takes_the_browsers_language_for_emails(
    client, invited, django_capture_on_commit_callbacks
):
    participation, user = invited
    _sign_in(client, "li.wei", "zh-CN,zh;q=0.9,en;q=0.5")
    assert _language(user) == ("zh-hans", True)
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            participation,
            stored_text.gettext("Your agenda for %(event)s has changed.", event="Fair"),
            subject=stored_text.gettext("Your agenda for %(event)s", event="Fair"),
            kind="agenda",
        )
    sent = {message.to[0]: message for message in mail.outbox}
    assert "日程" in sent[user.email].subject


def test_a_later_sign_in_in_another_language_changes_nothing(client, invited):
    _participation, user = invited
    _sign_in(client, "li.wei", "de")
    client.logout()
    _sign_in(client, "li.wei", "fr")
    assert _language(user) == ("de", True)


def test_the_language_chosen_at_sign_up_is_kept(client, german):
    _sign_in(client, "anna@sonnenwerk.example", "fr")
    assert _language(factories.user_of(german)) == ("de", True)


def test_a_browser_that_names_no_language_chooses_nothing(client, invited):
    _participation, user = invited
    _sign_in(client, "li.wei", None)
    assert _language(user) == ("en", False)


def test_the_language_menu_sets_the_accounts_language(german, german_client):
    response = german_client.post(
        reverse("portal:switch_language"), {"language": "zh-hans", "next": "/my/settings/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/my/settings/"
    assert response.cookies["django_language"].value == "zh-hans"
    assert _language(factories.user_of(german)) == ("zh-hans", True)


def test_the_language_menu_works_signed_out_and_refuses_unknown_languages(client, german_client):
    assert client.post(reverse("portal:switch_language"), {"language": "de"}).status_code == 302
    german_client.post(reverse("portal:switch_language"), {"language": "xx"})
    assert PersonalSettings.objects.get(user__username="anna@sonnenwerk.example").language == "de"


def test_saving_the_settings_makes_the_language_the_persons(client_for, invited):
    _participation, user = invited
    client_for(user).post(reverse("portal:settings"), {"timezone": "", "language": "fr"})
    assert _language(user) == ("fr", True)
