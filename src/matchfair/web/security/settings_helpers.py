"""Settings that depend on how Matchfair is deployed: the secret key and HTTPS.

The secret key comes from ``MATCHFAIR_SECRET_KEY``; without it, one is generated
once and stored (readable by its owner only) in MATCHFAIR_HOME, so sessions and
invitation links survive a restart and no key is ever written in the code.
"""

import os
from pathlib import Path

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
        # The reverse proxy that ends TLS says so in this header.
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    }
