"""Load benchmark of the event day: 200 table screens refreshing every 15 s and 300 participants.

Starts everything it needs on 127.0.0.1 and stops it again, as ``bench/web_load.py``
does: a fresh database (SQLite in a temporary folder, or PostgreSQL with
``--database postgresql``: a database of its own on the server of
MATCHFAIR_DATABASE_URL, default the dev script's), an event of 300 organizations with a
published schedule moved to today so that a slot is running (its sessions and meetings
shifted together, the first session started 30 minutes ago), one logged-in delegate
each, the event's screens' link, gunicorn serving Matchfair with the production
settings, and locust (as a library, headless) as the load generator.

Each of the 200 screens opens its address (a table screen of one table, one in ten an
entrance board) once every 15 seconds, as its ``Refresh`` header asks; each of the 300
participants, with a person's pauses between clicks, opens its agenda (with the day's
live block) and the portal's home. Prints the server's configuration and the machine's
load average before and after, each kind's median alone (one request at a time on the
same server before the load: the baseline), p50/p95/p99 per request kind and in total as the load
generator saw them, the same for the server's own time per request (its access log),
and fails (exit 1) when p95 is 200 ms or more or any request failed.

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python bench/screens_load.py --seconds 60
    .venv/bin/python bench/screens_load.py --seconds 60 --database postgresql
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.bench_database import database_urls, drop_database, fresh_database
from bench.web_load import (
    ACCESS_LOG_FORMAT,
    DEFAULT_SERVER,
    HOST,
    P95_LIMIT_MS,
    ROOT,
    _free_port,
    _percentiles,
    _wait_for_port,
    write_locust_summary,
)

from matchfair.web import gunicorn_conf

DATABASE = "matchfair_screens_bench"
SCREEN_SECONDS = 15.0
ENTRANCE_EVERY = 10  # one screen in ten is an entrance board
THINK_SECONDS = (5.0, 15.0)
RAMP_UP_SECONDS = 15


def setup_event(organizations: int, screens: int, output: Path) -> None:
    """(In the benchmark's database.) The event moved to today, its delegates, the screens."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.web.settings")
    django.setup()
    from datetime import timedelta

    from bench.generate_event import generate
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import F, Min
    from django.utils import timezone

    from matchfair.web.directory.models import Delegate, Participation
    from matchfair.web.eventday.domain.screens import new_screen_link
    from matchfair.web.events.models import Session
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.jobs.domain.queue import start_job
    from matchfair.web.jobs.models import Job
    from matchfair.web.jobs.runners import run_job
    from matchfair.web.meetings.domain.publishing import publish_schedule
    from matchfair.web.meetings.models import Meeting
    from matchfair.web.meetings.queries import event_locations

    event = import_event(generate(organizations, organizations * 3, seed=11))
    job = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 20}).pk)
    if job.status != Job.Status.SUCCEEDED:
        raise SystemExit(f"the scheduler failed: {job.error}")
    publish_schedule(event=event)
    first = Session.objects.filter(event=event).aggregate(first=Min("start"))["first"]
    shift = timezone.now() - timedelta(minutes=30) - first
    Session.objects.filter(event=event).update(start=F("start") + shift, end=F("end") + shift)
    Meeting.objects.filter(event=event).update(start=F("start") + shift, end=F("end") + shift)
    users = get_user_model()
    people = []
    for participation in Participation.objects.filter(event=event).select_related("organization"):
        user = users.objects.create_user(
            username=f"delegate-{participation.pk}", first_name="名", last_name="代表"
        )
        Delegate.objects.create(user=user, organization=participation.organization)
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.set_expiry(timezone.now() + timedelta(hours=2))
        session.save()
        people.append({"participation": participation.pk, "session": session.session_key})
    token = new_screen_link(event=event)
    tables = event_locations(event, online=False)
    addresses = [
        f"/screens/{token}/entrance/"
        if number % ENTRANCE_EVERY == 0
        else f"/screens/{token}/tables/{tables[number % len(tables)]}/"
        for number in range(max(screens, 2))  # two at least, for the warm-up
    ]
    output.write_text(
        json.dumps({"event": event.pk, "people": people, "screens": addresses}), encoding="utf-8"
    )


def generate_load(
    base_url: str, setup_file: Path, screens: int, users: int, seconds: int, out: Path
) -> None:
    """(A separate process: locust patches the standard library with gevent.)"""
    import gevent
    from locust import FastHttpUser, between, constant, task
    from locust.env import Environment

    setup = json.loads(setup_file.read_text(encoding="utf-8"))
    people = list(setup["people"])
    random.Random(1).shuffle(people)
    addresses = list(setup["screens"])

    class Screen(FastHttpUser):
        host = base_url
        wait_time = constant(SCREEN_SECONDS)
        fixed_count = screens

        def on_start(self) -> None:
            # Screens are switched on one by one over the first refresh period.
            gevent.sleep(random.uniform(0, SCREEN_SECONDS))
            self.address = addresses.pop() if addresses else random.choice(setup["screens"])
            self.kind = "screen: entrance" if "/entrance/" in self.address else "screen: table"

        @task
        def refresh(self) -> None:
            self.client.get(self.address, name=self.kind)

    class Participant(FastHttpUser):
        host = base_url
        wait_time = between(*THINK_SECONDS)
        fixed_count = users

        def on_start(self) -> None:
            gevent.sleep(random.uniform(0, 1.0))
            me = people.pop() if people else random.choice(setup["people"])
            self.own = me["participation"]
            self.cookies = {"Cookie": f"sessionid={me['session']}"}

        @task(3)
        def agenda(self) -> None:
            self.client.get(f"/my/{self.own}/agenda/", name="page: agenda", headers=self.cookies)

        @task(2)
        def home(self) -> None:
            self.client.get("/", name="page: home", headers=self.cookies)

    environment = Environment(user_classes=[Screen, Participant])
    runner = environment.create_local_runner()
    total = screens + users
    runner.start(total, spawn_rate=max(total / RAMP_UP_SECONDS, 1))
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    write_locust_summary(environment, out)


def _warm_up(base_url: str, setup_file: Path, rounds: int) -> int:
    """Load each kind of page a few times in every worker before measuring."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    setup = json.loads(setup_file.read_text(encoding="utf-8"))
    person = setup["people"][0]
    cookie = {"Cookie": f"sessionid={person['session']}"}
    paths = [
        (setup["screens"][0], {}),
        (setup["screens"][1], {}),
        (f"/my/{person['participation']}/agenda/", cookie),
        ("/", cookie),
    ]

    def fetch(item: tuple[str, dict]) -> None:
        request = urllib.request.Request(base_url + item[0], headers=item[1])
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(fetch, paths * rounds))
    return len(paths) * rounds


def _baseline(base_url: str, setup_file: Path, rounds: int = 20) -> dict[str, float]:
    """The median time of each kind of request one at a time, before the load (same server)."""
    import statistics
    import time
    import urllib.request

    setup = json.loads(setup_file.read_text(encoding="utf-8"))
    person = setup["people"][1]
    cookie = {"Cookie": f"sessionid={person['session']}"}
    kinds = {
        "screen: table": (setup["screens"][1], {}),
        "screen: entrance": (setup["screens"][0], {}),
        "page: agenda": (f"/my/{person['participation']}/agenda/", cookie),
        "page: home": ("/", cookie),
    }
    medians = {}
    for name, (path, headers) in kinds.items():
        times = []
        for _round in range(rounds):
            started = time.perf_counter()
            request = urllib.request.Request(base_url + path, headers=headers)
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
            times.append((time.perf_counter() - started) * 1000)
        medians[name] = statistics.median(times)
    return medians


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="matchfair-screens-"))
    maintenance_url, database_url = database_urls(
        os.environ.get("MATCHFAIR_DATABASE_URL", DEFAULT_SERVER), DATABASE
    )
    env = dict(
        os.environ,
        MATCHFAIR_HOME=str(home),
        MATCHFAIR_ENCODER="fake",
        MATCHFAIR_DEBUG="0",
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    )
    if args.database == "postgresql":
        fresh_database(maintenance_url, DATABASE)
        env["MATCHFAIR_DATABASE_URL"] = database_url
    else:
        env.pop("MATCHFAIR_DATABASE_URL", None)
    port = _free_port()
    gunicorn = None

    def run(*arguments: str) -> None:
        subprocess.run([sys.executable, *arguments], env=env, check=True, cwd=ROOT)

    try:
        run("-m", "matchfair.web.manage", "migrate", "--verbosity", "0")
        setup = home / "setup.json"
        run(
            __file__,
            "--setup",
            str(setup),
            "--organizations",
            str(args.organizations),
            "--screens",
            str(args.screens),
        )
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "matchfair.web.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--config",
                "python:matchfair.web.gunicorn_conf",
                "--log-level",
                "warning",
                "--access-logfile",
                str(home / "access.log"),
                "--access-logformat",
                ACCESS_LOG_FORMAT,
            ],
            env=env,
            cwd=ROOT,
        )
        _wait_for_port(port)
        warm = _warm_up(f"http://{HOST}:{port}", setup, args.workers * args.threads)
        baseline = _baseline(f"http://{HOST}:{port}", setup)
        warm += 20 * len(baseline)
        results = home / "results.json"
        load_before = os.getloadavg()[0]
        run(
            __file__,
            "--load",
            str(setup),
            "--base-url",
            f"http://{HOST}:{port}",
            "--screens",
            str(args.screens),
            "--users",
            str(args.users),
            "--seconds",
            str(args.seconds),
            "--results",
            str(results),
        )
        load_after = os.getloadavg()[0]
        served = (home / "access.log").read_text(encoding="utf-8").splitlines()[warm:]
        return {
            **json.loads(results.read_text(encoding="utf-8")),
            "load_average": [load_before, load_after],
            "baseline_ms": baseline,
            "server_ms": _percentiles([float(line.rsplit(" ", 1)[1]) for line in served]),
        }
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if args.database == "postgresql":
            drop_database(maintenance_url, DATABASE)
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=200)
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--organizations", type=int, default=300)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=gunicorn_conf.threads)
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.setup:
        setup_event(args.organizations, args.screens, args.setup)
        return
    if args.load:
        generate_load(
            args.base_url, args.load, args.screens, args.users, args.seconds, args.results
        )
        return
    results = benchmark(args)
    rows = results["rows"]
    before, after = results["load_average"]
    print(
        f"{args.database}; gunicorn: {args.workers} workers x {args.threads} threads "
        f"({gunicorn_conf.worker_class}); load average (1 min) {before:.1f} before, {after:.1f} after"
    )
    baseline = results["baseline_ms"]
    print(
        f"{'request':24} {'count':>7} {'fail':>5} {'p50':>6} {'p95':>6} {'p99':>6} {'req/s':>7}"
        f" {'alone':>6} {'p50/alone':>9}"
    )
    for name, row in rows.items():
        alone = baseline.get(name)
        ratio = f"{row['p50_ms'] / alone:>9.1f}" if alone else ""
        print(
            f"{name:24} {row['requests']:>7} {row['failures']:>5} {row['p50_ms']:>6.0f} "
            f"{row['p95_ms']:>6.0f} {row['p99_ms']:>6.0f} {row['rps']:>7}"
            + (f" {alone:>6.0f} {ratio}" if alone else "")
        )
    server = results["server_ms"]
    print(
        f"{'server (access log)':24} {server['count']:>7} {'':>5} {server['p50']:>6.0f} "
        f"{server['p95']:>6.0f} {server['p99']:>6.0f}"
    )
    for error, count in results["errors"].items():
        print(f"error x{count}: {error}")
    total = rows["Aggregated"]
    ok = total["failures"] == 0 and total["p95_ms"] < P95_LIMIT_MS
    print(f"p95 {total['p95_ms']:.0f} ms, {total['failures']} failures: {'OK' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
