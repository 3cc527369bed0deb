"""Check-in benchmark: 600 delegates checked in by 4 desks against a real server on PostgreSQL.

Starts everything it needs on 127.0.0.1 and stops it again: a fresh PostgreSQL
database (on the server of MATCHFAIR_DATABASE_URL, default the dev script's), an
event of 200 organizations with 3 delegate accounts each and their badges, one
logged-in check-in staff account per desk, and gunicorn serving Matchfair with the
production settings (``matchfair.web.gunicorn_conf``). Four desks (threads, each
with its own keep-alive HTTP connection, like four phones) post the badges' QR
tokens to the desk's JSON endpoint (``POST /events/ID/check-in/scan/``, session
cookie and CSRF token as the page's script sends them), spread evenly over
``--seconds`` (600: the issue's "600 delegates in 10 minutes"; 0 scans as fast as
the server answers).

Every badge is scanned by its own desk; one in ten is also scanned by a second desk
at the same moment (both desks wait on a barrier, then post), the race of two
desks and one badge that the unique check-in must settle. Afterwards the database
is counted: exactly one check-in per badge, as many "checked in" answers as
badges, every second scan answered "already checked in", no error.

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python bench/check_in_desks.py --seconds 600
    .venv/bin/python bench/check_in_desks.py --seconds 0

After every fifth scan a desk also posts a token that is no badge's (the baseline:
the same endpoint without a check-in to write). Prints p50 (the median)/p95/p99 per
kind of scan, in total and for the baseline (as the desks saw them), the ratio of
the medians, the counts, and fails (exit 1) when p95 is 300 ms or more, a request failed, or a
check-in was lost or doubled.
"""

import argparse
import http.client
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psycopg

from matchfair.web import gunicorn_conf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.bench_database import (  # noqa: E402  (after the path that makes ``bench`` importable)
    database_urls,
    drop_database,
    fresh_database,
)
from bench.web_load import (  # noqa: E402  (after the path that makes ``bench`` importable)
    HOST,
    _free_port,
    _wait_for_port,
)

DEFAULT_SERVER = "postgresql://matchfair:matchfair@127.0.0.1:5432/matchfair"
DATABASE = "matchfair_check_in_bench"
P95_LIMIT_MS = 300.0
DESKS = 4
DELEGATES_PER_ORGANIZATION = 3
# The baseline, in the same run and at the same desks: after every fifth scan, a desk posts a
# token that is no badge's (the same request, session and CSRF checks, a signature check and a
# 422, but no check-in written), so "a check-in costs N times the endpoint's floor" holds
# whatever else the machine is doing.
BASELINE_EVERY = 5
BASELINE_TOKEN = "0-0:not-a-badge"
RACE_EVERY = 5  # every fifth badge of desks 1 and 3: one in ten overall, raced by two desks


def _run(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, *arguments], env=env, check=True, cwd=ROOT)


def setup_event(organizations: int, output: Path) -> None:
    """(In the benchmark's database.) The event, its delegates' badges, one session per desk."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")
    django.setup()
    from datetime import timedelta

    from bench.generate_event import generate
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from matchfair.web.directory.models import Delegate, Participation
    from matchfair.web.eventday.domain.badges import refresh_badges
    from matchfair.web.eventday.models import Badge, CheckInStaff
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.exports.badge_codes import badge_token

    event = import_event(generate(organizations, organizations, seed=11))
    users = get_user_model()
    for participation in Participation.objects.filter(event=event).select_related("organization"):
        for number in range(DELEGATES_PER_ORGANIZATION):
            user = users.objects.create_user(
                username=f"delegate-{participation.pk}-{number}",
                first_name=f"Delegate {number}",
                last_name=participation.organization.name[:100],
            )
            Delegate.objects.create(user=user, organization=participation.organization)
    refresh_badges(event=event)
    sessions = []
    for desk in range(DESKS):
        user = users.objects.create_user(username=f"desk-{desk}")
        CheckInStaff.objects.create(event=event, user=user)
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.set_expiry(timezone.now() + timedelta(hours=2))
        session.save()
        sessions.append(session.session_key)
    tokens = {badge.pk: badge_token(badge) for badge in Badge.objects.filter(event=event)}
    output.write_text(
        json.dumps({"event": event.pk, "tokens": tokens, "sessions": sessions}), encoding="utf-8"
    )


def count_rows(database_url: str, event_id: int) -> dict[str, int]:
    with psycopg.connect(database_url) as connection:
        rows, badges = connection.execute(
            "SELECT count(*), count(DISTINCT badge_id) FROM eventday_checkin WHERE event_id = %s",
            (event_id,),
        ).fetchone()
        (all_badges,) = connection.execute(
            "SELECT count(*) FROM eventday_badge WHERE event_id = %s", (event_id,)
        ).fetchone()
    return {"check_in_rows": rows, "badges_checked_in": badges, "badges": all_badges}


class Desk:
    """One phone at the entrance: a session, a CSRF token and one keep-alive connection."""

    def __init__(self, port: int, event_id: int, session: str, name: str) -> None:
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)
        self.path = f"/events/{event_id}/check-in/scan/"
        csrf = secrets.token_hex(16)
        self.headers = {
            "Cookie": f"sessionid={session}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        self.name = name

    def scan(self, token: str) -> tuple[float, int, dict[str, Any]]:
        body = json.dumps({"token": token, "desk": self.name})
        started = time.perf_counter()
        self.connection.request("POST", self.path, body=body, headers=self.headers)
        response = self.connection.getresponse()
        content = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        try:
            answer = json.loads(content)
        except ValueError:
            answer = {"ok": False, "message": content[:200].decode(errors="replace")}
        return elapsed, response.status, answer


def plan(badge_ids: list[int]) -> list[list[tuple[int, int, str | None]]]:
    """Each desk's scans in order: (moment, badge, race), ``race`` naming a two-desk race.

    Badges are dealt to the desks in turn; every fifth badge of desks 1 and 3 is also
    scanned by desks 2 and 4 at the same moment (one barrier of two per race, always
    the same direction, so no desk waits on a desk that waits on it): one badge in
    ten overall.
    """
    order = list(badge_ids)
    random.Random(7).shuffle(order)
    queues = [order[desk::DESKS] for desk in range(DESKS)]
    scans: list[list[tuple[int, int, str | None]]] = [[] for _ in range(DESKS)]
    for leader in range(0, DESKS, 2):
        follower = leader + 1
        length = max(len(queues[leader]), len(queues[follower]))
        for moment in range(length):
            race = f"{leader}-{moment}" if moment % RACE_EVERY == 0 else None
            if moment < len(queues[leader]):
                badge = queues[leader][moment]
                scans[leader].append((moment, badge, race))
            if moment < len(queues[follower]):
                scans[follower].append((moment, queues[follower][moment], None))
            if race and moment < len(queues[leader]):
                scans[follower].append((moment, queues[leader][moment], race))
    return scans


def run_desks(
    port: int, setup: dict[str, Any], seconds: float
) -> tuple[list[dict[str, Any]], list[float], list[str]]:
    """The scans of every desk, the baseline's times, and what went wrong."""
    tokens = {int(key): value for key, value in setup["tokens"].items()}
    scans = plan(sorted(tokens))
    moments = max(moment for desk in scans for moment, _badge, _race in desk) + 1
    interval = seconds / moments if seconds else 0.0
    barriers = {
        race: threading.Barrier(2) for desk in scans for _moment, _badge, race in desk if race
    }
    records: list[dict[str, Any]] = []
    baseline: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.perf_counter() + 0.5

    def desk(number: int) -> None:
        client = Desk(port, setup["event"], setup["sessions"][number], f"Desk {number + 1}")
        try:
            for moment, badge, race in scans[number]:
                pause = start + moment * interval - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
                if race is not None:
                    barriers[race].wait(timeout=120)
                elapsed, status, answer = client.scan(tokens[badge])
                with lock:
                    records.append(
                        {
                            "desk": number,
                            "badge": badge,
                            "raced": race is not None,
                            "ms": elapsed,
                            "status": status,
                            "new": answer.get("new"),
                        }
                    )
                    if status != 200 or not answer.get("ok"):
                        errors.append(f"desk {number + 1}, badge {badge}: {status} {answer}")
                if race is None and moment % BASELINE_EVERY == 2:
                    elapsed, status, answer = client.scan(BASELINE_TOKEN)
                    with lock:
                        baseline.append(elapsed)
                        if status != 422:
                            errors.append(f"desk {number + 1}, baseline: {status} {answer}")
        except Exception as error:
            with lock:
                errors.append(f"desk {number + 1}: {error!r}")
            for barrier in barriers.values():
                barrier.abort()

    threads = [threading.Thread(target=desk, args=(number,)) for number in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return records, baseline, errors


def _percentiles(times: list[float]) -> dict[str, float]:
    ranked = sorted(times) or [0.0]

    def rank(fraction: float) -> float:
        return ranked[min(len(ranked) - 1, int(fraction * len(ranked)))]

    return {
        "count": len(times),
        "p50": statistics.median(ranked),
        "p95": rank(0.95),
        "p99": rank(0.99),
        "max": ranked[-1],
    }


def _warm_up(port: int, setup: dict[str, Any]) -> None:
    """Each worker process imports and connects once before the measured scans."""
    client = Desk(port, setup["event"], setup["sessions"][0], "warm-up")
    for _ in range(gunicorn_conf.threads * 4):
        client.scan(BASELINE_TOKEN)


def benchmark(seconds: float, organizations: int, workers: int, threads: int) -> dict[str, Any]:
    server_url = os.environ.get("MATCHFAIR_DATABASE_URL", DEFAULT_SERVER)
    maintenance_url, database_url = database_urls(server_url, DATABASE)
    fresh_database(maintenance_url, DATABASE)
    home = Path(tempfile.mkdtemp(prefix="matchfair-check-in-"))
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
        _run(env, __file__, "--setup", str(setup_file), "--organizations", str(organizations))
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
        _warm_up(port, setup)
        load_before = os.getloadavg()[0]
        began = time.perf_counter()
        records, baseline, errors = run_desks(port, setup, seconds)
        took = time.perf_counter() - began
        load_after = os.getloadavg()[0]
        return {
            "records": records,
            "baseline": baseline,
            "errors": errors,
            "rows": count_rows(database_url, setup["event"]),
            "seconds": took,
            "load_average": [load_before, load_after],
        }
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        drop_database(maintenance_url, DATABASE)


def report(results: dict[str, Any], args: argparse.Namespace) -> bool:
    records = results["records"]
    rows = results["rows"]
    kinds = {
        "first scan, alone": [r["ms"] for r in records if not r["raced"] and r["new"]],
        "raced by two desks": [r["ms"] for r in records if r["raced"]],
        "all scans": [r["ms"] for r in records],
        "baseline (no badge)": results["baseline"],
    }
    before, after = results["load_average"]
    print(
        f"gunicorn: {args.workers} workers x {args.threads} threads ({gunicorn_conf.worker_class}); "
        f"{DESKS} desks, {len(records)} scans in {results['seconds']:.0f} s; "
        f"load average (1 min) {before:.1f} before, {after:.1f} after"
    )
    print(f"{'scans':22} {'count':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}  (ms)")
    for name, times in kinds.items():
        figures = _percentiles(times)
        print(
            f"{name:22} {figures['count']:>6} {figures['p50']:>6.0f} {figures['p95']:>6.0f} "
            f"{figures['p99']:>6.0f} {figures['max']:>6.0f}"
        )
    new_answers = sum(1 for r in records if r["new"] is True)
    repeat_answers = sum(1 for r in records if r["new"] is False)
    raced_badges = {r["badge"] for r in records if r["raced"]}
    print(
        f"badges {rows['badges']}, check-in rows {rows['check_in_rows']}, distinct badges checked "
        f"in {rows['badges_checked_in']}; answers 'checked in' {new_answers}, 'already' "
        f"{repeat_answers} (raced badges {len(raced_badges)})"
    )
    for error in results["errors"][:20]:
        print("error:", error)
    ratio = statistics.median(kinds["all scans"]) / statistics.median(results["baseline"])
    print(f"median check-in / median baseline: {ratio:.2f}")
    p95 = _percentiles(kinds["all scans"])["p95"]
    exact = rows["check_in_rows"] == rows["badges_checked_in"] == rows[
        "badges"
    ] == new_answers and repeat_answers == len(raced_badges)
    ok = exact and not results["errors"] and p95 < P95_LIMIT_MS
    print(
        f"p95 {p95:.0f} ms, {len(results['errors'])} errors, "
        f"{'none lost or doubled' if exact else 'LOST OR DOUBLED'}: {'OK' if ok else 'FAIL'}"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=float, default=600, help="spread the scans over this time (0: no pause)"
    )
    parser.add_argument("--organizations", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=gunicorn_conf.threads)
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        setup_event(args.organizations, args.setup)
        return
    results = benchmark(args.seconds, args.organizations, args.workers, args.threads)
    sys.exit(0 if report(results, args) else 1)


if __name__ == "__main__":
    main()
