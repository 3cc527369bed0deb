"""Load benchmark: 200 participants browsing the catalog and their agendas and sending requests.

Starts everything it needs on 127.0.0.1 and stops it again: a fresh PostgreSQL
database (on the server of MATCHFAIR_DATABASE_URL, default the dev script's), an
event of 200 organizations with a published schedule and one logged-in delegate
each, gunicorn serving Matchfair, and locust (as a library, headless) as the load
generator. Each simulated participant, with a person's pauses between clicks,
opens its catalog page, the catalog through the API, its agenda page, its
published meetings through the API, and now and then asks a partner for a meeting
(POST /api/events/{id}/requests with its session and CSRF token).

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python bench/web_load.py --users 200 --seconds 60

gunicorn runs with the production settings of docs/web.md
(``matchfair.web.gunicorn_conf``). Participants arrive over the first 10 seconds,
each at its own moment. Prints the server's configuration and the machine's load
average before and after the load, p50/p95/p99 per request kind and in total as the
load generator saw them, the same for the time the server spent on each request
(its access log, kept in the printed folder with the run's other files), and fails
(exit 1) when p95 is 200 ms or more or any request failed.
"""

import argparse
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

from matchfair.web import gunicorn_conf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.bench_database import (  # noqa: E402  (after the path that makes ``bench`` importable)
    database_urls,
    drop_database,
    fresh_database,
)

HOST = "127.0.0.1"
DEFAULT_SERVER = "postgresql://matchfair:matchfair@127.0.0.1:5432/matchfair"
DATABASE = "matchfair_load_bench"
P95_LIMIT_MS = 200.0
REQUESTS_PER_PARTICIPANT = 5
# Participants arrive over the first 10 s; locust starts them in batches once a second.
RAMP_UP_SECONDS = 10
SPAWN_BATCH_SECONDS = 1.0
# A participant reads a catalog page or an agenda before clicking again.
THINK_SECONDS = (5.0, 15.0)
# One access log line per request: unix time at the end, process, method, path, status, ms.
ACCESS_LOG_FORMAT = "%(t)s %(p)s %(m)s %(U)s %(s)s %(M)s"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _run(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, *arguments], env=env, check=True, cwd=ROOT)


def setup_event(organizations: int, output: Path) -> None:
    """(In the benchmark's database.) The event, its schedule, one session per delegate."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    sys.path.insert(0, str(ROOT))
    from bench.generate_event import generate

    from matchfair.web.directory.models import Delegate, Participation
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.jobs.domain.queue import start_job
    from matchfair.web.jobs.models import Job
    from matchfair.web.jobs.runners import run_job
    from matchfair.web.meetings.domain.publishing import publish_schedule

    event = import_event(generate(organizations, organizations * 3, seed=11))
    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 20}).pk)
    if job.status != Job.Status.SUCCEEDED:
        raise SystemExit(f"the scheduler failed: {job.error}")
    publish_schedule(event=event)
    users = get_user_model()
    people = []
    for participation in Participation.objects.filter(event=event).select_related("organization"):
        user = users.objects.create_user(username=f"delegate-{participation.pk}")
        Delegate.objects.create(user=user, organization=participation.organization)
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.set_expiry(timezone.now() + timedelta(hours=2))
        session.save()
        people.append({"participation": participation.pk, "session": session.session_key})
    output.write_text(json.dumps({"event": event.pk, "people": people}), encoding="utf-8")


def generate_load(
    base_url: str,
    people_file: Path,
    users: int,
    seconds: int,
    think: tuple[float, float],
    out: Path,
) -> None:
    """(A separate process: locust patches the standard library with gevent.)"""
    import gevent
    from locust import FastHttpUser, between, task
    from locust.env import Environment

    setup = json.loads(people_file.read_text(encoding="utf-8"))
    event_id, people = setup["event"], setup["people"]
    partners = [person["participation"] for person in people]
    queue = list(people)
    random.Random(1).shuffle(queue)

    class Participant(FastHttpUser):
        host = base_url
        wait_time = between(*think)

        def on_start(self) -> None:
            # Locust starts a second's arrivals (20 participants) at the same instant, and
            # each would click at once: a burst of 20 simultaneous requests every second
            # of the ramp-up that no audience makes. Each arrives at its own moment.
            gevent.sleep(random.uniform(0, SPAWN_BATCH_SECONDS))
            me = queue.pop() if queue else random.choice(people)
            self.own = me["participation"]
            # The browser's cookies: its login session and a CSRF token it echoes on writes.
            self.csrf = secrets.token_hex(16)
            self.cookies = {"Cookie": f"sessionid={me['session']}; csrftoken={self.csrf}"}
            self.asked = 0

        def get(self, path: str, name: str) -> None:
            self.client.get(path, name=name, headers=self.cookies)

        @task(4)
        def catalog_page(self) -> None:
            self.get(f"/my/{self.own}/catalog/", "page: catalog")

        @task(3)
        def catalog_api(self) -> None:
            offset = random.randrange(0, len(partners), 20)
            self.get(
                f"/api/events/{event_id}/organizations?limit=20&offset={offset}",
                "api: organizations",
            )

        @task(3)
        def agenda_page(self) -> None:
            self.get(f"/my/{self.own}/agenda/", "page: agenda")

        @task(2)
        def meetings_api(self) -> None:
            self.get(f"/api/events/{event_id}/meetings", "api: my meetings")

        @task(1)
        def send_request(self) -> None:
            if self.asked >= REQUESTS_PER_PARTICIPANT:
                return
            self.asked += 1
            index = partners.index(self.own)
            partner = partners[(index + 7 * self.asked) % len(partners)]
            with self.client.post(
                f"/api/events/{event_id}/requests",
                json={"recipient": partner, "message": "Shall we meet?"},
                headers={**self.cookies, "X-CSRFToken": self.csrf},
                name="api: send request",
                catch_response=True,
            ) as response:
                # 409 is the portal's answer when the partner asked first: a rule, not a fault.
                if response.status_code in (201, 409):
                    response.success()

    environment = Environment(user_classes=[Participant])
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=max(users / RAMP_UP_SECONDS, 1))
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    write_locust_summary(environment, out)


def write_locust_summary(environment: Any, out: Path) -> None:
    """Per request kind and in total: count, failures, p50/p95/p99 and rate; then the errors."""
    rows = {}
    for entry in [*environment.stats.entries.values(), environment.stats.total]:
        rows[entry.name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
            "p99_ms": entry.get_response_time_percentile(0.99),
            "rps": round(entry.total_rps, 1),
        }
    errors = {
        f"{error.method} {error.name}: {error.error}": error.occurrences
        for error in environment.stats.errors.values()
    }
    out.write_text(json.dumps({"rows": rows, "errors": errors}, indent=2), encoding="utf-8")


def _warm_up(base_url: str, people_file: Path, workers: int) -> int:
    """Load every page once in each worker process before measuring (lazy imports, caches)."""
    setup = json.loads(people_file.read_text(encoding="utf-8"))
    person = setup["people"][0]
    paths = [
        f"/my/{person['participation']}/catalog/",
        f"/my/{person['participation']}/agenda/",
        f"/api/events/{setup['event']}/organizations?limit=20",
        f"/api/events/{setup['event']}/meetings",
    ]

    def fetch(path: str) -> None:
        request = urllib.request.Request(
            base_url + path, headers={"Cookie": f"sessionid={person['session']}"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        list(pool.map(fetch, paths * workers * 4))
    return len(paths) * workers * 4


def _percentiles(times: list[float]) -> dict[str, float]:
    """p50/p95/p99 of the times the server logged (the load generator's rounding aside)."""
    ranked = sorted(times) or [0.0]

    def rank(fraction: float) -> float:
        return ranked[min(len(ranked) - 1, int(fraction * len(ranked)))]

    return {"count": len(times), "p50": rank(0.5), "p95": rank(0.95), "p99": rank(0.99)}


def _wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def benchmark(
    users: int,
    seconds: int,
    organizations: int,
    workers: int,
    threads: int,
    think: tuple[float, float],
) -> dict[str, Any]:
    server_url = os.environ.get("MATCHFAIR_DATABASE_URL", DEFAULT_SERVER)
    maintenance_url, database_url = database_urls(server_url, DATABASE)
    fresh_database(maintenance_url, DATABASE)
    home = Path(tempfile.mkdtemp(prefix="matchfair-load-"))
    env = dict(
        os.environ,
        MATCHFAIR_DATABASE_URL=database_url,
        MATCHFAIR_HOME=str(home),
        MATCHFAIR_ENCODER="fake",
        # Measured as served in production, whatever the shell says: Django's debug mode
        # would also keep every SQL query of the run in memory.
        MATCHFAIR_DEBUG="0",
        PYTHONPATH=str(ROOT / "src"),
    )
    port = _free_port()
    gunicorn = None
    try:
        _run(env, "-m", "matchfair.web.manage", "migrate", "--verbosity", "0")
        people = home / "people.json"
        _run(env, __file__, "--setup", str(people), "--organizations", str(organizations))
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
                # The production settings of docs/web.md (gthread, threads, keep-alive, GC).
                "--config",
                "python:matchfair.web.gunicorn_conf",
                "--log-level",
                "warning",
                # The server's own time per request (ms), to tell queueing in the server
                # from time spent in the load generator or the network.
                "--access-logfile",
                str(home / "access.log"),
                "--access-logformat",
                ACCESS_LOG_FORMAT,
            ],
            env=env,
            cwd=ROOT,
        )
        _wait_for_port(port)
        warm_up_lines = _warm_up(f"http://{HOST}:{port}", people, workers * threads)
        access_log = home / "access.log"
        results = home / "results.json"
        load_before = os.getloadavg()[0]
        _run(
            env,
            __file__,
            "--load",
            str(people),
            "--base-url",
            f"http://{HOST}:{port}",
            "--users",
            str(users),
            "--seconds",
            str(seconds),
            "--think",
            str(think[0]),
            str(think[1]),
            "--results",
            str(results),
        )
        load_after = os.getloadavg()[0]
        served = access_log.read_text(encoding="utf-8").splitlines()[warm_up_lines:]
        return {
            **json.loads(results.read_text(encoding="utf-8")),
            "load_average": [load_before, load_after],
            "server_ms": _percentiles([float(line.rsplit(" ", 1)[1]) for line in served]),
            "work_dir": str(home),
        }
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        drop_database(maintenance_url, DATABASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--organizations", type=int, default=200)
    # One process per core: the requests are CPU-bound here (5 workers queued longer).
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=gunicorn_conf.threads)
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=THINK_SECONDS,
        metavar=("MIN", "MAX"),
        help="seconds a participant reads a page before the next click",
    )
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        setup_event(args.organizations, args.setup)
        return
    if args.load:
        generate_load(
            args.base_url, args.load, args.users, args.seconds, tuple(args.think), args.results
        )
        return
    results = benchmark(
        args.users,
        args.seconds,
        args.organizations,
        args.workers,
        args.threads,
        tuple(args.think),
    )
    rows = results["rows"]
    before, after = results["load_average"]
    print(
        f"gunicorn: {args.workers} workers x {args.threads} threads ({gunicorn_conf.worker_class}); "
        f"load average (1 min) {before:.1f} before the load, {after:.1f} after"
    )
    print(f"{'request':24} {'count':>7} {'fail':>5} {'p50':>6} {'p95':>6} {'p99':>6} {'req/s':>7}")
    for name, row in rows.items():
        print(
            f"{name:24} {row['requests']:>7} {row['failures']:>5} {row['p50_ms']:>6.0f} "
            f"{row['p95_ms']:>6.0f} {row['p99_ms']:>6.0f} {row['rps']:>7}"
        )
    server = results["server_ms"]
    print(
        f"{'server (access log)':24} {server['count']:>7} {'':>5} {server['p50']:>6.0f} "
        f"{server['p95']:>6.0f} {server['p99']:>6.0f}   ({results['work_dir']})"
    )
    for error, count in results["errors"].items():
        print(f"error x{count}: {error}")
    total = rows["Aggregated"]
    ok = total["failures"] == 0 and total["p95_ms"] < P95_LIMIT_MS
    print(f"p95 {total['p95_ms']:.0f} ms, {total['failures']} failures: {'OK' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
