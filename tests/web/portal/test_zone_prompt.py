"""Online participants are asked once for their browser's time zone; on site, nobody is.

The zone itself comes from the browser (``portal/zone-prompt.js``; the browser test
``test_zone_prompt_browser.py`` drives it); here the form is posted as the script fills it.
"""

import pytest
from django.urls import reverse

from matchfair.web.notify.models import PersonalSettings
from tests.web import factories

pytestmark = pytest.mark.django_db

PROMPT = "data-zone-prompt"


@pytest.fixture
def online(fair):
    return factories.participant(
        fair,
        name="Remote Analytics",
        country="US",
        email="ray@remote.example",
        timezone="",
        attendance="online",
    )


@pytest.fixture
def online_client(online, client_for):
    return client_for(factories.user_of(online))


def _agenda(client, participation, reader: str = "en") -> str:
    response = client.get(
        reverse("portal:agenda", args=[participation.pk]), HTTP_ACCEPT_LANGUAGE=reader
    )
    assert response.status_code == 200
    return response.content.decode()


def _answer(client, participation, **fields: str):
    back = reverse("portal:agenda", args=[participation.pk])
    return client.post(reverse("portal:answer_zone"), {"next": back, **fields})


def test_an_online_participant_without_a_zone_is_asked_on_agenda_and_home(online, online_client):
    assert PROMPT in _agenda(online_client, online)
    assert PROMPT in online_client.get(reverse("portal:home")).content.decode()


def test_taking_the_browsers_zone_stores_it_and_the_agenda_follows(online, online_client):
    response = _answer(online_client, online, use="1", zone="America/New_York")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:agenda", args=[online.pk])
    personal = PersonalSettings.objects.get(user=factories.user_of(online))
    assert personal.timezone == "America/New_York"
    assert personal.zone_asked
    html = _agenda(online_client, online)
    assert PROMPT not in html
    assert "America/New_York" in html


def test_keeping_the_events_zone_is_an_answer_too(online, online_client):
    _answer(online_client, online, zone="America/New_York")
    personal = PersonalSettings.objects.get(user=factories.user_of(online))
    assert personal.timezone == ""
    assert personal.zone_asked
    html = _agenda(online_client, online)
    assert PROMPT not in html
    assert "Europe/Berlin" in html


def test_an_unknown_zone_is_refused_by_name_and_the_question_stays(online, online_client):
    response = _answer(online_client, online, use="1", zone="Mars/Olympus_Mons")
    assert response.status_code == 302
    html = _agenda(online_client, online)
    assert "Mars/Olympus_Mons is not a time zone this server knows" in html
    assert PROMPT in html
    assert PersonalSettings.objects.get(user=factories.user_of(online)).timezone == ""


def test_the_answer_never_leads_off_the_site(online, online_client):
    response = online_client.post(
        reverse("portal:answer_zone"), {"next": "https://evil.example/", "zone": ""}
    )
    assert response["Location"] == reverse("portal:settings")


def test_on_site_participants_and_those_who_chose_are_not_asked(german, german_client, french):
    assert PROMPT not in _agenda(german_client, german)
    # The French winery takes part online but chose Europe/Paris when it signed up.
    french_client = german_client.__class__()
    french_client.force_login(factories.user_of(french))
    assert PROMPT not in _agenda(french_client, french)


def test_saving_the_settings_page_answers_the_question(online, online_client):
    online_client.post(reverse("portal:settings"), {"timezone": "", "language": "en"})
    assert PROMPT not in _agenda(online_client, online)


@pytest.mark.parametrize(
    ("reader", "words"),
    [("de", "Meine Zeitzone verwenden"), ("zh-hans", "使用我的时区")],
)
def test_the_question_reads_in_the_participants_language(
    online, online_client, reader: str, words: str
):
    assert words in _agenda(online_client, online, reader)
