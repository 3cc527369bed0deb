"""Every string of the web interface is in the four languages: none waits for a translator.

tests/test_translations.py checks that each committed catalog is complete and compiled;
this test checks the catalogs against the source: it extracts the messages of every
template and Python module of the web interface (as ``makemessages`` does) into a
copy of the catalogs, and fails naming each message that a catalog lacks. The
reports app keeps a catalog of its own (its renderer runs without project settings)
and is left to its tests; modules that translate through ``matchfair.i18n`` (the
event file's format errors) belong to the ``matchfair`` catalog, see
docs/translations.md.
"""

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.test import override_settings

import matchfair.web

WEB = Path(matchfair.web.__file__).parent
LANGUAGES = ["zh_Hans", "de", "fr"]
OWN_CATALOGS = ["reports/*"]
ENGINE_DOMAIN = sorted(
    str(path.relative_to(WEB))
    for path in WEB.rglob("*.py")
    if re.search(r"from matchfair\.i18n import .*\b(gettext|ngettext)\b", path.read_text())
)
"""Web modules whose messages are in the ``matchfair`` domain's catalog, not Django's."""


def _untranslated(catalog: Path) -> list[str]:
    with catalog.open("rb") as handle:
        messages = read_po(handle)
    return [
        str(message.id)
        for message in messages
        if message.id
        and (
            message.fuzzy
            or not (all(message.string) if isinstance(message.string, tuple) else message.string)
        )
    ]


def test_every_message_of_the_source_is_translated(tmp_path, monkeypatch):
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext (Debian package gettext) is needed to extract the messages")
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[]):
        call_command(
            "makemessages",
            locale=LANGUAGES,
            ignore_patterns=OWN_CATALOGS + ENGINE_DOMAIN,
            no_location=True,
            verbosity=0,
        )
    missing = {
        language: _untranslated(copy / "locale" / language / "LC_MESSAGES" / "django.po")
        for language in LANGUAGES
    }
    assert missing == {language: [] for language in LANGUAGES}
