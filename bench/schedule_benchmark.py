"""Matchfair against first fit and the LP bound on generated events, in one run per size.

Each size runs in a child process so that its peak memory (max RSS) is its own. Per
size: the weight scheduled by first fit and by Matchfair as a ratio of the upper
bound, breaks and idle slots of both, Matchfair's wall time and peak memory.

    python bench/schedule_benchmark.py                     # 600/3k (60 s), 2k/10k (120 s)
    python bench/schedule_benchmark.py --sizes 10000:60000:600
"""

import argparse
import json
import multiprocessing
import resource
import sys
import time

from generate_event import generate
from matchfair.core import Schedule
from matchfair.scheduling import (
    SolveOptions,
    build_problem,
    schedule_event,
    schedule_quality,
    weight_bound,
)
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.locations import scheduled_meetings

DEFAULT_SIZES = ["600:3000:60", "2000:10000:120"]


def _measure(organizations: int, requests: int, time_limit: float, seed: int) -> dict[str, float]:
    event = generate(organizations, requests, seed)
    built = build_problem(event)
    first_fit = greedy_schedule(built.problem)
    interpreters = [person.id for person in event.interpreters]
    greedy = Schedule(
        event=event.event.id, meetings=scheduled_meetings(built, first_fit, interpreters)
    )
    greedy_quality = schedule_quality(event, greedy)
    started = time.perf_counter()
    cpu_started = time.process_time()
    outcome = schedule_event(event, SolveOptions(time_limit=time_limit, seed=seed))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    quality = schedule_quality(event, outcome.schedule)
    bound = weight_bound(built.problem, quality.mandatory)
    return {
        "organizations": organizations,
        "requests": quality.requested,
        "bound": bound.value,
        "greedy_weight": greedy_quality.weight,
        "greedy_breaks": greedy_quality.breaks,
        "greedy_idle": greedy_quality.idle,
        "weight": quality.weight,
        "breaks": quality.breaks,
        "idle": quality.idle,
        "mandatory": quality.mandatory,
        "requested_mandatory": quality.requested_mandatory,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child(arguments: tuple[int, int, float, int], queue: multiprocessing.Queue) -> None:
    queue.put(_measure(*arguments))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", nargs="*", default=DEFAULT_SIZES, help="ORGANIZATIONS:REQUESTS:SECONDS"
    )
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    print(
        "| organizations | accepted requests | bound | first fit weight (ratio) | Matchfair weight "
        "(ratio) | breaks first fit / Matchfair | idle first fit / Matchfair | wall s | CPU s "
        "| peak MiB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    context = multiprocessing.get_context("spawn")
    for size in arguments.sizes:
        organizations, requests, seconds = (int(part) for part in size.split(":"))
        queue = context.Queue()
        child = context.Process(
            target=_child, args=((organizations, requests, float(seconds), arguments.seed), queue)
        )
        child.start()
        row = queue.get()
        child.join()
        bound = row["bound"] or 1.0
        print(
            f"| {organizations} | {row['requests']} | {row['bound']:.0f} "
            f"| {row['greedy_weight']} ({row['greedy_weight'] / bound:.2%}) "
            f"| {row['weight']} ({row['weight'] / bound:.2%}) "
            f"| {row['greedy_breaks']} / {row['breaks']} | {row['greedy_idle']} / {row['idle']} "
            f"| {row['seconds']:.0f} | {row['cpu_seconds']:.0f} | {row['peak_mib']:.0f} |",
            flush=True,
        )
        print(json.dumps(row), file=sys.stderr)


if __name__ == "__main__":
    main()
