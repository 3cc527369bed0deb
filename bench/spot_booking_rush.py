"""Rush benchmark: 50 participants book on-the-spot meetings at once into the last 10 free tables.

Starts everything it needs on 127.0.0.1 and stops it again: a fresh PostgreSQL
database (``matchfair_spot_rush`` on the server of MATCHFAIR_DATABASE_URL, default the
dev script's), an event on its day (a session later today in the event's zone) with
30 tables, 20 of them already taken in the first slot by published meetings, and
100 more organizations on site: 50 bookers, each logged in, each with its own
partner; gunicorn serving Matchfair with the production settings of docs/web.md.

The 50 bookers pass a barrier and POST ``/api/events/{id}/spot`` for the same slot at
the same moment (one thread and connection each). Expected: exactly 10 answers 201,
each with a different table, and 40 answers 409 whose message says the tables are
taken; then the event is exported (``exchange.from_database``: the event file and the
schedule, published meetings included) and ``matchfair check`` must find no broken
rule. The baseline, in the same round on the same warm server: 10 of the refused
bookers then book the second slot one after another (all must succeed). Prints, per
round, the answers by status, the refusal messages, the tables given, the check's
verdict (which covers the baseline's meetings too), the latency (median, p95,
slowest) of the 50 answers of the rush, the median of a booking alone and their
ratio; the summary gives medians over ``--rounds`` rounds, each on a fresh event.
Exit 1 when any round breaks an expectation.

    .venv/bin/python bench/spot_booking_rush.py                # 5 rounds
    .venv/bin/python bench/spot_booking_rush.py --rounds 1 --workers 2 --threads 8
"""

import argparse
import json
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.bench_database import (  # noqa: E402  (after the path that makes ``bench`` importable)
    database_urls,
    drop_database,
    fresh_database,
)
from bench.web_load import _free_port, _wait_for_port  # noqa: E402

HOST = "127.0.0.1"
DEFAULT_SERVER = "postgresql://matchfair:matchfair@127.0.0.1:5432/matchfair"
DATABASE = "matchfair_spot_rush"
BOOKERS = 50
TABLES = 30
TAKEN = 20  # tables of the first slot that published meetings already hold
FREE = TABLES - TAKEN
SOLO = 10  # bookings of the baseline, one after another, into the second slot


def _run(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *arguments], env=env, check=True, cwd=ROOT)


def _zone_at_ten(now: datetime) -> str:
    """A fixed-offset zone where it is about 10:00 now, so the session is later *today* there."""
    hours = (10 - now.hour) % 24
    if hours > 14:
        hours -= 24
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def _document(now: datetime) -> dict[str, Any]:
    start = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    organizations = [
        {"id": f"org-{number}", "name": f"Organization {number}", "languages": ["en"]}
        for number in range(2 * BOOKERS + 2 * TAKEN)
    ]
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": "spot-rush",
            "name": "On-the-spot rush",
            "timezone": _zone_at_ten(now),
            "sessions": [
                {
                    "id": "afternoon",
                    "start": start.isoformat(),
                    "end": (start + timedelta(hours=1)).isoformat(),
                    "slot_minutes": 30,
                    "mode": "onsite",
                }
            ],
            "tables": TABLES,
        },
        "organizations": organizations,
        "meeting_requests": [],
    }


def setup_event(output: Path) -> None:
    """(In the benchmark's database.) The event, its 20 taken tables, a session per booker."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from matchfair import core
    from matchfair.web.directory.models import Delegate, Participation
    from matchfair.web.events.models import Session
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.meetings.models import Meeting, MeetingRequest
    from matchfair.web.meetings.queries import session_slots

    event = import_event(core.parse_event(_document(datetime.now(UTC))))
    session = Session.objects.get(event=event)
    first = session_slots(session)[0]
    sides = list(Participation.objects.filter(event=event).order_by("position", "pk"))
    bookers, partners = sides[:BOOKERS], sides[BOOKERS : 2 * BOOKERS]
    busy = sides[2 * BOOKERS :]
    for number in range(TAKEN):
        a, b = busy[2 * number], busy[2 * number + 1]
        MeetingRequest.objects.create(event=event, requester=a, recipient=b, status="accepted")
        Meeting.objects.create(
            event=event,
            a=a,
            b=b,
            session=session,
            start=first.start,
            end=first.end,
            location=f"table-{number + 1}",
            published=True,
        )
    event.schedule_published_at = timezone.now()
    event.save(update_fields=["schedule_published_at"])
    people = []
    users = get_user_model()
    for booker, partner in zip(bookers, partners, strict=True):
        user = users.objects.create_user(username=f"delegate-{booker.pk}")
        Delegate.objects.create(user=user, organization=booker.organization)
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.set_expiry(timezone.now() + timedelta(hours=2))
        store.save()
        people.append({"partner": partner.pk, "session": store.session_key})
    output.write_text(
        json.dumps(
            {
                "event": event.pk,
                "start": first.start.isoformat(),
                "second": session_slots(session)[1].start.isoformat(),
                "people": people,
            },
            indent=1,
        ),
        encoding="utf-8",
    )


def export_files(event_id: int, folder: Path) -> None:
    """(In the benchmark's database.) The event file and its schedule, as ``matchfair check`` reads them."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")
    django.setup()
    from matchfair.core.documents import write_document
    from matchfair.web.events.models import Event
    from matchfair.web.exchange.from_database import export_event, export_schedule

    event = Event.objects.get(pk=event_id)
    write_document(folder / "event.json", export_event(event, with_results=False))
    write_document(folder / "schedule.json", export_schedule(event))


def _booking(base_url: str, setup: dict[str, Any], person: dict[str, Any], start: str) -> dict:
    """POST one booking; its status, answer and time in milliseconds."""
    csrf = secrets.token_hex(16)
    request = urllib.request.Request(
        f"{base_url}/api/events/{setup['event']}/spot",
        data=json.dumps(
            {"partner": person["partner"], "session": "afternoon", "start": start}
        ).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Cookie": f"sessionid={person['session']}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
        },
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, payload = response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        status, payload = error.code, json.loads(error.read() or b"{}")
    return {"status": status, "body": payload, "ms": (time.perf_counter() - started) * 1000}


def _rush(base_url: str, setup: dict[str, Any]) -> list[dict[str, Any]]:
    """Every booker POSTs its booking of the first slot after one barrier; the answers."""
    people = setup["people"]
    barrier = threading.Barrier(len(people))
    answers: list[dict[str, Any]] = [{} for _person in people]

    def book(index: int, person: dict[str, Any]) -> None:
        barrier.wait()
        answers[index] = _booking(base_url, setup, person, setup["start"])

    threads = [threading.Thread(target=book, args=pair) for pair in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def _one_by_one(base_url: str, setup: dict[str, Any], people: list[dict]) -> list[dict]:
    """The baseline: bookers of the rush's losers book the second slot, one after another."""
    return [_booking(base_url, setup, person, setup["second"]) for person in people]


def _warm_up(base_url: str, setup: dict[str, Any], workers: int) -> None:
    """Each worker answers a few reads of the same endpoints first (imports, caches)."""

    def fetch(person: dict[str, Any]) -> None:
        request = urllib.request.Request(
            f"{base_url}/api/events/{setup['event']}/spot/{person['partner']}/slots",
            headers={"Cookie": f"sessionid={person['session']}"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    people = setup["people"][: workers * 4]
    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        list(pool.map(fetch, people))


def one_round(workers: int, threads: int) -> dict[str, Any]:
    server_url = os.environ.get("MATCHFAIR_DATABASE_URL", DEFAULT_SERVER)
    maintenance_url, database_url = database_urls(server_url, DATABASE)
    fresh_database(maintenance_url, DATABASE)
    home = Path(tempfile.mkdtemp(prefix="matchfair-spot-rush-"))
    env = dict(
        os.environ,
        MATCHFAIR_DATABASE_URL=database_url,
        MATCHFAIR_HOME=str(home),
        MATCHFAIR_ENCODER="fake",
        MATCHFAIR_DEBUG="0",
        PYTHONPATH=str(ROOT / "src"),
    )
    port = _free_port()
    gunicorn = None
    try:
        _run(env, "-m", "matchfair.web.manage", "migrate", "--verbosity", "0")
        setup_file = home / "setup.json"
        _run(env, __file__, "--setup", str(setup_file))
        setup = json.loads(setup_file.read_text(encoding="utf-8"))
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "matchfair.web.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--config",
                "python:matchfair.web.gunicorn_conf",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        _wait_for_port(port)
        _warm_up(f"http://{HOST}:{port}", setup, workers)
        load_before = os.getloadavg()[0]
        answers = _rush(f"http://{HOST}:{port}", setup)
        losers = [p for p, a in zip(setup["people"], answers, strict=True) if a["status"] == 409]
        alone = _one_by_one(f"http://{HOST}:{port}", setup, losers[:SOLO])
        _run(env, __file__, "--export", str(setup["event"]), str(home))
        check = subprocess.run(
            [
                sys.executable,
                "-c",
                "from matchfair.cli.main import run; run()",
                "check",
                str(home / "event.json"),
                str(home / "schedule.json"),
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        drop_database(maintenance_url, DATABASE)
    booked = [a for a in answers if a["status"] == 201]
    refused = [a for a in answers if a["status"] == 409]
    messages: dict[str, int] = {}
    for answer in refused:
        text = " ".join(error["message"] for error in answer["body"].get("errors", []))
        messages[text] = messages.get(text, 0) + 1
    times = sorted(a["ms"] for a in answers)
    return {
        "statuses": {str(s): sum(a["status"] == s for a in answers) for s in {201, 409}}
        | {"other": sum(a["status"] not in (201, 409) for a in answers)},
        "tables": sorted(a["body"]["location"] for a in booked),
        "refusals": messages,
        "check_exit": check.returncode,
        "check_output": (check.stdout + check.stderr).strip().splitlines()[-1:],
        "load_before": round(load_before, 1),
        "rush_s": round(max(times) / 1000, 2),
        "median_ms": statistics.median(times),
        "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))],
        "max_ms": times[-1],
        "alone_booked": sum(a["status"] == 201 for a in alone),
        "alone_median_ms": statistics.median(a["ms"] for a in alone),
    }


def _expected(result: dict[str, Any]) -> list[str]:
    """What a round broke of the expectations (empty: all kept)."""
    broken = []
    if result["statuses"] != {"201": FREE, "409": BOOKERS - FREE, "other": 0}:
        broken.append(f"answers {result['statuses']}, expected {FREE} x 201 and the rest 409")
    if sorted(set(result["tables"])) != sorted(result["tables"]):
        broken.append(f"a table given twice: {result['tables']}")
    if any("taken" not in message for message in result["refusals"]):
        broken.append(f"a refusal that does not say why: {result['refusals']}")
    if result["alone_booked"] != SOLO:
        broken.append(f"{result['alone_booked']} of {SOLO} bookings alone went through")
    if result["check_exit"] != 0:
        broken.append(f"matchfair check: {result['check_output']}")
    return broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--export", nargs=2, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.setup:
        setup_event(arguments.setup)
        return
    if arguments.export:
        export_files(int(arguments.export[0]), Path(arguments.export[1]))
        return
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.node()} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} CPUs · gunicorn {arguments.workers} workers x {arguments.threads} threads"
    )
    results, failures = [], []
    for number in range(arguments.rounds):
        result = one_round(arguments.workers, arguments.threads)
        results.append(result)
        broken = _expected(result)
        failures += broken
        print(json.dumps({"round": number + 1, **result, "broken": broken}, ensure_ascii=False))
    print(
        json.dumps(
            {
                "rounds": len(results),
                "median_ms": statistics.median(r["median_ms"] for r in results),
                "p95_ms": statistics.median(r["p95_ms"] for r in results),
                "max_ms": statistics.median(r["max_ms"] for r in results),
                "rush_s": statistics.median(r["rush_s"] for r in results),
                "alone_median_ms": statistics.median(r["alone_median_ms"] for r in results),
                "rush_to_alone": round(
                    statistics.median(r["median_ms"] / r["alone_median_ms"] for r in results), 1
                ),
                "all_rounds_as_expected": not failures,
            }
        )
    )
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
