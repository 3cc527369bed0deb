"""Same event and seed, same schedule, also for models big enough to run CP-SAT's portfolio."""

import random
from datetime import UTC, datetime, timedelta

from matchfair.core import Event, dump_document, parse_event
from matchfair.scheduling import SolveOptions, build_problem, schedule_event, solver
from matchfair.scheduling.solver import SINGLE_WORKER_LIMIT, choice_count

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _event(organizations: int, requests: int, seed: int) -> Event:
    """One 10-slot session, everybody on site, random distinct pairs."""
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < requests:
        a, b = rng.sample(range(organizations), 2)
        pairs.add((min(a, b), max(a, b)))
    return parse_event(
        {
            "format": "matchfair-event/1",
            "event": {
                "id": "determinism",
                "name": "Determinism",
                "sessions": [
                    {
                        "id": "day",
                        "start": START.isoformat(),
                        "end": (START + timedelta(minutes=200)).isoformat(),
                        "slot_minutes": 20,
                        "mode": "onsite",
                    }
                ],
                "tables": organizations // 2,
            },
            "organizations": [
                {"id": f"o{number}", "name": f"Org {number}"} for number in range(organizations)
            ],
            "meeting_requests": [
                {"from": f"o{a}", "to": f"o{b}", "weight": rng.choice([1, 2])}
                for a, b in sorted(pairs)
            ],
        }
    )


def test_same_seed_same_schedule_above_the_single_worker_limit() -> None:
    event = _event(organizations=24, requests=70, seed=5)
    assert choice_count(build_problem(event).problem) > SINGLE_WORKER_LIMIT
    # A small deterministic budget, so that no wall-clock limit ends a solve.
    options = SolveOptions(time_limit=600.0, seed=3, workers=2, deterministic_limit=2.0)
    first = dump_document(schedule_event(event, options).schedule)
    second = dump_document(schedule_event(event, options).schedule)
    assert first == second


def test_same_seed_same_schedule_when_phase_two_goes_by_neighbourhoods(monkeypatch) -> None:
    # Large events' gap rounds: each neighbourhood is charged its model building, so
    # the budget, not the wall clock, ends them.
    monkeypatch.setattr(solver, "FULL_MODEL_LIMIT", 0)
    event = _event(organizations=24, requests=70, seed=5)
    options = SolveOptions(time_limit=30.0, seed=3, deterministic_limit=0.2)
    first = dump_document(schedule_event(event, options).schedule)
    second = dump_document(schedule_event(event, options).schedule)
    assert first == second
