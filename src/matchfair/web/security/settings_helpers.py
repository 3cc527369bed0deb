"""Settings that depend on how Matchfair is deployed: the secret key, HTTPS, the trusted proxy.

The secret key comes from ``MATCHFAIR_SECRET_KEY``; without it, one is generated
once and stored (readable by its owner only) in MATCHFAIR_HOME, so sessions and
invitation links survive a restart and no key is ever written in the code.
"""

import ipaddress
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from matchfair.web.home import ensure_secret_key, secret_key_file

HSTS_SECONDS = 365 * 24 * 3600


def secret_key() -> str:
    if key := os.environ.get("MATCHFAIR_SECRET_KEY"):
        return key
    ensure_secret_key()
    return Path(secret_key_file()).read_text(encoding="utf-8").strip()


def https_settings(enabled: bool) -> dict[str, object]:
    """Behind HTTPS (``MATCHFAIR_HTTPS=1``): secure cookies, redirect to https, HSTS for a year."""
    if not enabled:
        return {}
    return {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": HSTS_SECONDS,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        # No SECURE_PROXY_SSL_HEADER: Django would then believe X-Forwarded-Proto from
        # any client. The WSGI server decides instead, from the trusted proxy only
        # (waitress: MATCHFAIR_TRUSTED_PROXY; gunicorn: --forwarded-allow-ips), and
        # sets the request's scheme.
    }


TRUSTED_PROXY_HEADERS = frozenset({"x-forwarded-proto", "x-forwarded-for"})
"""What the trusted proxy may tell: the client's scheme (https) and its address."""


def trusted_proxy(value: str) -> str | None:
    """The address of the reverse proxy whose X-Forwarded-* headers are believed, or None.

    ``MATCHFAIR_TRUSTED_PROXY`` names one address, as waitress takes it (``*`` trusts
    every peer: only when nothing but the proxy can reach the server).
    """
    value = value.strip()
    if not value:
        return None
    if value != "*":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            raise ImproperlyConfigured(
                f"MATCHFAIR_TRUSTED_PROXY={value!r} is not an IP address (nor '*')"
            ) from None
    return value


def waitress_proxy_options(proxy: str | None) -> dict[str, object]:
    """waitress's options for ``proxy``: its headers are believed, anyone else's are removed.

    Without a trusted proxy waitress removes every X-Forwarded-* header, so that
    ``MATCHFAIR_HTTPS=1`` behind a proxy would redirect to https for ever; with one,
    a request from it that says https is https, and no other client can say so.
    """
    if proxy is None:
        return {}
    return {
        "trusted_proxy": proxy,
        "trusted_proxy_headers": set(TRUSTED_PROXY_HEADERS),
        "clear_untrusted_proxy_headers": True,
    }
