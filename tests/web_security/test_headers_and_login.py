"""Security headers, CSRF on the pages, login attempts rate limited, the secret key's origin."""

import stat

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from matchfair.web.security.login_limits import is_locked
from matchfair.web.security.models import LoginFailure
from matchfair.web.security.settings_helpers import https_settings, secret_key

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.mark.parametrize("path", ["/login/", "/api/openapi.json", "/api/docs"])
def test_every_answer_carries_the_security_headers(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_api_docs_load_nothing_from_elsewhere(client):
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "https://" not in page
    script = client.get("/static/ninja/swagger-ui-bundle.js")
    script.close()
    assert script.status_code == 200


def test_hsts_and_secure_cookies_behind_https(client):
    with override_settings(**https_settings(enabled=True)):
        response = client.get("/login/", secure=True)
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")
        assert client.get("/login/").status_code == 301
    assert https_settings(enabled=False) == {}


def test_page_forms_need_the_csrf_token():
    user = get_user_model().objects.create_user("organizer", is_staff=True)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    response = browser.post("/events/new/", {"name": "Fair", "code": "fair"})
    assert response.status_code == 403


def test_login_is_locked_after_repeated_failures_even_with_the_right_password(client, settings):
    settings.MATCHFAIR_LOGIN_ATTEMPTS = 3
    get_user_model().objects.create_user("delegate", password=PASSWORD)
    for _attempt in range(3):
        wrong = client.post("/login/", {"username": "delegate", "password": "guess"})
        assert wrong.status_code == 200
    locked = client.post("/login/", {"username": "Delegate", "password": PASSWORD})
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    other = Client().post("/login/", {"username": "someone-else", "password": "x"})
    assert other.status_code == 200


def test_many_names_from_one_address_are_locked_too(settings):
    settings.MATCHFAIR_LOGIN_ATTEMPTS = 2
    LoginFailure.objects.bulk_create(
        LoginFailure(username=f"name-{n}", address="203.0.113.9") for n in range(20)
    )
    assert is_locked("fresh-name", "203.0.113.9")
    assert not is_locked("fresh-name", "203.0.113.10")


def test_the_secret_key_comes_from_the_environment_or_a_private_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MATCHFAIR_SECRET_KEY", "from-the-environment")
    assert secret_key() == "from-the-environment"
    monkeypatch.delenv("MATCHFAIR_SECRET_KEY")
    monkeypatch.setenv("MATCHFAIR_HOME", str(tmp_path))
    generated = secret_key()
    assert len(generated) >= 50
    assert secret_key() == generated
    stored = tmp_path / "secret-key"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
