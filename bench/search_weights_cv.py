"""Search weights chosen by cross-validation over languages, against the defaults.

A weight that helps the development queries of one language may only fit those
queries. So each language is held out in turn: the weights of the three witnesses
beside the text (``Weights.search_titles``, ``search_sectors``, ``search_lexical``)
are chosen on a grid by top-5 hit rate plus MRR over the other languages' queries of
``bench/search_queries.json``, and the held-out language is scored with them. The
pooled scores of the held-out languages estimate what choosing weights this way is
worth on queries it did not see; the defaults are scored beside them. The holdout
set (``bench/search_queries_holdout.json``) is then scored with the defaults and
with the weights chosen on every development query, and never used to choose.

Every query is embedded once (``SearchIndex.witnesses``); each weight is a sum.

    python bench/search_weights_cv.py [--data ../shared/data/matching-dev] [--encoder auto]
"""

import argparse
import itertools
import json
import tempfile
from pathlib import Path

import numpy as np

from matchfair.core import read_event
from matchfair.matching import EmbeddingCache, SearchIndex, Weights
from matchfair.matching.search import Witnesses
from matching_quality import DEV, HOLDOUT, QUERIES, hit_rate

#: Values tried for each of the three weights (0 switches the witness off).
GRID = (0.0, 0.25, 0.5, 1.0, 2.0)
DEFAULT = Weights()
Triple = tuple[float, float, float]


def weights_of(triple: Triple) -> Weights:
    """The default weights with the three search weights of ``triple``."""
    titles, sectors, lexical = triple
    return Weights(search_titles=titles, search_sectors=sectors, search_lexical=lexical)


def first_hit(
    witnesses: Witnesses, weights: Weights, owners: np.ndarray, ids: list[str], expected: set[str]
) -> int | None:
    """Rank (1-10) of the first expected organization, organizations by their best text."""
    best = np.full(len(ids), -np.inf, dtype=np.float64)
    np.maximum.at(best, owners, witnesses.combined(weights))
    order = sorted(range(len(ids)), key=lambda owner: (-best[owner], owner))[:10]
    return next((at + 1 for at, owner in enumerate(order) if ids[owner] in expected), None)


def merit(ranks: list[int | None]) -> float:
    """What the choice maximises: top-5 hit rate plus MRR."""
    return sum(hit_rate(ranks))


def distance(triple: Triple) -> float:
    """How far ``triple`` is from the defaults (ties go to the nearer one)."""
    default = (DEFAULT.search_titles, DEFAULT.search_sectors, DEFAULT.search_lexical)
    return sum(abs(a - b) for a, b in zip(triple, default, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--encoder", default="auto")
    arguments = parser.parse_args()
    event = read_event(arguments.data / "event.json")
    development = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    holdout = json.loads(HOLDOUT.read_text(encoding="utf-8"))["queries"]
    with tempfile.TemporaryDirectory() as folder:
        cache = EmbeddingCache(arguments.cache_dir or Path(folder))
        index = SearchIndex.build(event, spec=arguments.encoder, cache=cache)
        corpus = index.analysis.corpus
        owners = np.array([unit.organization for unit in corpus.units], dtype=np.int64)
        ids = [organization.id for organization in corpus.organizations]
        seen = {query["query"]: index.witnesses(query["query"]) for query in development + holdout}
    grid: list[Triple] = list(itertools.product(GRID, GRID, GRID))

    def ranks(queries: list[dict], triple: Triple) -> list[int | None]:
        weights = weights_of(triple)
        return [
            first_hit(seen[query["query"]], weights, owners, ids, set(query["expected"]))
            for query in queries
        ]

    table = {triple: ranks(development, triple) for triple in grid}

    def choose(chosen: list[int]) -> Triple:
        return max(
            grid,
            key=lambda triple: (merit([table[triple][at] for at in chosen]), -distance(triple)),
        )

    languages = sorted({query["language"] for query in development})
    held_out: list[int | None] = [None] * len(development)
    default_triple = (DEFAULT.search_titles, DEFAULT.search_sectors, DEFAULT.search_lexical)
    print(f"Encoder {arguments.encoder}; grid {GRID} for titles, sectors, word pieces.\n")
    print("| held-out language | n | weights chosen on the others | held out | defaults |")
    print("|---|---|---|---|---|")
    for language in languages:
        rows = [at for at, query in enumerate(development) if query["language"] == language]
        others = [at for at, query in enumerate(development) if query["language"] != language]
        triple = choose(others)
        for at in rows:
            held_out[at] = table[triple][at]
        chosen = hit_rate([table[triple][at] for at in rows])
        default = hit_rate([table[default_triple][at] for at in rows])
        print(
            f"| {language} | {len(rows)} | {triple} | {chosen[0]:.2f} / {chosen[1]:.2f} "
            f"| {default[0]:.2f} / {default[1]:.2f} |"
        )
    estimate = hit_rate(held_out)
    default = hit_rate(table[default_triple])
    print(
        f"| **all, pooled** | {len(development)} | | **{estimate[0]:.3f} / {estimate[1]:.3f}** "
        f"| **{default[0]:.3f} / {default[1]:.3f}** |"
    )
    everything = choose(list(range(len(development))))
    for name, triple in (("defaults", default_triple), ("chosen on every language", everything)):
        development_score = hit_rate(table[triple])
        holdout_score = hit_rate(ranks(holdout, triple))
        print(
            f"\n{name} {triple}: development {development_score[0]:.3f} / "
            f"{development_score[1]:.3f}, holdout {holdout_score[0]:.3f} / {holdout_score[1]:.3f}"
        )


if __name__ == "__main__":
    main()
