"""Every string of the web interface is in the four languages: none waits for a translator.

tests/test_translations.py checks that each committed catalog is complete and compiled;
this test checks the catalogs against the source: it extracts the messages of every
template and Python module of the web interface (as ``makemessages`` does) into a
copy of the catalogs, and fails naming each message that a catalog lacks. The
reports and outcomes apps keep catalogs of their own and are left to their tests.
"""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.test import override_settings

import matchfair.web

WEB = Path(matchfair.web.__file__).parent
LANGUAGES = ["zh_Hans", "de", "fr"]
OWN_CATALOGS = ["reports/*", "outcomes/*"]


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
            ignore_patterns=OWN_CATALOGS,
            no_location=True,
            verbosity=0,
        )
    missing = {
        language: _untranslated(copy / "locale" / language / "LC_MESSAGES" / "django.po")
        for language in LANGUAGES
    }
    assert missing == {language: [] for language in LANGUAGES}
