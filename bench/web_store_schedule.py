"""What storing a scheduler run costs on the web, and how much of it is fitting the result.

A run's result is fitted to the event as it is when the run ends (the event may
have changed during the run: ``matchfair.web.meetings.domain.runs``) and then stored
in one transaction under the schedule lock. This times both on a generated event
with a first-fit schedule (the solver's own time is what ``schedule_benchmark.py``
measures), median of ``--repeat`` runs: the fit alone, and the whole store, fit
included, so the fit's share is read off the same run. The database is SQLite in a
fresh temporary MATCHFAIR_HOME, or PostgreSQL with MATCHFAIR_DATABASE_URL set
(point it at a scratch database: the benchmark adds an event).

    python bench/web_store_schedule.py                       # 2,000 organizations
    python bench/web_store_schedule.py --size 10000:60000 --repeat 1
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

from generate_event import generate
from matchfair import core
from matchfair.scheduling import build_problem
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.locations import scheduled_meetings


def first_fit(event: core.Event) -> core.Schedule:
    """A complete result: first fit's meetings, every other accepted request listed."""
    built = build_problem(event)
    interpreters = [person.id for person in event.interpreters]
    meetings = scheduled_meetings(built, greedy_schedule(built.problem), interpreters)
    placed = {tuple(sorted((m.a, m.b))) for m in meetings}
    unscheduled = [
        core.UnscheduledMeeting(a=request.a, b=request.b, reason="benchmark")
        for request in core.requested_meetings(event)
        if request.pair not in placed
    ]
    return core.Schedule(event=event.event.id, meetings=meetings, unscheduled=unscheduled)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="2000:10000", help="organizations:requests")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    organizations, requests = (int(part) for part in arguments.size.split(":"))
    with tempfile.TemporaryDirectory(prefix="matchfair-bench-") as home:
        os.environ.setdefault("MATCHFAIR_HOME", home)
        return run(organizations, requests, arguments.repeat, arguments.seed)


def run(organizations: int, requests: int, repeat: int, seed: int) -> int:
    from matchfair.web.boot import start_django

    start_django()
    from matchfair.web.exchange.from_database import export_event, meetings_of
    from matchfair.web.exchange.schedule_runs import store_schedule
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.meetings.domain.runs import fit_to_current_event

    event = generate(organizations, requests, seed)
    result = first_fit(event)
    stored = import_event(event)
    fits, stores = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        fit_to_current_event(
            schedule=result,
            read=event,
            kept=[],
            current=export_event(stored, with_results=False),
            published_now=meetings_of(stored, published_only=True),
        )
        fits.append(time.perf_counter() - started)
        started = time.perf_counter()
        store_schedule(stored, result, read=event, kept=[])
        stores.append(time.perf_counter() - started)
    database = "PostgreSQL" if os.environ.get("MATCHFAIR_DATABASE_URL") else "SQLite"
    fit, store = statistics.median(fits), statistics.median(stores)
    print(
        f"database: {database}; {organizations} organizations, {len(result.meetings)} meetings, "
        f"{len(result.unscheduled)} not scheduled"
    )
    print(f"fit to the current event: median {fit:.2f} s of {repeat} ({sorted(fits)})")
    print(f"whole store, fit included: median {store:.2f} s ({sorted(stores)})")
    print(f"fit's share of the store: {fit / store:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
