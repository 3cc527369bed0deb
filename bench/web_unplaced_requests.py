"""What finding accepted requests left off the schedule, and their free places, costs.

The schedule page lists every accepted request on no agenda (``unplaced_requests``);
the placement page lists the free slots of one (``free_places``). Measured on the
schedule-page benchmark's event (2,000 organizations, 9,600 accepted requests, 9,600
meetings, 400 tables, 24 slots) with a few meetings removed so that their requests
are left unplaced, against a baseline in the same run: the same answer computed in
Python from the requests' and meetings' ids.

    python bench/web_unplaced_requests.py
    python bench/web_unplaced_requests.py --organizations 500 --repeat 5
"""

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable

UNPLACED = 5


def _median_ms(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    durations, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations) * 1000, result


def run(organizations: int, tables: int, repeat: int) -> None:
    from matchfair.web.boot import start_django

    start_django(keep_secret_key=True)
    from matchfair.web.exchange.to_database import import_event
    from matchfair.web.meetings.domain.placement import free_places
    from matchfair.web.meetings.models import Meeting, MeetingRequest
    from matchfair.web.meetings.queries import unplaced_requests
    from web_schedule_page import build_event

    event = import_event(build_event(organizations, tables), organizers=[])
    removed = list(Meeting.objects.filter(event=event).values_list("pk", flat=True)[:UNPLACED])
    Meeting.objects.filter(pk__in=removed).delete()

    def baseline() -> list[int]:
        met = {frozenset(p) for p in Meeting.objects.filter(event=event).values_list("a", "b")}
        accepted = MeetingRequest.objects.filter(event=event, status="accepted")
        return [
            pk
            for pk, a, b in accepted.values_list("pk", "requester", "recipient")
            if frozenset((a, b)) not in met
        ]

    database_ms, found = _median_ms(lambda: unplaced_requests(event), repeat)
    baseline_ms, expected = _median_ms(baseline, repeat)
    assert sorted(u.request.pk for u in found) == sorted(expected), "the two ways disagree"
    places_ms, places = _median_ms(lambda: free_places(meeting_request=found[0].request), repeat)
    requests = MeetingRequest.objects.filter(event=event).count()
    meetings = Meeting.objects.filter(event=event).count()
    print(f"{organizations} organizations, {requests} accepted requests, {meetings} meetings")
    print(f"unplaced_requests: {len(found)} found, median {database_ms:.1f} ms")
    print(f"baseline (ids compared in Python): median {baseline_ms:.1f} ms")
    print(f"ratio database / baseline: {database_ms / baseline_ms:.2f}")
    print(f"free_places of one request: {len(places)} slots, median {places_ms:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=2000)
    parser.add_argument("--tables", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=7)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="matchfair-bench-") as home:
        os.environ["MATCHFAIR_HOME"] = home
        run(arguments.organizations, arguments.tables, arguments.repeat)


if __name__ == "__main__":
    main()
