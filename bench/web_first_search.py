"""The first partner search after a start of the server, with and without the index keeper.

Issue #13: the first search after a start built its index (export, language
detection, embedding, loading the encoders) inside the person's request. The
server now starts a keeper (``exchange.search_index.start_keeper``) that builds
the indexes of the recent events and loads the encoders before anyone searches.

The demo event is set up once in a fresh MATCHFAIR_HOME (its embedding cache is
filled as the first start's keeper fills it); then every run is a fresh process,
as a restart is:

- keeper: the keeper's first round (timed: how long after a start the indexes are
  ready), then the first search, timed as the catalog page's search calls it;
- no keeper (the baseline, as before): the first search straight away.

    python bench/web_first_search.py --runs 5
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

QUERIES = ["vetyteknologia", "hydrogen burners", "Abwärme", "智慧农业"]


def _django(home: str) -> None:
    os.environ["MATCHFAIR_HOME"] = home
    from matchfair.web.boot import start_django

    start_django()


def setup(home: str) -> None:
    """Create the demo event and fill the embedding cache, as a first start does."""
    _django(home)
    from django.conf import settings

    from matchfair.web.demo.setup import ensure_demo
    from matchfair.web.exchange.search_index import refresh_indexes

    ensure_demo()
    refresh_indexes(settings.MATCHFAIR_ENCODER)


def first_search(home: str, keeper: bool) -> dict[str, float]:
    """One start: the keeper's round (if any), then the first search, in seconds."""
    started = time.perf_counter()
    _django(home)
    from django.conf import settings

    from matchfair.web.demo.generate import DEMO_CODE
    from matchfair.web.events.models import Event
    from matchfair.web.exchange.search_index import refresh_indexes, search_partners

    spec = settings.MATCHFAIR_ENCODER
    ready = 0.0
    if keeper:
        refresh_indexes(spec)
        ready = time.perf_counter() - started
    event = Event.objects.get(code=DEMO_CODE)
    times = []
    for query in QUERIES:
        begun = time.perf_counter()
        search_partners(event, query, spec=spec)
        times.append(time.perf_counter() - begun)
    return {"ready": ready, "first": times[0], "later": statistics.median(times[1:])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        kind, home = arguments.child
        if kind == "setup":
            setup(home)
        else:
            print(json.dumps(first_search(home, keeper=kind == "keeper")))
        return
    with tempfile.TemporaryDirectory() as home:
        run = [sys.executable, __file__, "--child"]
        subprocess.run([*run, "setup", home], check=True)
        results: dict[str, list[dict[str, float]]] = {"keeper": [], "no keeper": []}
        for _ in range(arguments.runs):
            for kind in results:
                output = subprocess.run(
                    [*run, kind.replace(" ", "-"), home], check=True, capture_output=True, text=True
                ).stdout
                results[kind].append(json.loads(output.strip().splitlines()[-1]))
                print(kind, results[kind][-1], flush=True)
    print(f"medians of {arguments.runs} starts, load average {os.getloadavg()[0]:.1f}:")
    for kind, runs in results.items():
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(
            f"  {kind:9s} indexes ready {median['ready']:6.2f} s after the start, "
            f"first search {median['first']:6.3f} s, later searches {median['later']:6.3f} s"
        )


if __name__ == "__main__":
    main()
