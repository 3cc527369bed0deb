"""Scale of ``matchfair recommend``: 10,000 organizations with 3 opportunities each.

The directory is built from the development set's own opportunities (their
languages, lengths and wording), each text made unique with a reference number, so
the encoders do the work real texts would cost. Every run is a fresh process:

- cold: an empty embedding cache, so language detection and embedding are included;
- warm: the cache the cold run filled;
- baseline: the plain method with the same cached vectors (of the configuration's
  first encoder), the maximum cosine between any two texts of two organizations
  and its top 10, so the cost of the method can be read as a ratio on a busy
  machine.

Each prints its wall time, CPU time, peak resident memory and the load average (over
the last minute) at its end; the script reports medians. Run it under ``nice`` on a
shared machine and read the wall time together with the load average.

    python bench/matching_scale.py --runs 3 --warm-runs 3 --work-dir /tmp/scale
"""

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "matching-dev"


def build_event(organizations: int, per_organization: int, seed: int) -> dict[str, Any]:
    """A bilateral event of ``organizations``, each with opportunities drawn from the dev set."""
    source = json.loads((DEV / "event.json").read_text(encoding="utf-8"))
    owners = {org["id"]: org for org in source["organizations"]}
    templates = source["opportunities"]
    rng = random.Random(seed)
    data = {key: source[key] for key in ("format", "event")}
    data["organizations"], data["opportunities"] = [], []
    for number in range(organizations):
        template_owner = owners[rng.choice(templates)["organization"]]
        org_id = f"org-{number}"
        data["organizations"].append(
            {
                "id": org_id,
                "name": f"{template_owner['name']} {number}",
                "group": template_owner["group"],
                "sectors": template_owner.get("sectors", []),
            }
        )
        for index in range(per_organization):
            template = rng.choice(templates)
            data["opportunities"].append(
                {
                    "id": f"{org_id}-{index}",
                    "organization": org_id,
                    "kind": template["kind"],
                    "type": template["type"],
                    "title": template["title"],
                    "description": f"{template.get('description', '')} (Ref. {number}-{index})",
                }
            )
    return data


def _usage(started: float) -> dict[str, float]:
    """Wall seconds since ``started``, CPU seconds and peak resident memory of this process.

    CPU seconds are the steadier figure on a shared machine: other people's work
    lengthens the wall time of a run far more than the work the run itself does.
    """
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "load_average": os.getloadavg()[0],
    }


def run_method(event_path: Path, cache: Path, encoder: str) -> dict[str, float]:
    """One recommend run in this process: wall time (read, embed, score, reasons) and memory."""
    from matchfair.core import read_event
    from matchfair.matching import EmbeddingCache, recommend

    started = time.perf_counter()
    recommend(read_event(event_path), top=10, spec=encoder, cache=EmbeddingCache(cache))
    return _usage(started)


def run_baseline(event_path: Path, cache: Path, encoder: str) -> dict[str, float]:
    """Maximum cosine of any two texts of two organizations, top 10, from cached vectors."""
    import numpy as np

    from matchfair.core import read_event
    from matchfair.matching import EmbeddingCache, choose_encoders
    from matchfair.matching.corpus import build_corpus

    started = time.perf_counter()
    event = read_event(event_path)
    corpus = build_corpus(event)
    model = choose_encoders(encoder, len(corpus.units))[0]
    vectors = EmbeddingCache(cache).values(model.key, corpus.texts, model.encode)
    count, block = len(event.organizations), 1024
    for start in range(0, count, block):
        first = int(corpus.starts[start])
        stop = min(start + block, count)
        last = int(corpus.starts[stop]) if stop < count else len(corpus.units)
        pairs = vectors[first:last] @ vectors.T
        by_partner = np.maximum.reduceat(pairs, corpus.starts, axis=1)
        scores = np.maximum.reduceat(by_partner, corpus.starts[start:stop] - first, axis=0)
        scores[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        np.argpartition(-scores, 10, axis=1)[:, :10]
    return _usage(started)


def _child(kind: str, event_path: Path, cache: Path, encoder: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(event_path), str(cache), encoder],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--opportunities", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3, help="cold runs")
    parser.add_argument("--warm-runs", type=int, default=3, help="warm runs after each cold one")
    parser.add_argument("--work-dir", type=Path, default=None, help="where the temporary files go")
    parser.add_argument(
        "--cache-dir", type=Path, default=None, help="keep each run's cache here (cache-N)"
    )
    parser.add_argument(
        "--warm-only", action="store_true", help="reuse the caches of --cache-dir, no cold run"
    )
    parser.add_argument("--encoder", default="auto")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        kind, event_path, cache, encoder = arguments.child
        run = run_method if kind != "baseline" else run_baseline
        print(json.dumps(run(Path(event_path), Path(cache), encoder)))
        return
    if arguments.work_dir:
        arguments.work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=arguments.work_dir) as folder:
        event_path = Path(folder) / "event.json"
        data = build_event(arguments.organizations, arguments.opportunities, arguments.seed)
        event_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        results: dict[str, list[dict[str, float]]] = {"cold": [], "warm": [], "baseline": []}
        for run in range(arguments.runs):
            cache = (arguments.cache_dir or Path(folder)) / f"cache-{run}"
            if not arguments.warm_only:
                shutil.rmtree(cache, ignore_errors=True)
                results["cold"].append(_child("cold", event_path, cache, arguments.encoder))
                print(f"cold run {run + 1}: {json.dumps(results['cold'][-1])}", flush=True)
            for _ in range(arguments.warm_runs):
                for kind in ("warm", "baseline"):
                    results[kind].append(_child(kind, event_path, cache, arguments.encoder))
                    print(f"{kind}: {json.dumps(results[kind][-1])}", flush=True)
    print(
        f"{arguments.organizations} organizations x {arguments.opportunities} opportunities, "
        f"encoder {arguments.encoder}, medians of {len(results['cold'])} cold and "
        f"{len(results['warm'])} warm runs:"
    )
    median = {
        kind: {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        for kind, runs in results.items()
        if runs
    }
    for kind, values in median.items():
        print(
            f"  {kind:8s} {values['seconds']:7.1f} s wall  {values['cpu_seconds']:7.1f} s CPU"
            f"  peak {values['peak_mb']:6.0f} MB  load average {values['load_average']:.1f}"
        )
    if "warm" in median:
        for key in ("seconds", "cpu_seconds"):
            ratio = median["warm"][key] / median["baseline"][key]
            print(f"  warm / baseline ({key}): {ratio:.2f}")


if __name__ == "__main__":
    main()
