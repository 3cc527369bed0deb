"""Generate a realistic matchmaking event file for the scheduling benchmarks.

Structure taken from the brokerage events Matchfair is for: two days of 20-minute
slots in four half-day sessions; popularity that follows a heavy-tailed (Pareto)
law so favourites are asked far more often than they can meet; about a third of the
organizations available only part of the time; a fifth attending online; some with
2-3 delegates; several language groups, some speaking only their own language, with
a few interpreters for the pairs that need one.

    python bench/generate_event.py --organizations 600 --requests 3000 -o event.json
"""

import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from matchfair.core import Event, parse_event, write_document

ZONE = timezone(timedelta(hours=8))
SESSIONS = [
    ("day1-am", datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)),
    ("day1-pm", datetime(2026, 11, 23, 14, 0, tzinfo=ZONE)),
    ("day2-am", datetime(2026, 11, 24, 9, 0, tzinfo=ZONE)),
    ("day2-pm", datetime(2026, 11, 24, 14, 0, tzinfo=ZONE)),
]
SESSION_HOURS = 3
LANGUAGE_GROUPS = [
    # (group, share, languages when bilingual, native language, share speaking only it)
    ("chengdu", 0.45, ["zh", "en"], "zh", 0.35),
    ("nordic", 0.2, ["fi", "en"], "fi", 0.05),
    ("german", 0.15, ["de", "en"], "de", 0.2),
    ("japan", 0.1, ["ja", "en"], "ja", 0.4),
    ("france", 0.1, ["fr", "en"], "fr", 0.2),
]
INTERPRETERS = [["zh", "en"], ["zh", "en"], ["zh", "en"], ["ja", "en"], ["zh", "de"], ["zh", "fr"]]
PARETO_SHAPE = 1.2


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _availability(rng: random.Random) -> list[dict[str, str]]:
    """A partial attendance: one day, or the mornings, or one session."""
    choice = rng.random()
    if choice < 0.4:
        day = rng.choice([0, 2])
        start, end = SESSIONS[day][1], SESSIONS[day + 1][1] + timedelta(hours=SESSION_HOURS)
        return [{"start": _iso(start), "end": _iso(end)}]
    if choice < 0.7:
        return [
            {
                "start": _iso(SESSIONS[i][1]),
                "end": _iso(SESSIONS[i][1] + timedelta(hours=SESSION_HOURS)),
            }
            for i in (0, 2)
        ]
    start = rng.choice(SESSIONS)[1]
    return [{"start": _iso(start), "end": _iso(start + timedelta(hours=SESSION_HOURS))}]


def generate(organizations: int, requests: int, seed: int) -> Event:
    """A random event of this size (same arguments, same event)."""
    rng = random.Random(seed)
    orgs: list[dict[str, Any]] = []
    for number in range(organizations):
        group, languages, native, monolingual = _pick_group(rng)
        org: dict[str, Any] = {
            "id": f"org-{number}",
            "name": f"Organization {number}",
            "group": group,
            "languages": [native] if rng.random() < monolingual else languages,
            "attendance": "online" if rng.random() < 0.2 else "onsite",
            "delegates": 3 if rng.random() < 0.03 else 2 if rng.random() < 0.1 else 1,
        }
        if rng.random() < 1 / 3:
            org["availability"] = _availability(rng)
        orgs.append(org)
    popularity = [rng.paretovariate(PARETO_SHAPE) for _ in range(organizations)]
    pairs: set[tuple[int, int]] = set()
    meeting_requests = []
    while len(meeting_requests) < requests:
        requester = rng.randrange(organizations)
        target = rng.choices(range(organizations), weights=popularity)[0]
        pair = (min(requester, target), max(requester, target))
        if requester == target or pair in pairs:
            continue
        pairs.add(pair)
        request: dict[str, Any] = {
            "from": f"org-{requester}",
            "to": f"org-{target}",
            "weight": rng.choice([1, 1, 2, 3]),
            "mandatory": rng.random() < 0.02,
        }
        if rng.random() < 0.05:
            request["sessions"] = ["day2-am", "day2-pm"]
        meeting_requests.append(request)
    interpreters = [
        {"id": f"interpreter-{number}", "languages": languages}
        for number, languages in enumerate(INTERPRETERS * max(1, organizations // 300))
    ]
    document = {
        "format": "matchfair-event/1",
        "event": {
            "id": f"bench-{organizations}-{requests}-{seed}",
            "name": f"Benchmark event ({organizations} organizations)",
            "timezone": "Asia/Shanghai",
            "sessions": [
                {
                    "id": name,
                    "start": _iso(start),
                    "end": _iso(start + timedelta(hours=SESSION_HOURS)),
                    "slot_minutes": 20,
                    "mode": "hybrid",
                }
                for name, start in SESSIONS
            ],
            "tables": max(10, organizations // 4),
            "online_rooms": None,
        },
        "organizations": orgs,
        "meeting_requests": meeting_requests,
        "interpreters": interpreters,
    }
    return parse_event(document)


def _pick_group(rng: random.Random) -> tuple[str, list[str], str, float]:
    draw = rng.random()
    for group, share, languages, native, monolingual in LANGUAGE_GROUPS:
        if draw < share:
            return group, languages, native, monolingual
        draw -= share
    group, _, languages, native, monolingual = LANGUAGE_GROUPS[-1]
    return group, languages, native, monolingual


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=600)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    arguments = parser.parse_args()
    write_document(
        arguments.output, generate(arguments.organizations, arguments.requests, arguments.seed)
    )


if __name__ == "__main__":
    main()
