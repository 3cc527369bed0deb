"""The framework-free layers speak Chinese, German and French, and so do their reasons on the web.

The ``matchfair`` gettext domain (``matchfair.i18n``) has catalogs of its own:
tests/test_translations.py checks that each is complete and compiled; the first test
here checks them against the source, extracting every message as docs/translations.md
says, and fails naming the messages a catalog lacks. The others check that a
reason comes out in the language asked, and that a reason stored once (as its
message) reads in each reader's language.
"""

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import matchfair
from matchfair.core import MeetingRequest, parse_event
from matchfair.core.schedule import UnscheduledMeeting as ScheduleEntry
from matchfair.i18n import LOCALE_DIR, Message, gettext, use_language
from matchfair.matching.explain import requests_reasons, sectors_reason
from matchfair.scheduling import build_problem
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.reasons import not_accepted, unscheduled_reasons
from matchfair.web.directory.models import Participation
from matchfair.web.engine_language import EngineLanguageMiddleware
from matchfair.web.meetings.models import UnscheduledMeeting
from tests.web.factories import make_event, make_user

PACKAGE = Path(matchfair.__file__).parent
LANGUAGES = ["zh_Hans", "de", "fr"]
WEB_LANGUAGES = ["zh-hans", "de", "fr"]


def _sources() -> list[Path]:
    """The modules that translate through matchfair.i18n (the docs' grep, in Python)."""
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if any(
            line.startswith("from matchfair.i18n import")
            and any(word in line.split("import", 1)[1] for word in ("gettext", "message"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    )


def _extracted_ids(tmp_path: Path) -> set[str | tuple[str, ...]]:
    executable = shutil.which("xgettext")
    if executable is None:
        pytest.fail("xgettext (Debian package gettext) is needed to extract the messages")
    template = tmp_path / "matchfair.pot"
    subprocess.run(
        [
            executable,
            "--language=Python",
            "--from-code=UTF-8",
            "--keyword=ngettext:1,2",
            "--keyword=message",
            "--keyword=nmessage:1,2",
            "--no-location",
            "--omit-header",
            f"--output={template}",
            *map(str, _sources()),
        ],
        check=True,
        capture_output=True,
    )
    with template.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def _translated_ids(language: str) -> set[str | tuple[str, ...]]:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "matchfair.po").open("rb") as handle:
        catalog = read_po(handle)
    return {
        message.id
        for message in catalog
        if message.id
        and not message.fuzzy
        and (all(message.string) if isinstance(message.string, tuple) else message.string)
    }


def test_the_engines_and_the_command_line_are_extracted():
    names = {str(path.relative_to(PACKAGE)) for path in _sources()}
    assert {
        "scheduling/reasons.py",
        "matching/explain.py",
        "core/documents.py",
        "cli/app.py",
        "outcomes/money.py",
    } <= names


def test_every_message_of_the_source_is_translated_in_every_catalog(tmp_path):
    source = _extracted_ids(tmp_path)
    missing = {
        language: sorted(map(str, source - _translated_ids(language))) for language in LANGUAGES
    }
    assert missing == {language: [] for language in LANGUAGES}


def _organization(code: str, languages: list[str], **extra: object) -> dict[str, object]:
    return {"id": code, "name": code.upper(), "languages": languages, **extra}


@pytest.fixture(scope="module")
def crowded():
    """One on-site session of two slots and one table: a is wanted by everyone."""
    event = parse_event(
        {
            "format": "matchfair-event/1",
            "event": {
                "id": "crowded",
                "name": "Crowded",
                "tables": 1,
                "sessions": [
                    {
                        "id": "s0",
                        "start": "2026-11-23T09:00:00+00:00",
                        "end": "2026-11-23T09:40:00+00:00",
                        "slot_minutes": 20,
                        "mode": "onsite",
                    }
                ],
            },
            "organizations": [
                _organization("a", ["en"]),
                _organization("b", ["en"]),
                _organization("c", ["en"]),
                _organization("d", ["en"]),
                _organization(
                    "e",
                    ["en"],
                    availability=[
                        {"start": "2026-11-23T11:00:00+00:00", "end": "2026-11-23T12:00:00+00:00"}
                    ],
                ),
                _organization("f", ["zh"]),
                _organization("g", ["en"], attendance="online"),
            ],
            "meeting_requests": [
                {"from": first, "to": second, "status": "accepted"}
                for first, second in ["ab", "ac", "ad", "ae", "af", "ag", "bc"]
            ],
        }
    )
    built = build_problem(event)
    return event, built, greedy_schedule(built.problem)


def _reasons(crowded, language: str | None) -> dict[str, str]:
    event, built, placement = crowded
    reasons = unscheduled_reasons(event, built, placement)
    return {
        built.meetings[index].a + built.meetings[index].b: reason.render(language)
        for index, reason in reasons.items()
    }


def test_unscheduled_reasons_are_written_in_the_language_asked(crowded):
    english = _reasons(crowded, None)
    assert english["ae"] == "no common free slot: A and E are never available at the same time"
    assert english["bc"] == (
        "no common free slot: B is booked at s0 09:00; C is booked at s0 09:20;"
        " all tables are taken at s0 09:00, s0 09:20"
    )
    chinese = _reasons(crowded, "zh-hans")
    assert chinese["ae"] == "没有共同的空闲时段：A 和 E 从未同时有空"
    assert chinese["af"] == "没有 en-zh 的翻译"
    assert chinese["bc"] == (
        "没有共同的空闲时段：B 在 s0 09:00 已有安排；C 在 s0 09:20 已有安排；"
        "s0 09:00, s0 09:20 所有洽谈桌均已占用"
    )
    german = _reasons(crowded, "de")
    assert german["ag"] == "keine erlaubte Sitzung kann ein Online-Treffen aufnehmen"
    assert german["ad"] == "A ist in allen 2 möglichen Zeitfenstern ausgebucht (s0 09:00, s0 09:20)"


def test_reasons_name_organizations_not_their_ids(crowded):
    english = _reasons(crowded, None)
    assert english["ad"] == "A is fully booked in all 2 possible slots (s0 09:00, s0 09:20)"
    assert not any(text.startswith(("a ", "b ")) for text in english.values())


@pytest.mark.parametrize("language", [None, *WEB_LANGUAGES])
def test_a_reason_stored_once_reads_in_each_readers_language(crowded, language):
    event, built, placement = crowded
    stored = {
        index: reason.as_json()
        for index, reason in unscheduled_reasons(event, built, placement).items()
    }
    read = {
        built.meetings[index].a + built.meetings[index].b: Message.from_json(data).render(language)
        for index, data in stored.items()
    }
    assert read == _reasons(crowded, language)


def test_a_count_chooses_the_plural_form():
    one = Message(
        "{times} and {count} more", {"times": "x", "count": 1}, "{times} and {count} more"
    )
    assert one.render("de") == "x und 1 weiteres"
    many = Message(
        "{times} and {count} more", {"times": "x", "count": 4}, "{times} and {count} more"
    )
    assert many.render("de") == "x und 4 weitere"


def test_recommendation_reasons_follow_the_language_asked():
    with use_language("fr"):
        assert str(sectors_reason(["energy", "water"])) == "secteurs communs : energy, water"
    (accepted,) = requests_reasons(
        "a", "b", [MeetingRequest.model_validate({"from": "a", "to": "b", "status": "accepted"})]
    )
    assert accepted.render("de") == "Sie haben um ein Treffen gebeten (angenommen)"
    assert requests_reasons("a", "b", []) == []


def test_an_unknown_language_and_english_need_no_catalog():
    with use_language("pt-br"):
        assert gettext("no common free slot") == "no common free slot"
    with use_language("de-at"):
        assert gettext("no common free slot") == "kein gemeinsames freies Zeitfenster"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "没有共同的空闲时段"),
        ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "aucun créneau libre commun"),
        ({"LANG": "C.UTF-8"}, "no common free slot"),
    ],
)
def test_the_command_line_follows_the_environments_language(environment, expected):
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from matchfair.i18n import gettext; print(gettext('no common free slot'))",
        ],
        env={"PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert printed.strip() == expected


def test_each_thread_keeps_its_own_language():
    seen = {}

    def other_thread() -> None:
        with use_language("fr"):
            seen["fr"] = gettext("no common free slot")

    with use_language("de"):
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        seen["de"] = gettext("no common free slot")
    assert seen == {"fr": "aucun créneau libre commun", "de": "kein gemeinsames freies Zeitfenster"}


def test_the_engines_speak_the_language_of_the_request():
    middleware = EngineLanguageMiddleware(
        lambda request: HttpResponse(gettext("no common free slot"))
    )
    with translation.override("zh-hans"):
        response = middleware(RequestFactory().get("/"))
    assert response.content.decode() == "没有共同的空闲时段"


@pytest.mark.django_db
def test_the_schedule_page_shows_a_stored_reason_in_the_readers_language(client):
    organizer = make_user("organizer", staff=True)
    event = make_event(organizer)
    first, second = Participation.objects.filter(event=event).order_by("code")[:2]
    names = first.organization.name, second.organization.name
    reason = Message(
        "no common free slot: {a} and {b} are never available at the same time",
        {"a": names[0], "b": names[1]},
    )
    UnscheduledMeeting.objects.create(
        event=event, a=first, b=second, reason=reason.render(), message=reason.as_json()
    )
    client.force_login(organizer)
    page = reverse("orga:schedule", args=[event.pk])
    chinese = client.get(page, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert f"没有共同的空闲时段：{names[0]} 和 {names[1]} 从未同时有空" in chinese
    german = client.get(page, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert f"{names[0]} und {names[1]} sind nie gleichzeitig verfügbar" in german


@pytest.mark.django_db
def test_a_reason_stored_before_messages_shows_its_text(client):
    organizer = make_user("organizer", staff=True)
    event = make_event(organizer)
    first, second = Participation.objects.filter(event=event).order_by("code")[:2]
    UnscheduledMeeting.objects.create(event=event, a=first, b=second, reason="written by hand")
    client.force_login(organizer)
    page = client.get(reverse("orga:schedule", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="de")
    assert "written by hand" in page.content.decode()


def test_the_schedule_file_keeps_the_reasons_text_in_its_language_and_no_message(crowded):
    event, built, placement = crowded
    reason = next(iter(unscheduled_reasons(event, built, placement).values()))
    with use_language("de"):
        entry = ScheduleEntry.explained("a", "b", reason)
    assert entry.message == reason
    assert entry.model_dump(mode="json") == {"a": "a", "b": "b", "reason": reason.render("de")}


def test_a_requests_status_inside_a_reason_is_translated_too():
    reason = not_accepted("declined")
    assert reason.render("zh-hans") == "请求未被接受（状态：已拒绝）"
    assert reason.render("de") == "Anfrage nicht angenommen (Status: abgelehnt)"
