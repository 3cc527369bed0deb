"""Quality of ``matchfair recommend`` on the development set, against the plain baseline.

Scored as the set's README says: for every directed truth entry (A, B), recall@5
counts B among A's first 5 partners, MRR averages 1/rank of B in A's list of 10.
The baseline, computed in the same run from the same cached vectors, ranks
partners by the maximum cosine between any two texts (opportunities and
descriptions) of two organizations, the group rule and self excluded. Ablations
switch one term of the method off. A breakdown by language pair (each
organization's main opportunity language) and by the language of the organization
whose list it is follows.

Search is scored on two query sets, short queries as people type them (compounds,
abbreviations, domain terms, mixed scripts) in 13 languages:
``bench/search_queries.json``, the development set, and
``bench/search_queries_holdout.json``, written from the organizations' list before
any result was seen and never used to choose a method or a weight. A query hits
when one of its expected organizations is among the first 5 organizations; MRR
averages 1/rank of the first expected one in the list of 10. The baseline is the
dense similarity alone (the method before issue #19), from the same index in the
same run; for the first encoder, ablations switch one witness off each. Each
encoder's search reports the first search (building the index from a warm
embedding cache, as after a restart) and the median time of one query. With
``--speed`` the encoders' throughput follows.

    python bench/matching_quality.py [--data ../shared/data/matching-dev] [--speed] [--search-only]
"""

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

from matchfair.core import Event, read_event
from matchfair.matching import EmbeddingCache, SearchIndex, Weights, choose_encoders, recommend
from matchfair.matching.corpus import build_corpus
from matchfair.matching.language import languages_of

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "matching-dev"
QUERIES = Path(__file__).resolve().parent / "search_queries.json"
HOLDOUT = Path(__file__).resolve().parent / "search_queries_holdout.json"
LANGUAGES = ["zh", "ja", "ko", "de", "fr", "es", "it", "nl", "fi", "sv", "da", "no", "en"]
Ranking = dict[str, list[str]]
#: The dense similarity alone: search as it was before the other witnesses.
DENSE_ONLY = Weights(search_titles=0, search_sectors=0, search_lexical=0)


def baseline(event: Event, encoder: str, cache: EmbeddingCache) -> Ranking:
    """Partners by the maximum cosine of any two of their texts, best first, top 10."""
    corpus = build_corpus(event, all_profiles=True)
    (model,) = choose_encoders(encoder, len(corpus.units))
    vectors = cache.values(model.key, corpus.texts, model.encode)
    pairs = vectors @ vectors.T
    by_partner = np.maximum.reduceat(pairs, corpus.starts, axis=1)
    scores = np.maximum.reduceat(by_partner, corpus.starts, axis=0)
    organizations = event.organizations
    ranking = {}
    for a, organization in enumerate(organizations):
        candidates = [
            b
            for b, other in enumerate(organizations)
            if b != a
            and not (
                event.event.match_across_groups
                and organization.group is not None
                and organization.group == other.group
            )
        ]
        candidates.sort(key=lambda b: (-scores[a, b], b))
        ranking[organization.id] = [organizations[b].id for b in candidates[:10]]
    return ranking


def method(event: Event, encoder: str, cache: EmbeddingCache, weights: Weights) -> Ranking:
    """Partners as ``matchfair recommend --top 10`` gives them."""
    result = recommend(event, top=10, spec=encoder, cache=cache, weights=weights)
    return {a: [item.partner for item in items] for a, items in result.recommendations.items()}


def ranks(ranking: Ranking, truth: dict[str, list[str]]) -> list[tuple[str, str, int | None]]:
    """(A, B, rank of B in A's list or None) for every directed truth entry."""
    found = []
    for a, partners in sorted(truth.items()):
        for b in partners:
            listed = ranking.get(a, [])
            found.append((a, b, listed.index(b) + 1 if b in listed else None))
    return found


def scores(entries: list[tuple[str, str, int | None]]) -> tuple[float, float]:
    """recall@5 and MRR of the entries."""
    recall = float(np.mean([rank is not None and rank <= 5 for *_, rank in entries]))
    mrr = float(np.mean([1.0 / rank if rank else 0.0 for *_, rank in entries]))
    return recall, mrr


def main_languages(event: Event, cache: EmbeddingCache) -> dict[str, str]:
    """Each organization's most frequent opportunity language (ties: first seen)."""
    corpus = build_corpus(event)
    detected = languages_of(corpus.texts, cache)
    per_owner: dict[int, Counter[str]] = defaultdict(Counter)
    for unit, language in zip(corpus.units, detected, strict=True):
        per_owner[unit.organization][language] += 1
    return {
        organization.id: per_owner[index].most_common(1)[0][0]
        for index, organization in enumerate(event.organizations)
    }


def search_ranks(
    index: SearchIndex, queries: list[dict], weights: Weights
) -> tuple[list[tuple[dict, int | None]], list[float]]:
    """(query, rank of its first expected organization among the first 10, or None),
    and the wall seconds of each query."""
    index.weights = weights
    found, seconds = [], []
    for query in queries:
        start = time.perf_counter()
        listed = [hit.id for hit in index.search(query["query"], top=10).organizations]
        seconds.append(time.perf_counter() - start)
        rank = next(
            (at + 1 for at, organization in enumerate(listed) if organization in query["expected"]),
            None,
        )
        found.append((query, rank))
    return found, seconds


def hit_rate(ranks: list[int | None]) -> tuple[float, float]:
    """Top-5 hit rate and MRR of search ranks."""
    if not ranks:
        return 0.0, 0.0
    hits = float(np.mean([rank is not None and rank <= 5 for rank in ranks]))
    return hits, float(np.mean([1.0 / rank if rank else 0.0 for rank in ranks]))


def print_search(event: Event, cache: EmbeddingCache, encoder: str, ablations: bool) -> None:
    """Search quality per query set, language and query type, baseline beside the method."""
    start = time.perf_counter()
    index = SearchIndex.build(event, spec=encoder, cache=cache)
    build = time.perf_counter() - start
    # The first query also loads the encoders' weights: timed apart from the others.
    start = time.perf_counter()
    index.search("first query", top=10)
    first = time.perf_counter() - start
    for path in (QUERIES, HOLDOUT):
        queries = json.loads(path.read_text(encoding="utf-8"))["queries"]
        print_query_set(index, queries, f"{path.name}, encoder {encoder}", ablations)
    _, seconds = search_ranks(
        index, json.loads(QUERIES.read_text(encoding="utf-8"))["queries"], Weights()
    )
    print(
        f"\nTimes, encoder {encoder}: index built in {build:.1f} s from the cache, "
        f"first query {first:.2f} s, then a median of {1000 * statistics.median(seconds):.0f} ms "
        f"a query (max {1000 * max(seconds):.0f} ms, {len(seconds)} queries)"
    )


def print_query_set(index: SearchIndex, queries: list[dict], title: str, ablations: bool) -> None:
    """One query set's table: all, per language, per type; then the hybrid's misses."""
    runs = {
        "dense only (baseline)": search_ranks(index, queries, DENSE_ONLY)[0],
        "hybrid (default)": search_ranks(index, queries, Weights())[0],
    }
    if ablations:
        runs["without titles"] = search_ranks(index, queries, Weights(search_titles=0))[0]
        runs["without sectors"] = search_ranks(index, queries, Weights(search_sectors=0))[0]
        runs["without word pieces"] = search_ranks(index, queries, Weights(search_lexical=0))[0]
    print(f"\nSearch, {title} (top-5 hit rate / MRR):\n")
    print("| queries | n | " + " | ".join(runs) + " |")
    print("|---|---|" + "---|" * len(runs))
    groups = [("all", lambda query: True)]
    groups += [(code, lambda query, code=code: query["language"] == code) for code in LANGUAGES]
    kinds = sorted({query["type"] for query in queries})
    groups += [(f"type {kind}", lambda query, kind=kind: query["type"] == kind) for kind in kinds]
    for name, chosen in groups:
        cells = []
        for found in runs.values():
            hits, mrr = hit_rate([rank for query, rank in found if chosen(query)])
            cells.append(f"{hits:.2f} / {mrr:.2f}")
        count = sum(1 for query in queries if chosen(query))
        print(f"| {name} | {count} | " + " | ".join(cells) + " |")
    misses = [(query, rank) for query, rank in runs["hybrid (default)"] if not rank or rank > 5]
    if misses:
        print(
            "\nMissed by the hybrid: "
            + "; ".join(f"{q['query']} ({q['language']}, rank {r})" for q, r in misses)
        )


def encoding_speed(encoder: str, texts: list[str], repeats: int = 3) -> tuple[float, float]:
    """Median texts per wall second and per CPU second (all threads) of one encoder."""
    (model,) = choose_encoders(encoder, len(texts))
    model.encode(texts[:2])
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        model.encode(texts)
        walls.append(len(texts) / (time.perf_counter() - wall))
        cpus.append(len(texts) / (time.process_time() - cpu))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--speed", action="store_true", help="also time the encoders")
    parser.add_argument(
        "--search",
        nargs="*",
        default=["auto", "use"],
        help="encoders to score search with (default: auto, and use as for a large event)",
    )
    parser.add_argument(
        "--search-only", action="store_true", help="score search only, not recommendations"
    )
    arguments = parser.parse_args()
    event = read_event(arguments.data / "event.json")
    truth = json.loads((arguments.data / "truth.json").read_text(encoding="utf-8"))["pairs"]
    with tempfile.TemporaryDirectory() as folder:
        cache = EmbeddingCache(arguments.cache_dir or Path(folder))
        if arguments.search_only:
            for position, encoder in enumerate(arguments.search):
                print_search(event, cache, encoder, ablations=position == 0)
            return
        runs: dict[str, Callable[[], Ranking]] = {
            "baseline max-cosine, use": lambda: baseline(event, "use", cache),
            "baseline max-cosine, e5": lambda: baseline(event, "e5", cache),
            "method, use": lambda: method(event, "use", cache, Weights()),
            "method, e5": lambda: method(event, "e5", cache, Weights()),
            "method, use+e5 (default)": lambda: method(event, "auto", cache, Weights()),
            "  without kind/type terms": lambda: method(
                event, "auto", cache, Weights(offer_offer=0, request_request=0, same_type=0)
            ),
            "  without hub correction": lambda: method(
                event, "auto", cache, Weights(hub_neighbours=0)
            ),
            "  without shared sectors": lambda: method(event, "auto", cache, Weights(sectors=0)),
        }
        results = {}
        print("| configuration | recall@5 | MRR |")
        print("|---|---|---|")
        for name, run in runs.items():
            results[name] = ranks(run(), truth)
            recall, mrr = scores(results[name])
            print(f"| {name} | {recall:.3f} | {mrr:.3f} |")
        language = main_languages(event, cache)
        for position, encoder in enumerate(arguments.search):
            print_search(event, cache, encoder, ablations=position == 0)
    shown = ["baseline max-cosine, use", "method, use", "method, use+e5 (default)"]
    print("\nBy language pair (recall@5 / MRR):\n")
    print("| pair | entries | " + " | ".join(shown) + " |")
    print("|---|---|" + "---|" * len(shown))
    pairs = sorted({tuple(sorted((language[a], language[b]))) for a, b, _ in results[shown[0]]})
    for pair in pairs:
        cells = []
        for name in shown:
            chosen = [
                e for e in results[name] if tuple(sorted((language[e[0]], language[e[1]]))) == pair
            ]
            recall, mrr = scores(chosen)
            cells.append(f"{recall:.2f} / {mrr:.2f}")
        print(f"| {pair[0]}-{pair[1]} | {len(chosen)} | " + " | ".join(cells) + " |")
    print("\nBy the language of the organization whose list it is (recall@5 / MRR):\n")
    print("| language | entries | " + " | ".join(shown) + " |")
    print("|---|---|" + "---|" * len(shown))
    for code in LANGUAGES:
        cells = []
        for name in shown:
            chosen = [e for e in results[name] if language[e[0]] == code]
            if not chosen:
                cells.append("–")
                continue
            recall, mrr = scores(chosen)
            cells.append(f"{recall:.2f} / {mrr:.2f}")
        print(f"| {code} | {len(chosen)} | " + " | ".join(cells) + " |")
    if arguments.speed:
        print("\nEncoding speed on the set's opportunity texts (median of 3, no cache):\n")
        print("| encoder | texts | texts/s (wall) | texts per CPU-second |")
        print("|---|---|---|---|")
        texts = build_corpus(event).texts
        for name in ("use", "e5"):
            wall, cpu = encoding_speed(name, texts)
            print(f"| {name} | {len(texts)} | {wall:.0f} | {cpu:.0f} |")


if __name__ == "__main__":
    main()
