"""The organizer's schedule page of a 2,000-organization event must render within 1 s (median).

Builds an event of 2,000 organizations with 9,600 published meetings (400 tables,
two sessions of 12 slots), starts the real server (``matchfair serve``) on
127.0.0.1, logs in as the organizer with an HTTP client and times each view of
the schedule page (per slot, per table, per organization) over repeated requests.

    python bench/web_schedule_page.py
    python bench/web_schedule_page.py --organizations 500 --repeat 5
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from matchfair import core

LIMIT_SECONDS = 1.0
PORT = 8917
SLOTS_PER_SESSION = 12
PASSWORD = "bench-password-not-secret"


def build_event(organizations: int, tables: int) -> core.Event:
    """Two groups meeting each other: a slot holds ``tables`` meetings, nobody twice."""
    half = organizations // 2
    day = datetime(2024, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    sessions = [
        core.Session(
            id=f"day{number + 1}",
            start=day + timedelta(days=number),
            end=day + timedelta(days=number, minutes=25 * SLOTS_PER_SESSION),
            slot_minutes=20,
            gap_minutes=5,
        )
        for number in range(2)
    ]
    people = [
        core.Organization(
            id=f"org-{number}",
            name=f"成都企业 {number}" if number < half else f"Nordic Partner {number} Oy",
            country="CN" if number < half else "FI",
            group="chengdu" if number < half else "nordic",
            languages=["zh", "en"] if number < half else ["en", "fi"],
        )
        for number in range(2 * half)
    ]
    meetings, requests = [], []
    for session in sessions:
        for slot in core.session_slots(session):
            t = session.start.day * SLOTS_PER_SESSION + slot.index
            for k in range(min(tables, half)):
                j = (t * tables + k) % half
                a, b = f"org-{j}", f"org-{half + (j + 7 * t) % half}"
                requests.append(core.MeetingRequest(from_=a, to=b))
                meetings.append(
                    core.ScheduledMeeting(
                        a=a,
                        b=b,
                        session=session.id,
                        start=slot.start,
                        end=slot.end,
                        location=f"table-{k + 1}",
                    )
                )
    return core.Event(
        event=core.EventInfo(
            id="bench-2000",
            name="Schedule page benchmark",
            timezone="Asia/Shanghai",
            sessions=sessions,
            tables=tables,
        ),
        organizations=people,
        meeting_requests=requests,
        meetings=meetings,
    )


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url} within {seconds:.0f} s")


def timed(client: httpx.Client, path: str, repeat: int) -> list[float]:
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        durations.append(time.perf_counter() - started)
        response.raise_for_status()
    return durations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=2000)
    parser.add_argument("--tables", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=15)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="matchfair-bench-") as home:
        os.environ["MATCHFAIR_HOME"] = home
        return run(arguments.organizations, arguments.tables, arguments.repeat)


def run(organizations: int, tables: int, repeat: int) -> int:
    from matchfair.web.boot import start_django

    start_django(keep_secret_key=True)
    from django.contrib.auth import get_user_model

    from matchfair.web.exchange.to_database import import_event

    organizer = get_user_model().objects.create_user(
        "bench-organizer", password=PASSWORD, is_staff=True
    )
    event = import_event(build_event(organizations, tables), organizers=[organizer])
    participation = event.participations.order_by("pk").first()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from matchfair.cli.main import run; run()",
            "serve",
            "--port",
            str(PORT),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_for(f"{base}/login/", 60)
        client = httpx.Client(base_url=base, timeout=30)
        login = client.get("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        logged_in = client.post(
            "/login/",
            data={
                "username": "bench-organizer",
                "password": PASSWORD,
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{base}/login/"},
        )
        if logged_in.status_code != 302:
            raise SystemExit(f"login failed: HTTP {logged_in.status_code}")
        schedule = f"/events/{event.pk}/schedule/"
        views = {
            "per slot": schedule,
            "per table": f"{schedule}?view=table&table=table-1",
            "per organization": f"{schedule}?view=organization&organization={participation.pk}",
        }
        print(
            f"{organizations} organizations, {event.meetings.count()} meetings, "
            f"{repeat} requests per view"
        )
        worst = 0.0
        for label, path in views.items():
            durations = timed(client, path, repeat)
            median = statistics.median(durations)
            worst = max(worst, median)
            print(f"{label}: median {median * 1000:.0f} ms, max {max(durations) * 1000:.0f} ms")
        print(f"limit {LIMIT_SECONDS:.0f} s: {'met' if worst <= LIMIT_SECONDS else 'MISSED'}")
        return 0 if worst <= LIMIT_SECONDS else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
