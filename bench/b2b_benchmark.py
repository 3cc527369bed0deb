"""Matchfair on the B2B instances of Bofill et al. (JAIR 2022) against first fit and the optima.

Reads the ``.dzn`` files in place (default ``../shared/data/b2b-instances``), turns
each into a Matchfair event, runs the real scheduler (``--keep`` with the fixed
meetings of the ``.fixed*`` variants) and prints one Markdown row per instance:
meetings placed and total breaks for first fit and for Matchfair, the published
optimum, and the time. Precedences (``.prec*``) have no counterpart in the event
format, so those variants are scheduled without them and marked.

    python bench/b2b_benchmark.py                             # the 20 .original instances
    python bench/b2b_benchmark.py --variants forb0003 fixed020-Forb --only tic-12
    python bench/b2b_benchmark.py --variants all              # originals and all 6 variants

``--variants`` adds, after each base's ``.original``, the named variants (or ``all``);
``--no-originals`` leaves the originals out.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from b2b_reader import (
    AFTERNOON,
    MORNING,
    SLOT,
    B2BInstance,
    published_schedule,
    read_instance,
    to_event,
)
from matchfair.core import Schedule
from matchfair.scheduling import SolveOptions, build_problem, schedule_event, schedule_quality
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.metrics import occupancy_gaps, row_gaps

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "b2b-instances"
OPTIMA = {
    "forum-13": 0,
    "forum-13crafb": 6,
    "forum-13crafc": 1,
    "forum-14": 2,
    "forumt-14": 5,
    "forumt-14crafc": 5,
    "forumt-14crafd": 4,
    "forumt-14crafe": 5,
    "tic-12": 0,
    "tic-12crafc": 0,
    "tic-13": 0,
    "tic-13crafb": 0,
    "tic-13crafc": 4,
    "tic-14crafa": 0,
    "tic-14crafc": 0,
    "tic-14crafd": 0,
    "ticf-13crafa": 0,
    "ticf-13crafb": 3,
    "ticf-13crafc": 1,
    "ticf-14crafa": 0,
}
VARIANTS = ["forb0003", "forb0007", "fixed020-Forb", "fixed040-Forb", "prec15", "prec25"]


def _greedy_figures(path: Path) -> tuple[int, int]:
    """Meetings placed and breaks of plain first fit on the instance."""
    event = to_event(read_instance(path))
    built = build_problem(event)
    placement = greedy_schedule(built.problem)
    lengths = {session.id: 0 for session in event.event.sessions}
    for slot in built.slots:
        lengths[slot.session] = max(lengths[slot.session], slot.index + 1)
    occupied = []
    for index, assignment in placement.items():
        slot = built.slots[assignment.slot]
        meeting = built.meetings[index]
        occupied += [(meeting.a, slot.session, slot.index), (meeting.b, slot.session, slot.index)]
    return len(placement), occupancy_gaps(occupied, lengths).breaks


def _day_breaks(instance: B2BInstance, schedule: Schedule) -> int:
    """Breaks as the paper counts them: the morning and afternoon as one row of slots."""
    morning = {f"{(MORNING + n * SLOT):%H:%M}": n for n in range(instance.morning_slots)}
    afternoon = {
        f"{(AFTERNOON + n * SLOT):%H:%M}": instance.morning_slots + n
        for n in range(instance.total_slots - instance.morning_slots)
    }
    rows: dict[str, list[bool]] = {}
    for meeting in schedule.meetings:
        position = (morning if meeting.session == "morning" else afternoon)[
            f"{meeting.start:%H:%M}"
        ]
        for side in (meeting.a, meeting.b):
            rows.setdefault(side, [False] * instance.total_slots)[position] = True
    return sum(row_gaps(row).breaks for row in rows.values())


def run(path: Path, time_limit: float, seed: int) -> dict[str, object]:
    instance = read_instance(path)
    event = to_event(instance)
    greedy_placed, greedy_breaks = _greedy_figures(path)
    started = time.perf_counter()
    cpu_started = time.process_time()
    outcome = schedule_event(
        event,
        SolveOptions(time_limit=time_limit, seed=seed),
        published=published_schedule(instance),
    )
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    quality = schedule_quality(event, outcome.schedule)
    return {
        "name": instance.name,
        "meetings": len(instance.meetings),
        "distinct": quality.requested,
        "greedy_placed": greedy_placed,
        "greedy_breaks": greedy_breaks,
        "placed": quality.meetings,
        "breaks": quality.breaks,
        "day_breaks": _day_breaks(instance, outcome.schedule),
        "optimum": OPTIMA.get(instance.name.split(".")[0])
        if ".original" in instance.name
        else None,
        "proven": outcome.breaks_proven_optimal,
        "released": len(outcome.released),
        "precedences": instance.precedences,
        "seconds": elapsed,
        "cpu": cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--variants",
        nargs="*",
        default=[],
        choices=[*VARIANTS, "all"],
        help="variants to run beside each original",
    )
    parser.add_argument("--no-originals", action="store_true", help="run the variants only")
    parser.add_argument("--only", nargs="*", default=None, help="base names to run")
    arguments = parser.parse_args()
    variants = VARIANTS if "all" in arguments.variants else arguments.variants
    unknown = set(arguments.only or ()) - set(OPTIMA)
    if unknown:
        parser.error(f"unknown base names: {', '.join(sorted(unknown))}")
    paths = []
    for base in sorted(OPTIMA):
        if arguments.only and base not in arguments.only:
            continue
        if not arguments.no_originals:
            paths.append(arguments.data / f"{base}.original.dzn")
        paths += [arguments.data / f"{base}.{variant}.dzn" for variant in variants]
    print(f"load average at the start: {os.getloadavg()}", file=sys.stderr)
    print(
        "| instance | meetings | first fit placed | first fit breaks | Matchfair placed "
        "| Matchfair breaks per session | Matchfair breaks, day as one row | published optimum "
        "| breaks proven | wall s | CPU s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for path in paths:
        row = run(path, arguments.time_limit, arguments.seed)
        rows.append(row)
        note = f" ({row['precedences']} precedences ignored)" if row["precedences"] else ""
        kept = f", {row['released']} fixed released" if row["released"] else ""
        distinct = (
            f" ({row['distinct']} distinct pairs)" if row["distinct"] != row["meetings"] else ""
        )
        print(
            f"| {row['name']}{note}{kept} | {row['meetings']}{distinct} | {row['greedy_placed']} "
            f"| {row['greedy_breaks']} | {row['placed']} | {row['breaks']} | {row['day_breaks']} "
            f"| {'' if row['optimum'] is None else row['optimum']} | {'yes' if row['proven'] else 'no'} "
            f"| {row['seconds']:.1f} | {row['cpu']:.1f} |",
            flush=True,
        )
    originals = [row for row in rows if row["optimum"] is not None]
    if originals:
        print(
            f"\noriginals: {len(originals)} instances; every meeting placed: "
            f"{all(r['placed'] == r['distinct'] for r in originals)}; total breaks "
            f"{sum(r['breaks'] for r in originals)} per session, "
            f"{sum(r['day_breaks'] for r in originals)} with the day as one row (first fit {sum(r['greedy_breaks'] for r in originals)}, "
            f"published optima {sum(r['optimum'] for r in originals)}); median time "
            f"{statistics.median(r['seconds'] for r in originals):.1f} s, longest "
            f"{max(r['seconds'] for r in originals):.1f} s; breaks proven optimal on "
            f"{sum(bool(r['proven']) for r in originals)}",
            file=sys.stderr,
        )
    print(f"load average at the end: {os.getloadavg()}", file=sys.stderr)


if __name__ == "__main__":
    main()
