"""Organizer pages and the Excel export of a very large event: time to first byte, page size,
export time and memory.

Builds an event of N organizations (default 100,000) straight into a fresh database:
one opportunity and one accepted request each, a published online meeting for every
two, agreements, runs and audit entries, a tenth of N each. Then serves it with the
waitress server `matchfair serve` runs, on a free port of 127.0.0.1, and asks for each
organizer list page as a logged-in organizer: the time to the first byte of the
answer, the whole answer, and its size (medians of --runs). Last, the Excel export:
its time, and the peak of Python's memory while it is written (tracemalloc, in a run
of its own, since tracing slows it down). The database is SQLite in a temporary
MATCHFAIR_HOME, or PostgreSQL with MATCHFAIR_DATABASE_URL set (a scratch database).

    python bench/large_event_pages.py                          # 100,000 organizations
    python bench/large_event_pages.py --organizations 20000 --runs 5 --export-runs 3
"""

import argparse
import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from datetime import date, timedelta

PAGES = [
    ("organizations", ""),
    ("organizations", "q=Organization+777"),
    ("meeting_requests", "mandatory=1"),
    ("schedule", "view=slot"),
    ("schedule", "view=table&table=online"),
    ("schedule", "view=organization"),
    ("meeting_outcomes", ""),
    ("agreements", ""),
    ("jobs", ""),
    ("audit_trail", ""),
    ("opportunities", ""),
    ("opportunities", "kind=offer&sector=energy"),
    ("opportunities", "language=en"),
]
BATCH = 5000
SLOTS = 9


def build(organizations: int) -> tuple[object, object]:
    """The event and its organizer, written with bulk inserts (an import of 100,000 takes long)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from matchfair.core import parse_event
    from matchfair.web.audit.models import AuditEntry
    from matchfair.web.directory.models import Opportunity, Organization, Participation
    from matchfair.web.events.models import Session
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.jobs.models import Job
    from matchfair.web.meetings.models import Meeting, MeetingRequest
    from matchfair.web.outcomes.models import Agreement

    organizer = get_user_model().objects.create_user("bench-organizer", is_staff=True)
    start = "2026-11-23T09:00:00+08:00"
    skeleton = {
        "format": "matchfair-event/1",
        "event": {
            "id": "large-2026",
            "name": "Large event",
            "timezone": "Asia/Shanghai",
            "sessions": [
                {
                    "id": "day1",
                    "start": start,
                    "end": "2026-11-23T12:00:00+08:00",
                    "slot_minutes": 20,
                    "mode": "online",
                }
            ],
            "online_rooms": None,
        },
        "organizations": [],
    }
    event = import_event(parse_event(skeleton, "large.json"), organizers=[organizer])
    session = Session.objects.get(event=event)
    countries = ("CN", "FI", "SE", "DK", "NO", "DE", "JP", "FR")
    for first in range(0, organizations, BATCH):
        numbers = range(first, min(first + BATCH, organizations))
        entries = [
            Organization(
                name=f"Organization {n} {'有限公司' if n % 8 == 0 else 'GmbH'}",
                country=countries[n % len(countries)],
                kind="company",
            )
            for n in numbers
        ]
        with transaction.atomic():  # one by one: save() derives the look-alike keys
            for entry in entries:
                entry.save()
        Participation.objects.bulk_create(
            Participation(
                event=event,
                organization=entry,
                code=f"org-{n}",
                sectors=["energy"],
                languages=["en"],
                attendance="online",
                description=f"Profile of organization {n}: waste heat, photovoltaics, storage.",
                position=n,
            )
            for n, entry in zip(numbers, entries, strict=True)
        )
    sides = list(Participation.objects.filter(event=event).order_by("position"))
    for first in range(0, organizations, BATCH):
        chunk = sides[first : first + BATCH]
        Opportunity.objects.bulk_create(
            Opportunity(
                event=event,
                participation=side,
                code=f"opp-{side.position}",
                kind="offer",
                type="technology",
                title=f"Offer {side.position}",
                position=side.position,
            )
            for side in chunk
        )
        MeetingRequest.objects.bulk_create(
            MeetingRequest(
                event=event,
                requester=side,
                recipient=sides[(side.position + 1) % organizations],
                status="accepted",
                mandatory=side.position % 10 == 0,
                position=side.position,
            )
            for side in chunk
        )
        Meeting.objects.bulk_create(
            Meeting(
                event=event,
                a=side,
                b=sides[side.position + 1],
                session=session,
                start=session.start + timedelta(minutes=20 * (side.position // 2 % SLOTS)),
                end=session.start + timedelta(minutes=20 * (side.position // 2 % SLOTS + 1)),
                online=True,
                published=True,
                position=side.position,
            )
            for side in chunk
            if side.position % 2 == 0 and side.position + 1 < organizations
        )
    tenth = organizations // 10
    Agreement.objects.bulk_create(
        Agreement(
            event=event,
            code=f"agr-{n}",
            type="other",
            status="intention",
            title=f"Agreement {n}",
            date=date(2026, 11, 23),
            position=n,
        )
        for n in range(tenth)
    )
    Job.objects.bulk_create(Job(event=event, kind=Job.Kind.SCHEDULE) for _ in range(tenth))
    AuditEntry.objects.bulk_create(
        AuditEntry(event=event, action="meeting.moved", subject=f"meeting:{n}", summary=f"#{n}")
        for n in range(tenth)
    )
    return event, organizer


def session_cookie(organizer: object) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(organizer, backend="django.contrib.auth.backends.ModelBackend")
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def fetch(port: int, path: str, cookie: str) -> tuple[float, float, int, int]:
    """Seconds to the first byte and to the last, the body's size in bytes, the status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    first = time.perf_counter()
    body = response.read()
    last = time.perf_counter()
    connection.close()
    return first - started, last - started, len(body), response.status


def export_figures(event: object, runs: int) -> tuple[float, float, int]:
    """Median export seconds of ``runs``, then one traced run's peak MiB; the file's size."""
    from matchfair.web.exports.workbook import write_event_workbook

    seconds = []
    size = 0
    for _ in range(runs):
        with tempfile.TemporaryFile() as target:
            started = time.perf_counter()
            write_event_workbook(event, target)
            seconds.append(time.perf_counter() - started)
            size = target.tell()
    with tempfile.TemporaryFile() as target:
        tracemalloc.start()
        write_event_workbook(event, target)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return statistics.median(seconds), peak / 2**20, size


def run(organizations: int, runs: int, export_runs: int) -> int:
    from matchfair.web.boot import start_django

    start_django()
    from django.core.wsgi import get_wsgi_application
    from django.urls import reverse
    from waitress import create_server

    from matchfair.web.server import waitress_options

    started = time.perf_counter()
    event, organizer = build(organizations)
    print(f"built {organizations} organizations in {time.perf_counter() - started:.0f} s")
    cookie = session_cookie(organizer)
    server = create_server(get_wsgi_application(), **{**waitress_options(0), "threads": 2})
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    database = "PostgreSQL" if os.environ.get("MATCHFAIR_DATABASE_URL") else "SQLite"
    print(f"database: {database}; pages: medians of {runs} runs after one to warm up")
    print("| page | first request (s) | first byte (s) | whole page (s) | size (KiB) |")
    print("|---|---:|---:|---:|---:|")
    try:
        for name, query in PAGES:
            path = reverse(f"orga:{name}", args=[event.pk]) + (f"?{query}" if query else "")
            # The first request warms templates and connections, and builds what a page
            # keeps per content version (the language filter's detected languages).
            first = fetch(server.effective_port, path, cookie)
            figures = [fetch(server.effective_port, path, cookie) for _ in range(runs)]
            if any(status != 200 for *_, status in figures):
                print(f"{path}: answered {figures[0][3]}")
                return 1
            print(
                f"| `{path.split('/', 3)[3]}` | {first[1]:.2f} "
                f"| {statistics.median(f[0] for f in figures):.2f} "
                f"| {statistics.median(f[1] for f in figures):.2f} "
                f"| {statistics.median(f[2] for f in figures) / 1024:.0f} |"
            )
    finally:
        server.task_dispatcher.shutdown()  # its threads end before the server's socket does
        server.close()
    if export_runs == 0:
        return 0
    seconds, peak, size = export_figures(event, export_runs)
    print(
        f"Excel export: {seconds:.1f} s (median), peak traced memory {peak:.1f} MiB, "
        f"file {size / 2**20:.1f} MiB"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each page")
    parser.add_argument(
        "--export-runs", type=int, default=1, help="timed runs of the export (0: no export)"
    )
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="matchfair-bench-") as home:
        os.environ["MATCHFAIR_HOME"] = home
        os.environ.setdefault("MATCHFAIR_ENCODER", "fake")
        return run(arguments.organizations, arguments.runs, arguments.export_runs)


if __name__ == "__main__":
    sys.exit(main())
