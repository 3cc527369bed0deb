"""Security headers, CSRF on the pages, the secret key's origin (login limits: test_login_limits)."""

import stat

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from matchfair.web.security.settings_helpers import https_settings, secret_key

pytestmark = pytest.mark.django_db


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
