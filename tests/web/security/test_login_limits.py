"""Login and password-reset limits: keyed on the normalised name, on every login form,
slowing guessers down without letting strangers lock anyone out (issue 11, finding 4).

Time passes by moving the stored counters back; no test waits.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.db.models import F
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from matchfair.web.security.addresses import client_network
from matchfair.web.security.login_keys import account_key
from matchfair.web.security.login_limits import count_attempt
from matchfair.web.security.models import AttemptCounter

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
STRANGER = "198.51.100.66"
OFFICE = "203.0.113.9"


@pytest.fixture(autouse=True)
def _limits(settings):
    """Small limits, and a fast hasher: tests make dozens of password checks."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MATCHFAIR_LOGIN_ATTEMPTS = 3
    settings.MATCHFAIR_LOGIN_DELAY_SECONDS = 60
    settings.MATCHFAIR_LOGIN_MAX_DELAY_SECONDS = 900
    settings.MATCHFAIR_LOGIN_WINDOW_SECONDS = 86400
    settings.MATCHFAIR_RESET_REQUESTS_PER_ADDRESS = 5
    settings.MATCHFAIR_RESET_MAILS_PER_RECIPIENT = 3


@pytest.fixture
def victim():
    return get_user_model().objects.create_user(
        "victim", email="victim@example.org", password=PASSWORD, is_staff=True
    )


def _pass(seconds: float) -> None:
    """Let ``seconds`` go by for every counter."""
    shift = timedelta(seconds=seconds)
    AttemptCounter.objects.update(first_at=F("first_at") - shift, last_at=F("last_at") - shift)


def _login(browser: Client, username: str, password: str, path: str = "/login/"):
    return browser.post(path, {"username": username, "password": password})


def _fail(times: int, username: str, address: str = STRANGER, path: str = "/login/") -> None:
    browser = Client(REMOTE_ADDR=address)
    for _attempt in range(times):
        assert _login(browser, username, "guess", path).status_code == 200


def _logged_in(response) -> bool:
    return response.status_code == 302


def _waits(response, seconds: int) -> bool:
    """Refused with 429, to be tried again in ``seconds`` (less the time the test took)."""
    return response.status_code == 429 and seconds - 5 < int(response["Retry-After"]) <= seconds


def test_the_admin_login_is_limited_too(victim):
    _fail(3, "victim", path="/admin/login/")
    refused = _login(Client(REMOTE_ADDR=STRANGER), "victim", PASSWORD, "/admin/login/")
    assert _waits(refused, 60)
    assert "Too many login attempts" in refused.content.decode()
    assert "_auth_user_id" not in refused.wsgi_request.session


@pytest.mark.parametrize("variant", ["victim ", " victim", "ｖｉｃｔｉｍ", "Victim"])
def test_a_spaced_full_width_or_recased_name_counts_as_the_account(victim, variant: str):
    _fail(3, "victim")
    assert _login(Client(REMOTE_ADDR=STRANGER), variant, PASSWORD).status_code == 429


@pytest.mark.parametrize("variant", ["victim ", "ｖｉｃｔｉｍ"])
def test_failures_under_a_variant_hold_back_the_plain_name(victim, variant: str):
    _fail(3, variant)
    assert _login(Client(REMOTE_ADDR=STRANGER), "victim", PASSWORD).status_code == 429


def test_the_wait_doubles_with_each_failure_up_to_the_cap_and_then_the_login_works(
    victim, settings
):
    settings.MATCHFAIR_LOGIN_MAX_DELAY_SECONDS = 480
    browser = Client(REMOTE_ADDR=STRANGER)
    _fail(3, "victim")
    for expected in [60, 120, 240, 480, 480]:
        assert _waits(_login(browser, "victim", PASSWORD), expected)
        _pass(expected)
        assert _login(browser, "victim", "guess").status_code == 200
    _pass(480)
    assert _logged_in(_login(browser, "victim", PASSWORD))


def test_a_count_is_forgotten_after_a_quiet_window(victim, settings):
    _fail(3, "victim")
    _pass(settings.MATCHFAIR_LOGIN_WINDOW_SECONDS + 1)
    _fail(2, "victim")
    assert _logged_in(_login(Client(REMOTE_ADDR=STRANGER), "victim", PASSWORD))


def test_strangers_failures_do_not_hold_back_the_owners_known_browser(victim):
    own = Client(REMOTE_ADDR=OFFICE)
    assert _logged_in(_login(own, "victim", PASSWORD))
    own.post(reverse("portal:logout"))
    answers = {
        _login(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), "victim", "guess").status_code
        for n in range(20)
    }
    assert answers == {200, 429}
    assert _login(Client(REMOTE_ADDR="192.0.2.1"), "victim", PASSWORD).status_code == 429
    assert _logged_in(_login(own, "victim", PASSWORD))


def test_fifty_failures_from_an_address_do_not_lock_out_an_organizer_behind_it(victim):
    organizer = Client(REMOTE_ADDR=OFFICE)
    assert _logged_in(_login(organizer, "victim", PASSWORD))
    organizer.post(reverse("portal:logout"))
    browser = Client(REMOTE_ADDR=OFFICE)
    for n in range(30):
        assert _login(browser, f"someone-{n}", "guess").status_code == 200
    assert _login(browser, "someone-else", "guess").status_code == 429
    assert _logged_in(_login(organizer, "victim", PASSWORD))
    assert _logged_in(_login(Client(REMOTE_ADDR="192.0.2.1"), "victim", PASSWORD))


def test_the_known_browser_has_its_own_limit(victim):
    own = Client(REMOTE_ADDR=OFFICE)
    assert _logged_in(_login(own, "victim", PASSWORD))
    own.post(reverse("portal:logout"))
    for _attempt in range(3):
        assert _login(own, "victim", "guess").status_code == 200
    assert _login(own, "victim", PASSWORD).status_code == 429
    assert _logged_in(_login(Client(REMOTE_ADDR="192.0.2.1"), "victim", PASSWORD))


def test_a_forged_device_cookie_is_a_stranger(victim):
    _fail(3, "victim")
    forger = Client(REMOTE_ADDR="192.0.2.1")
    forger.cookies["matchfair_device"] = "victim:1234"
    assert _login(forger, "victim", PASSWORD).status_code == 429


def test_logins_do_not_count_as_failures(victim):
    for _login_number in range(5):
        assert _logged_in(_login(Client(REMOTE_ADDR=STRANGER), "victim", PASSWORD))
    assert _login(Client(REMOTE_ADDR=STRANGER), "victim", "guess").status_code == 200


def test_an_attempt_counts_before_its_password_is_checked():
    """Parallel attempts cannot all slip into the gap after a wait: each is counted first."""
    keys = {"login-account:victim": 1}
    assert count_attempt(keys) == 0
    assert count_attempt(keys) == pytest.approx(60, abs=5)


def test_a_password_reset_through_the_mail_lets_the_owner_in_at_once(victim):
    _fail(3, "victim")
    browser = Client(REMOTE_ADDR="192.0.2.1")
    assert _login(browser, "victim", PASSWORD).status_code == 429
    browser.post(reverse("portal:password_reset"), {"email": "victim@example.org"})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    form_page = browser.get(link, follow=True)
    new = "Another-l0ng-password"
    browser.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert _logged_in(_login(browser, "victim", new))


def test_a_welcome_link_lets_the_invited_person_in_at_once(victim):
    _fail(3, "victim")
    uid = urlsafe_base64_encode(force_bytes(victim.pk))
    link = reverse("portal:welcome", args=[uid, default_token_generator.make_token(victim)])
    browser = Client(REMOTE_ADDR="192.0.2.1")
    form_page = browser.get(link, follow=True)
    new = "Another-l0ng-password"
    browser.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert _logged_in(_login(browser, "victim", new))
    assert _login(Client(REMOTE_ADDR="192.0.2.1"), "victim", new).status_code == 429


def test_reset_mails_to_one_person_are_capped_per_hour(victim):
    for n in range(23):
        asked = Client(REMOTE_ADDR=f"198.51.100.{n + 1}").post(
            reverse("portal:password_reset"), {"email": "Victim@Example.org"}
        )
        assert asked.status_code == 302
    assert len(mail.outbox) == 3
    _pass(3601)
    Client(REMOTE_ADDR=STRANGER).post(
        reverse("portal:password_reset"), {"email": "victim@example.org"}
    )
    assert len(mail.outbox) == 4


def test_reset_requests_from_one_address_are_capped_alike_for_known_and_unknown_accounts(victim):
    browser = Client(REMOTE_ADDR=STRANGER)
    emails = ["victim@example.org", "nobody@example.org"] * 3
    answers = [
        browser.post(reverse("portal:password_reset"), {"email": e}).status_code for e in emails
    ]
    assert answers == [302, 302, 302, 302, 302, 429]
    refused = browser.post(reverse("portal:password_reset"), {"email": "victim@example.org"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 3500
    assert "Too many password reset requests" in refused.content.decode()
    assert (
        Client(REMOTE_ADDR=OFFICE)
        .post(reverse("portal:password_reset"), {"email": "nobody@example.org"})
        .status_code
        == 302
    )
    _pass(3601)
    assert (
        browser.post(reverse("portal:password_reset"), {"email": "x@example.org"}).status_code
        == 302
    )


def test_names_are_keyed_as_the_login_form_normalises_them():
    assert {account_key(name) for name in ["victim", " victim ", "ｖｉｃｔｉｍ", "VICTIM"]} == {
        "victim"
    }


def test_an_ipv6_client_is_counted_by_its_64_network():
    def network(address: str) -> str | None:
        return client_network(RequestFactory(REMOTE_ADDR=address).get("/login/"))

    assert network("2001:db8:1:2::1") == network("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert network("::ffff:192.0.2.7") == "192.0.2.7"
    assert network("not an address") is None


def test_the_refusals_speak_the_visitors_language(victim):
    _fail(3, "victim")
    german = Client(REMOTE_ADDR=STRANGER, HTTP_ACCEPT_LANGUAGE="de")
    assert (
        "Versuchen Sie es in 60 Sekunden erneut"
        in _login(german, "victim", PASSWORD).content.decode()
    )
    for _request in range(5):
        german.post(reverse("portal:password_reset"), {"email": "nobody@example.org"})
    refused = german.post(reverse("portal:password_reset"), {"email": "nobody@example.org"})
    assert "Versuchen Sie es in 60 Minuten erneut" in refused.content.decode()
