"""Scale of a series' directory: 100,000 organizations searched through ``VectorIndex``.

A series' directory holds every organization that ever took part in an edition. The
texts are the development set's (``../shared/data/matching-dev``, read in place,
never copied): every organization description and opportunity is embedded once with
the encoder (USE by default, the one ``auto`` picks at this size), and each
synthetic organization is a mixture of one description and one to three
opportunities drawn from different organizations of the set, plus a little noise,
so no two vectors are equal and their neighbourhoods are those of real texts in
their real languages. Encoding 100,000 fresh texts would only measure the encoder
(``bench/matching_scale.py`` does that); this measures the index.

The queries are ``bench/search_queries.json``'s short queries in 13 languages and
the development set's opportunity titles, embedded with the same encoder and
repeated. Exact search (one matrix product over every vector) is the baseline, in
the same run, on the same vectors; recall@10 is the share of exact search's top 10
that the approximate search finds.

    nice python bench/directory_scale.py --organizations 100000 --repeats 5
"""

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from matchfair.matching import VectorIndex, choose_encoders  # noqa: E402
from matchfair.matching.encoder import normalise_rows  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "matching-dev"
QUERIES = ROOT / "bench" / "search_queries.json"
NOISE = 0.25


def dev_texts() -> tuple[list[str], list[str], list[str]]:
    """The set's descriptions and opportunity texts, and the queries people type."""
    event = json.loads((DEV / "event.json").read_text(encoding="utf-8"))
    descriptions = [
        " ".join(filter(None, [org["name"], org.get("description") or ""]))
        for org in event["organizations"]
    ]
    opportunities = [
        " ".join(filter(None, [opp["title"], opp.get("description") or ""]))
        for opp in event["opportunities"]
    ]
    typed = [item["query"] for item in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]]
    titles = [opp["title"] for opp in event["opportunities"]]
    return descriptions, opportunities, typed + titles


def synthetic_organizations(
    descriptions: np.ndarray, opportunities: np.ndarray, count: int, seed: int
) -> np.ndarray:
    """``count`` unit vectors, each a description and 1-3 opportunities mixed, plus noise."""
    random = np.random.default_rng(seed)
    dimension = descriptions.shape[1]
    vectors = descriptions[random.integers(0, len(descriptions), size=count)].copy()
    extra = random.integers(1, 4, size=count)
    for slot in range(3):
        chosen = random.integers(0, len(opportunities), size=count)
        vectors += np.where((extra > slot)[:, None], opportunities[chosen], 0.0)
    vectors = normalise_rows(vectors)
    noise = random.normal(scale=NOISE / np.sqrt(dimension), size=(count, dimension))
    return normalise_rows(vectors + noise)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed_searches(
    index: VectorIndex, queries: np.ndarray, repeats: int, exact: bool
) -> tuple[list[float], list[float], list[set[int]]]:
    """Wall and CPU milliseconds of every search (CPU: all threads, so a busy machine's
    waiting is left out), and the keys each query found the first time."""
    times, cpu_times, found = [], [], []
    for _repeat in range(repeats):
        for query in queries:
            start, cpu_start = time.perf_counter(), time.process_time()
            keys = index.search(query, 10, exact=exact).keys
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
            if len(found) < len(queries):
                found.append(set(keys.tolist()))
    return times, cpu_times, found


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--encoder", default="use")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    descriptions, opportunities, queries = dev_texts()
    encoder = choose_encoders(args.encoder, len(descriptions) + len(opportunities))[0]
    start = time.perf_counter()
    description_vectors = encoder.encode(descriptions)
    opportunity_vectors = encoder.encode(opportunities)
    query_vectors = encoder.encode(queries)
    encode_s = time.perf_counter() - start
    vectors = synthetic_organizations(
        description_vectors, opportunity_vectors, args.organizations, args.seed
    )
    rss_vectors = max_rss_mib()

    start, cpu_start = time.perf_counter(), time.process_time()
    index = VectorIndex(vectors.shape[1])
    index.add(range(args.organizations), vectors)
    build_s, build_cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    rss_built = max_rss_mib()

    load_before = os.getloadavg()[0]
    ann_ms, ann_cpu, ann_found = timed_searches(index, query_vectors, args.repeats, exact=False)
    exact_ms, exact_cpu, exact_found = timed_searches(
        index, query_vectors, args.repeats, exact=True
    )
    recall = sum(len(a & e) for a, e in zip(ann_found, exact_found, strict=True)) / (
        10 * len(query_vectors)
    )

    # Incremental upkeep: an edition's 500 new organizations, then 500 removed.
    fresh = synthetic_organizations(description_vectors, opportunity_vectors, 500, args.seed + 1)
    start = time.perf_counter()
    index.add(range(args.organizations, args.organizations + 500), fresh)
    add_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    index.remove(range(500))
    remove_ms = (time.perf_counter() - start) * 1000

    figures = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        "load_average_1min_before_searches": round(load_before, 2),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "encoder": encoder.key,
        "dimension": int(vectors.shape[1]),
        "organizations": args.organizations,
        "queries": len(query_vectors),
        "repeats": args.repeats,
        "encode_dev_texts_s": round(encode_s, 1),
        "build_s": round(build_s, 1),
        "build_cpu_s": round(build_cpu_s, 1),
        "approximate": index.approximate,
        "ann_median_ms": round(statistics.median(ann_ms), 3),
        "ann_p95_ms": round(percentile(ann_ms, 0.95), 3),
        "exact_median_ms": round(statistics.median(exact_ms), 3),
        "exact_p95_ms": round(percentile(exact_ms, 0.95), 3),
        "ann_cpu_median_ms": round(statistics.median(ann_cpu), 3),
        "ann_cpu_p95_ms": round(percentile(ann_cpu, 0.95), 3),
        "exact_cpu_median_ms": round(statistics.median(exact_cpu), 3),
        "exact_cpu_p95_ms": round(percentile(exact_cpu, 0.95), 3),
        "speed_up_median": round(statistics.median(exact_ms) / statistics.median(ann_ms), 1),
        "recall_at_10": round(recall, 4),
        "add_500_ms": round(add_ms, 1),
        "remove_500_ms": round(remove_ms, 1),
        "index_memory_mib": round(index.memory_bytes / 2**20, 1),
        "vectors_mib": round(vectors.nbytes / 2**20, 1),
        "peak_rss_before_index_mib": round(rss_vectors, 1),
        "peak_rss_after_build_mib": round(rss_built, 1),
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
