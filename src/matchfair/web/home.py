"""The MATCHFAIR_HOME folder: the SQLite database and the secret key of one installation.

Read before Django's settings exist (the command line creates the folder and the
key first), so it depends on nothing but the environment.
"""

import os
import secrets
from pathlib import Path


def matchfair_home() -> Path:
    """$MATCHFAIR_HOME, default ~/.matchfair."""
    return Path(os.environ.get("MATCHFAIR_HOME", "~/.matchfair")).expanduser()


def secret_key_file() -> Path:
    return matchfair_home() / "secret-key"


def ensure_secret_key() -> None:
    """Keep one secret key in MATCHFAIR_HOME so that logins survive a restart of the server."""
    if os.environ.get("MATCHFAIR_SECRET_KEY") or secret_key_file().is_file():
        return
    path = secret_key_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    path.chmod(0o600)
