"""One validation for every way in (#13), as a property: random edits through every page
form, API write and import, then the event file export, the report (page and PDF), a
scheduler run and a recommendation run either succeed or refuse naming the row and the
field; nothing answers 500 or raises a bare traceback.

Every way in validates with the ``core`` rules, so while the edits go through pages,
the API and the imports, the export and the report must succeed outright. Rows saved
behind the rules' back (the administration's form, or an old database: written here
with a queryset ``update``) may make them refuse, but only with a 409 that names the
row and the field, and a run only with an explained error (``jobs.domain.states``).

Each example runs in a transaction rolled back at its end, on the shared test event
of ``factories.build_world``; the seed is fixed (``derandomize``) and the examples few,
so the test is the same on every machine and takes seconds. It does not shrink a
failing example: an example is a handful of requests, readable as it is, and shrinking
one took minutes.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from matchfair.web.directory.forms import ParticipationForm
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.eventday.badge_tokens import sign_badge
from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.models import Badge
from matchfair.web.events.models import Interpreter, Session
from matchfair.web.jobs import runners
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.domain.states import EXPLAINED_ERRORS
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.models import MeetingRequest
from tests.web.documents import full_event_data
from tests.web.factories import World

pytestmark = pytest.mark.django_db

# Values a person could type: good ones, near misses, and hostile ones.
CODES = st.sampled_from(
    ["en", "zh", "de", "sv", "da", "dk", "xx", "EN", "e n", "中文", "", "en,da"]
)
WORDS = st.one_of(
    st.sampled_from(
        ["Energy", "circular economy", "<script>x</script>", "a\nb", "x" * 600, "\x00"]
    ),
    st.text(max_size=20),
)
NUMBERS = st.sampled_from(["1", "3", "0", "-1", "x", "", "99999999999999999999"])
ATTENDANCE = st.sampled_from(["onsite", "online", "elsewhere", ""])
COUNTRIES = st.sampled_from(["DK", "cn", "UK", "XX", "", "D"])
KINDS = st.sampled_from(["company", "university", "pirate", ""])
OPPORTUNITY_KINDS = st.sampled_from(["offer", "request", "swap", ""])
TYPES = st.sampled_from(["technology", "research", "other", "magic", ""])
JSON_VALUES = st.one_of(
    st.lists(CODES, max_size=3), WORDS, st.integers(-5, 5), st.none(), st.booleans()
)


@dataclass
class Walk:
    """The event and its people, and whether an edit went behind the rules' back."""

    world: World
    clients: dict[str, Client]
    raw: bool = False
    answers: list[tuple[str, int]] = field(default_factory=list)

    def client(self, who: str) -> Client:
        return self.clients[who]

    def answered(self, what: str, status: int) -> None:
        assert status < 500, f"{what} answered {status}"
        self.answers.append((what, status))


def _text(values: list[str]) -> str:
    return ", ".join(values)


def profile_page(walk: Walk, draw: Callable[..., Any]) -> None:
    """The participant's profile form."""
    participation = walk.world.smart_eye
    response = walk.client("smart_eye").post(
        reverse("portal:profile", args=[participation.pk]),
        {
            "description": draw(WORDS),
            "sectors": _text(draw(st.lists(WORDS, max_size=3))),
            "languages": _text(draw(st.lists(CODES, max_size=3))),
            "attendance": draw(ATTENDANCE),
        },
    )
    walk.answered("profile page", response.status_code)


def organization_page(walk: Walk, draw: Callable[..., Any]) -> None:
    """The organizer's edit of an organization: some fields changed, the rest as shown."""
    participation = draw(
        st.sampled_from([walk.world.tegnology, walk.world.tsinghua, walk.world.smart_eye])
    )
    participation.refresh_from_db()
    data = {
        key: ("" if value is None else value)
        for key, value in ParticipationForm.initial_of(participation).items()
    }
    changes = {
        "name": WORDS,
        "country": COUNTRIES,
        "kind": KINDS,
        "code": st.sampled_from(["tegnology", "new-id", "bad id", ""]),
        "attendance": ATTENDANCE,
        "delegates": NUMBERS,
        "languages": st.lists(CODES, max_size=3).map(_text),
        "sectors": st.lists(WORDS, max_size=3).map(_text),
        "description": WORDS,
    }
    for key in draw(st.lists(st.sampled_from(sorted(changes)), max_size=3, unique=True)):
        data[key] = draw(changes[key])
    response = walk.client("organizer").post(
        reverse("orga:edit_organization", args=[walk.world.event.pk, participation.pk]), data
    )
    walk.answered("organization page", response.status_code)


def opportunity_page(walk: Walk, draw: Callable[..., Any]) -> None:
    """The participant's new opportunity form."""
    response = walk.client("smart_eye").post(
        reverse("portal:new_opportunity", args=[walk.world.smart_eye.pk]),
        {
            "kind": draw(OPPORTUNITY_KINDS),
            "type": draw(TYPES),
            "title": draw(WORDS),
            "description": draw(WORDS),
            "sectors": _text(draw(st.lists(WORDS, max_size=2))),
        },
    )
    walk.answered("opportunity page", response.status_code)


def session_page(walk: Walk, draw: Callable[..., Any]) -> None:
    """The organizer's session edit: times in any order, slots of any length."""
    session = Session.objects.get(event=walk.world.event, code="day2-online")
    start = session.start + timedelta(minutes=draw(st.integers(-600, 600)))
    end = start + timedelta(minutes=draw(st.integers(-120, 240)))
    response = walk.client("organizer").post(
        reverse("orga:edit_session", args=[walk.world.event.pk, session.pk]),
        {
            "code": draw(st.sampled_from(["day2-online", "day1-pm", "new", ""])),
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": end.strftime("%Y-%m-%dT%H:%M"),
            "slot_minutes": draw(NUMBERS),
            "gap_minutes": draw(NUMBERS),
            "mode": draw(st.sampled_from(["online", "hybrid", "onsite", "moon"])),
        },
    )
    walk.answered("session page", response.status_code)


def _api(walk: Walk, who: str, method: str, path: str, body: dict[str, Any]) -> None:
    call = getattr(walk.client(who), method)
    response = call(path, json.dumps(body), content_type="application/json")
    walk.answered(f"API {method} {path}", response.status_code)


def api_profile(walk: Walk, draw: Callable[..., Any]) -> None:
    """PATCH an organization, as the organizer or as a participant, with any JSON."""
    keys = ["name", "country", "kind", "code", "languages", "sectors", "attendance", "delegates"]
    body = {
        key: draw(JSON_VALUES)
        for key in draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
    }
    who = draw(st.sampled_from(["organizer", "smart_eye"]))
    participation = walk.world.smart_eye
    _api(
        walk,
        who,
        "patch",
        f"/api/events/{walk.world.event.pk}/organizations/{participation.pk}",
        body,
    )


def api_availability(walk: Walk, draw: Callable[..., Any]) -> None:
    """PATCH when an organization can meet: windows in any order, or none."""
    base = walk.world.published.start
    windows = [
        {
            "start": (base + timedelta(hours=draw(st.integers(-30, 30)))).isoformat(),
            "end": (base + timedelta(hours=draw(st.integers(-30, 30)))).isoformat(),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    body = {"availability": draw(st.sampled_from([windows, None, "soon"]))}
    participation = draw(st.sampled_from([walk.world.tegnology, walk.world.smart_eye]))
    path = f"/api/events/{walk.world.event.pk}/organizations/{participation.pk}"
    _api(walk, "organizer", "patch", path, body)


def api_interpreter(walk: Walk, draw: Callable[..., Any]) -> None:
    """POST a new interpreter, or PATCH or DELETE the event's, with any JSON."""
    base = walk.world.published.start
    window = {
        "start": (base + timedelta(hours=draw(st.integers(-30, 30)))).isoformat(),
        "end": (base + timedelta(hours=draw(st.integers(-30, 30)))).isoformat(),
    }
    body = {
        "code": draw(st.sampled_from(["interp-1", "interp-2", "", "x y"])),
        "languages": draw(st.lists(CODES, max_size=3) | JSON_VALUES),
        "availability": draw(st.sampled_from([[window], None, "soon"])),
    }
    path = f"/api/events/{walk.world.event.pk}/interpreters"
    interpreter = Interpreter.objects.filter(event=walk.world.event).first()
    method = draw(st.sampled_from(["post", "patch", "delete"]))
    if method != "post" and interpreter is not None:
        path = f"{path}/{interpreter.pk}"
    elif method != "post":
        method = "post"
    _api(walk, "organizer", method, path, body)


def availability_page(walk: Walk, draw: Callable[..., Any]) -> None:
    """The participant's available times: any of the slots ticked, or a key that is none."""
    participation = walk.world.smart_eye
    session = Session.objects.get(event=walk.world.event, code="day1-pm")
    keys = [f"{session.pk}-{index}" for index in range(5)] + ["0-0", "x"]
    response = walk.client("smart_eye").post(
        reverse("portal:availability", args=[participation.pk]),
        {f"session_{session.pk}": draw(st.lists(st.sampled_from(keys), max_size=4))},
    )
    walk.answered("available times page", response.status_code)


def api_opportunity(walk: Walk, draw: Callable[..., Any]) -> None:
    """POST a new opportunity, PATCH or DELETE an existing one, with any JSON."""
    body = {
        key: draw(JSON_VALUES | OPPORTUNITY_KINDS | TYPES)
        for key in draw(
            st.lists(
                st.sampled_from(["kind", "type", "title", "sectors", "description"]),
                max_size=3,
                unique=True,
            )
        )
    }
    event = walk.world.event
    method = draw(st.sampled_from(["post", "patch", "delete"]))
    opportunity = Opportunity.objects.filter(event=event).first()
    if method == "post" or opportunity is None:
        _api(walk, "smart_eye", "post", f"/api/events/{event.pk}/opportunities", body)
    else:
        who = draw(st.sampled_from(["organizer", "smart_eye"]))
        path = f"/api/events/{event.pk}/opportunities/{opportunity.pk}"
        _api(walk, who, method, path, body)


def cancellation(walk: Walk, draw: Callable[..., Any]) -> None:
    """Withdraw the open request or cancel a meeting, through a page or the API, any reason."""
    world, event = walk.world, walk.world.event
    who = draw(st.sampled_from(["organizer", "smart_eye"]))
    reason = draw(WORDS)
    target = draw(st.sampled_from(["published", "draft", "request"]))
    if target == "request":
        asked = MeetingRequest.objects.get(requester=world.smart_eye, recipient=world.tsinghua)
        path = f"/requests/{asked.pk}/withdraw"
        page = (
            reverse("orga:cancel_request", args=[event.pk, asked.pk])
            if who == "organizer"
            else reverse("portal:withdraw_request", args=[world.smart_eye.pk, asked.pk])
        )
    else:
        meeting = getattr(world, target)
        path = f"/meetings/{meeting.pk}/cancel"
        page = (
            reverse("orga:cancel_meeting", args=[event.pk, meeting.pk])
            if who == "organizer"
            else reverse("portal:cancel_meeting", args=[world.smart_eye.pk, meeting.pk])
        )
    if draw(st.booleans()):
        _api(walk, who, "post", f"/api/events/{event.pk}{path}", {"reason": reason})
    else:
        response = walk.client(who).post(page, {"reason": reason})
        walk.answered(f"page {page}", response.status_code)


def spot_booking(walk: Walk, draw: Callable[..., Any]) -> None:
    """Book a meeting on the spot, by the API or the Meet now page, with any slot and partner."""
    world = walk.world
    partner = draw(st.sampled_from([world.tegnology, world.tsinghua, world.smart_eye]))
    start = world.published.start + timedelta(minutes=25 * draw(st.integers(-2, 4)))
    if draw(st.booleans()):
        body = {
            "partner": draw(st.sampled_from([partner.pk, 0, "x"])),
            "session": draw(st.sampled_from(["day1-pm", "day9", ""])),
            "start": draw(st.sampled_from([start.isoformat(), "soon", ""])),
        }
        _api(walk, "smart_eye", "post", f"/api/events/{world.event.pk}/spot", body)
        return
    session = Session.objects.filter(event=world.event).first()
    slot = draw(st.sampled_from([f"{session.pk}|{draw(st.integers(0, 9))}", "x|y", ""]))
    response = walk.client("smart_eye").post(
        reverse("portal:meet_partner", args=[world.smart_eye.pk, partner.pk]), {"slot": slot}
    )
    walk.answered("Meet now page", response.status_code)


def check_in(walk: Walk, draw: Callable[..., Any]) -> None:
    """Check a badge in at the desk or through the API: a real, forged or other event's token."""
    event = walk.world.event
    refresh_badges(event=event)
    badges = list(Badge.objects.filter(event=event))
    token = draw(
        st.sampled_from(
            [
                *(sign_badge(event_id=event.pk, badge_id=badge.pk) for badge in badges),
                "0-0:forged",
                f"{event.pk}-x",
                "",
            ]
        )
    )
    body = {"token": token, "desk": draw(st.sampled_from(["Entrance A", "", "x" * 120]))}
    if draw(st.booleans()):
        _api(walk, "organizer", "post", f"/api/events/{event.pk}/check-ins", body)
    else:
        response = walk.client("organizer").post(
            reverse("orga:check_in_scan", args=[event.pk]), body
        )
        walk.answered("check-in desk", response.status_code)


def spreadsheet_import(walk: Walk, draw: Callable[..., Any]) -> None:
    """A CSV of one organization row, uploaded and mapped as the organizer does."""
    row = [
        draw(WORDS).replace("\x00", ""),
        draw(COUNTRIES),
        _text(draw(st.lists(CODES, max_size=2))),
        draw(ATTENDANCE),
        draw(NUMBERS),
        draw(WORDS).replace("\x00", ""),
    ]
    header = ["Company", "Country", "Languages", "Attendance", "Parallel meetings", "Opportunity"]
    content = "\n".join(
        ",".join(json.dumps(cell, ensure_ascii=False) for cell in line) for line in (header, row)
    )
    client = walk.client("organizer")
    upload = client.post(
        reverse("orga:spreadsheet_upload", args=[walk.world.event.pk]),
        {"file": SimpleUploadedFile("people.csv", content.encode("utf-8"))},
    )
    walk.answered("spreadsheet upload", upload.status_code)
    if upload.status_code != 302:
        return
    mapping = {
        "name": "0",
        "country": "1",
        "languages": "2",
        "attendance": "3",
        "delegates": "4",
        "opportunity_title": "5",
    }
    walk.answered("spreadsheet mapping", client.post(upload["Location"], mapping).status_code)


def event_file_import(walk: Walk, draw: Callable[..., Any]) -> None:
    """An event file with one value of one organization replaced by anything."""
    data = full_event_data()
    organization = draw(st.sampled_from(data["organizations"]))
    key = draw(st.sampled_from(["languages", "country", "kind", "delegates", "name", "sectors"]))
    organization[key] = draw(JSON_VALUES)
    upload = SimpleUploadedFile("event.json", json.dumps(data).encode("utf-8"))
    response = walk.client("organizer").post(reverse("orga:import_event_file"), {"file": upload})
    walk.answered("event file import", response.status_code)


def behind_the_rules(walk: Walk, draw: Callable[..., Any]) -> None:
    """What the administration or an old database may hold: rows no rule checked (the
    administration's own form for an interpreter, a queryset ``update`` for the rest)."""
    event = walk.world.event
    walk.raw = True
    choice = draw(st.sampled_from(["interpreter", "session", "organization", "opportunity"]))
    if choice == "interpreter":
        interpreter = Interpreter.objects.get(event=event)
        response = walk.client("administrator").post(
            reverse("admin:events_interpreter_change", args=[interpreter.pk]),
            {
                "event": event.pk,
                "code": interpreter.code,
                "languages": json.dumps(draw(st.lists(CODES, max_size=3))),
                "availability": draw(st.sampled_from(["", "null", "[]", "{", '[{"start": 1}]'])),
                "position": interpreter.position,
                "_save": "Save",
            },
        )
        walk.answered("administration's interpreter form", response.status_code)
    elif choice == "session":
        session = Session.objects.get(event=event, code="day1-pm")
        Session.objects.filter(pk=session.pk).update(
            end=session.start - timedelta(minutes=draw(st.integers(0, 60)))
        )
    elif choice == "organization":
        Participation.objects.filter(pk=walk.world.tsinghua.pk).update(
            languages=draw(st.lists(CODES, max_size=3))
        )
    else:
        Opportunity.objects.filter(event=event).update(title="", kind=draw(OPPORTUNITY_KINDS))


EDITS = [
    profile_page,
    organization_page,
    opportunity_page,
    session_page,
    api_profile,
    api_availability,
    api_interpreter,
    availability_page,
    api_opportunity,
    cancellation,
    spot_booking,
    check_in,
    spreadsheet_import,
    event_file_import,
]


@pytest.fixture
def administrator(db) -> AbstractBaseUser:
    return get_user_model().objects.create_superuser("admin", "admin@example.org", None)


def _read_back(walk: Walk, who: str, name: str, url: str) -> None:
    """200, or (only after a write behind the rules' back) a 409 naming a row and field."""
    response = walk.client(who).get(url)
    walk.answered(name, response.status_code)
    if response.status_code == 409 and walk.raw:
        assert ": " in response.content.decode(errors="replace"), name
        return
    assert response.status_code == 200, f"{name}: {response.status_code} after {walk.answers}"


def _run(walk: Walk, kind: str, options: dict[str, object]) -> None:
    """A run either stores its result or fails with an error that says what to fix."""
    job = start_job(event=walk.world.event, kind=kind, options=options)
    job.refresh_from_db()
    try:
        runners.RUNNERS[kind](job, lambda progress: None)
    except EXPLAINED_ERRORS as error:
        refusal = str(error)
    else:
        return
    assert walk.raw, f"{kind} refused after {walk.answers}: {refusal}"
    assert ": " in refusal, refusal


@settings(
    max_examples=8,
    phases=[Phase.explicit, Phase.generate],
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_edits_never_end_in_a_server_error(
    world: World, client_for, administrator: AbstractBaseUser, data: st.DataObject
):
    users: dict[str, AbstractBaseUser] = {
        "organizer": world.organizer,
        "smart_eye": world.smart_eye_user,
        "administrator": administrator,
    }
    with transaction.atomic():
        walk = Walk(world, {name: client_for(user) for name, user in users.items()})
        edits = data.draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=4), label="edits")
        for edit in edits:
            edit(walk, data.draw)
        if data.draw(st.booleans(), label="behind the rules"):
            behind_the_rules(walk, data.draw)
        event = world.event.pk
        _read_back(walk, "organizer", "event file", reverse("orga:export_event", args=[event]))
        _read_back(walk, "organizer", "report", reverse("reports:event_report", args=[event]))
        _read_back(
            walk,
            "organizer",
            "report PDF",
            reverse("reports:event_report_file", args=[event, "zh", "pdf"]),
        )
        _run(walk, Job.Kind.SCHEDULE, {"time_limit": 2, "seed": 1})
        _run(walk, Job.Kind.RECOMMEND, {"encoder": "fake"})
        transaction.set_rollback(True)
