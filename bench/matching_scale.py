"""Scale of ``matchfair recommend``: 10,000 organizations, each with a description and
3 opportunities (about 40,000 texts), the development set embedded among them.

The 142 organizations of the development set keep their own texts; the others are
distractors made of the set's clauses (``build_event``), with a reference number,
so the languages and lengths are real and the encoders do the work real texts would
cost, but no distractor repeats what an organization of the set says. The
development set's truth is then scored on all organizations' lists, per language of
the organization whose list it is.

Every run is a fresh process:

- cold: an empty embedding cache, so language detection and embedding are included;
- warm: the cache the cold run filled;
- refresh (with ``--refreshes N``): after the warm runs, a recommendation run that
  keeps its state (as the web's recommendation job does), then N times one
  organization's description and opportunities rewritten and the run refreshed
  from the state: only those texts are encoded and only the lists that can change
  are ranked again. Each refresh is a fresh process, and again all in one process
  (``worker``), as the web's job worker runs them one after another: its encoders
  stay loaded and its state stays in memory between jobs. With ``--baseline-src``
  the fresh-process refreshes also run on another checkout's ``src`` (the code
  before a change), in the same run, and so does each warm run (``warm, old code``);
- baseline: the plain method with the same cached vectors (of the configuration's
  first encoder; a routed one's primary), the maximum cosine between any two texts
  of two organizations and its top 10, so the cost of the method can be read as a
  ratio on a busy machine.

Each prints its wall time, CPU time, peak resident memory and the load average (over
the last minute) at its end (a refresh's time counts reading the event and the
state and refreshing; saving the state is reported apart, as ``save_seconds``); the script reports medians, and the quality of the
last cold (or warm) run and of the baseline. Run it under ``nice`` on a shared
machine and read the wall time together with the load average.

    python bench/matching_scale.py --runs 3 --warm-runs 3 --work-dir /tmp/scale
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "matching-dev"
LANGUAGES = ["zh", "ja", "ko", "de", "fr", "es", "it", "nl", "fi", "sv", "da", "no", "en"]


def _by_language(texts: list[str]) -> dict[str, list[int]]:
    """Positions of ``texts`` per detected language."""
    from matchfair.matching.language import detect

    groups: dict[str, list[int]] = defaultdict(list)
    for position, code in enumerate(detect(texts)):
        groups[str(code)].append(position)
    return groups


#: Where a text may be cut into clauses: after punctuation, Western or CJK.
_BREAK = re.compile(r"(?<=[,.;:!?\uff0c\u3002\uff1b\uff1a\uff01\uff1f\u3001])\s*")


def _clauses(texts: list[str]) -> list[str]:
    return [clause for text in texts for clause in _BREAK.split(text) if clause.strip()]


def _mixed(pool: list[str], length: int, language: str, rng: random.Random) -> str:
    """Clauses of the language's texts drawn at random until ``length`` characters."""
    parts, total = [], 0
    while total < max(length, 1):
        parts.append(rng.choice(pool))
        total += len(parts[-1])
    return ("" if language in ("zh", "ja") else " ").join(parts)


def build_event(organizations: int, per_organization: int, seed: int) -> dict[str, Any]:
    """The development set plus distractors up to ``organizations``, as an event file.

    A distractor text copies no text of the set: it is made of clauses drawn from
    all of the set's texts in one language, up to the length of one of them, so its
    language and length are real and its words are the event's, but no distractor
    says what one organization of the set says (a copy would outrank the true
    partner by being the organization's own twin).
    """
    source = json.loads((DEV / "event.json").read_text(encoding="utf-8"))
    owners = {org["id"]: org for org in source["organizations"]}
    templates = source["opportunities"]
    profiles = [org for org in source["organizations"] if org.get("description")]
    rng = random.Random(seed)
    texts = [f"{t['title']}. {t.get('description', '')}" for t in templates]
    by_language = _by_language(texts)
    language_of = {i: code for code, group in by_language.items() for i in group}
    pools = {
        code: _clauses([templates[i].get("description") or templates[i]["title"] for i in group])
        for code, group in by_language.items()
    }
    profile_languages = _by_language([org["description"] for org in profiles])
    profile_language = {i: code for code, group in profile_languages.items() for i in group}
    profile_pools = {
        code: _clauses([profiles[i]["description"] for i in group])
        for code, group in profile_languages.items()
    }
    data = {key: source[key] for key in ("format", "event")}
    data["organizations"] = list(source["organizations"])
    data["opportunities"] = list(source["opportunities"])
    for number in range(organizations - len(source["organizations"])):
        template_owner = owners[rng.choice(templates)["organization"]]
        org_id = f"org-{number}"
        shape = rng.randrange(len(profiles))
        code = profile_language[shape]
        description = _mixed(profile_pools[code], len(profiles[shape]["description"]), code, rng)
        data["organizations"].append(
            {
                "id": org_id,
                "name": f"{template_owner['name']} {number}",
                "group": template_owner["group"],
                "sectors": template_owner.get("sectors", []),
                "description": f"{description} (Ref. {number})",
            }
        )
        for index in range(per_organization):
            shape = rng.randrange(len(templates))
            code = language_of[shape]
            template = templates[shape]
            title = rng.choice(pools[code])[: max(len(template["title"]), 8)]
            text = _mixed(pools[code], len(template.get("description", "")), code, rng)
            data["opportunities"].append(
                {
                    "id": f"{org_id}-{index}",
                    "organization": org_id,
                    "kind": template["kind"],
                    "type": template["type"],
                    "title": title,
                    "description": f"{text} (Ref. {number}-{index})",
                }
            )
    return data


def quality(ranking: dict[str, list[str]], event_path: Path, cache: Path) -> dict[str, Any]:
    """recall@5 and MRR of the development set's truth, overall and per language."""
    from matchfair.core import read_event
    from matchfair.matching import EmbeddingCache
    from matchfair.matching.corpus import build_corpus
    from matchfair.matching.language import languages_of

    truth = json.loads((DEV / "truth.json").read_text(encoding="utf-8"))["pairs"]
    dev = read_event(DEV / "event.json")
    corpus = build_corpus(dev)
    per_owner: dict[int, Counter[str]] = defaultdict(Counter)
    for unit, code in zip(
        corpus.units, languages_of(corpus.texts, EmbeddingCache(cache)), strict=True
    ):
        per_owner[unit.organization][code] += 1
    language = {
        org.id: per_owner[index].most_common(1)[0][0] for index, org in enumerate(dev.organizations)
    }
    entries = defaultdict(list)
    for a, partners in truth.items():
        for b in partners:
            listed = ranking.get(a, [])
            rank = listed.index(b) + 1 if b in listed else None
            for key in ("all", language[a]):
                entries[key].append(rank)
    return {
        key: {
            "entries": len(ranks),
            "recall5": sum(1 for rank in ranks if rank and rank <= 5) / len(ranks),
            "mrr": sum(1 / rank for rank in ranks if rank) / len(ranks),
        }
        for key, ranks in entries.items()
    }


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


def run_method(event_path: Path, cache: Path, encoder: str) -> dict[str, Any]:
    """One recommend run in this process: wall time (read, embed, score, reasons) and memory."""
    from matchfair.core import read_event
    from matchfair.matching import EmbeddingCache, recommend

    started = time.perf_counter()
    result = recommend(read_event(event_path), top=10, spec=encoder, cache=EmbeddingCache(cache))
    usage: dict[str, Any] = _usage(started)
    ranking = {a: [r.partner for r in items] for a, items in result.recommendations.items()}
    usage["quality"] = quality(ranking, event_path, cache)
    return usage


def run_baseline(event_path: Path, cache: Path, encoder: str) -> dict[str, Any]:
    """Maximum cosine of any two texts of two organizations, top 10, from cached vectors."""
    import numpy as np

    from matchfair.core import read_event
    from matchfair.matching import EmbeddingCache, choose_encoders
    from matchfair.matching.corpus import build_corpus

    started = time.perf_counter()
    event = read_event(event_path)
    corpus = build_corpus(event)
    model = choose_encoders(encoder, len(corpus.units))[0]
    model = getattr(model, "primary", model)
    vectors = EmbeddingCache(cache).values(model.key, corpus.texts, model.encode)
    count, block = len(event.organizations), 1024
    labels = sorted({str(org.group) for org in event.organizations})
    groups = np.array([labels.index(str(org.group)) for org in event.organizations])
    ranking = {}
    for start in range(0, count, block):
        first = int(corpus.starts[start])
        stop = min(start + block, count)
        last = int(corpus.starts[stop]) if stop < count else len(corpus.units)
        pairs = vectors[first:last] @ vectors.T
        by_partner = np.maximum.reduceat(pairs, corpus.starts, axis=1)
        scores = np.maximum.reduceat(by_partner, corpus.starts[start:stop] - first, axis=0)
        scores[np.arange(stop - start), np.arange(start, stop)] = -np.inf
        if event.event.match_across_groups:
            scores[groups[start:stop, None] == groups[None, :]] = -np.inf
        best = np.argpartition(-scores, 10, axis=1)[:, :10]
        for offset, row in enumerate(best):
            ordered = sorted(row, key=lambda b, o=offset: -scores[o, b])
            ranking[event.organizations[start + offset].id] = [
                event.organizations[b].id for b in ordered
            ]
    usage: dict[str, Any] = _usage(started)
    usage["quality"] = quality(ranking, event_path, cache)
    return usage


def run_refresh(event_path: Path, cache: Path, encoder: str, state: str) -> dict[str, Any]:
    """One run of ``recommend_incrementally`` from the state at ``state``, which it updates."""
    from matchfair.core import read_event
    from matchfair.matching import EmbeddingCache, load_state, recommend_incrementally, save_state

    state_path = Path(state)
    started = time.perf_counter()
    outcome = recommend_incrementally(
        read_event(event_path),
        load_state(state_path),
        top=10,
        spec=encoder,
        cache=EmbeddingCache(cache),
    )
    usage: dict[str, Any] = _usage(started)
    saving = time.perf_counter()
    save_state(outcome.state, state_path)
    usage["save_seconds"] = time.perf_counter() - saving
    usage["refreshed"] = -1 if outcome.refreshed is None else len(outcome.refreshed)
    return usage


def run_worker(event_path: Path, cache: Path, encoder: str, state: str) -> dict[str, Any]:
    """A full run that keeps its state, then every edit's refresh, all in this one process.

    This is the web's job worker: a long-lived process that runs one recommendation
    job after another. Each run is timed as ``run_refresh`` times it, CPU seconds as
    this process's difference over the run.
    """
    runs = []
    for path in [event_path, *_edit_paths(event_path)]:
        before = resource.getrusage(resource.RUSAGE_SELF)
        usage = run_refresh(path, cache, encoder, state)
        usage["cpu_seconds"] -= before.ru_utime + before.ru_stime
        runs.append(usage)
    return {"runs": runs}


def _edit_paths(event_path: Path) -> list[Path]:
    return sorted(
        event_path.parent.glob("edited-*.json"), key=lambda path: int(path.stem.split("-")[1])
    )


def edited(data: dict[str, Any], number: int) -> dict[str, Any]:
    """``data`` with organization ``org-<number>``'s description and opportunities rewritten."""
    source = json.loads((DEV / "event.json").read_text(encoding="utf-8"))
    rng = random.Random(number)
    org_id = f"org-{number}"
    changed = json.loads(json.dumps(data))
    for organization in changed["organizations"]:
        if organization["id"] == org_id:
            profile = rng.choice([o for o in source["organizations"] if o.get("description")])
            organization["description"] = f"{profile['description']} (edited {number})"
    for opportunity in changed["opportunities"]:
        if opportunity["organization"] == org_id:
            template = rng.choice(source["opportunities"])
            opportunity["title"] = template["title"]
            opportunity["description"] = f"{template.get('description', '')} (edited {number})"
    return changed


def _child(
    kind: str, event_path: Path, cache: Path, encoder: str, state: Path | None = None, src: str = ""
) -> dict[str, Any]:
    """Run ``kind`` in a fresh process (on the ``src`` folder's code, when given)."""
    environment = dict(os.environ)
    if src:
        environment["PYTHONPATH"] = src
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(event_path), str(cache), encoder]
        + ([str(state)] if state else []),
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _copy(cache: Path, label: str) -> Path:
    """A fresh copy of ``cache`` for the series called ``label``."""
    copy = cache.parent / f"{cache.name}-{label.replace(' ', '-').replace(',', '')}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(cache, copy)
    return copy


def _refresh_series(
    label: str,
    event_path: Path,
    cache: Path,
    encoder: str,
    src: str,
    results: dict[str, list[dict[str, Any]]],
) -> None:
    """A full run that saves its state, then one fresh process per edit's refresh.

    On a copy of the warm cache: every series encodes the edited texts itself.
    """
    cache = _copy(cache, label)
    state = cache.parent / f"{cache.name}-state.npz"
    state.unlink(missing_ok=True)
    results[f"full, {label}"].append(_child("refresh", event_path, cache, encoder, state, src))
    print(f"full, {label}: {json.dumps(results[f'full, {label}'][-1])}", flush=True)
    for path in _edit_paths(event_path):
        results[f"refresh, {label}"].append(_child("refresh", path, cache, encoder, state, src))
        print(f"refresh, {label}: {json.dumps(results[f'refresh, {label}'][-1])}", flush=True)


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
    parser.add_argument(
        "--refreshes", type=int, default=0, help="edits refreshed after the warm runs"
    )
    parser.add_argument(
        "--baseline-src",
        default="",
        help="also run warm and refresh on this src folder's code, for a baseline",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        kind, event_path, cache, encoder, *state = arguments.child
        if kind in ("refresh", "worker"):
            run = run_refresh if kind == "refresh" else run_worker
            print(json.dumps(run(Path(event_path), Path(cache), encoder, state[0])))
            return
        run = {"baseline": run_baseline}.get(kind, run_method)
        print(json.dumps(run(Path(event_path), Path(cache), encoder)))
        return
    if arguments.work_dir:
        arguments.work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=arguments.work_dir) as folder:
        event_path = Path(folder) / "event.json"
        data = build_event(arguments.organizations, arguments.opportunities, arguments.seed)
        event_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        results: dict[str, list[dict[str, Any]]] = defaultdict(list)
        current = data
        for number in range(arguments.refreshes):
            current = edited(current, 1000 + number * 7)
            edited_path = Path(folder) / f"edited-{number}.json"
            edited_path.write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
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
                if arguments.baseline_src:
                    kind = "warm, old code"
                    source = arguments.baseline_src
                    results[kind].append(
                        _child("warm", event_path, cache, arguments.encoder, src=source)
                    )
                    print(f"{kind}: {json.dumps(results[kind][-1])}", flush=True)
            if not arguments.refreshes:
                continue
            if arguments.baseline_src:
                _refresh_series(
                    "old code, a process each",
                    event_path,
                    cache,
                    arguments.encoder,
                    arguments.baseline_src,
                    results,
                )
            _refresh_series("a process each", event_path, cache, arguments.encoder, "", results)
            copy = _copy(cache, "worker")
            state = copy.parent / f"{copy.name}-state.npz"
            state.unlink(missing_ok=True)
            worker = _child("worker", event_path, copy, arguments.encoder, state)["runs"]
            results["full, worker"].append(worker[0])
            results["refresh, worker"].extend(worker[1:])
            print(f"worker: {json.dumps(worker)}", flush=True)
    texts = len(data["organizations"]) + len(data["opportunities"])
    print(
        f"{arguments.organizations} organizations x {arguments.opportunities} opportunities "
        f"and a description ({texts} texts), "
        f"encoder {arguments.encoder}, medians of {len(results['cold'])} cold and "
        f"{len(results['warm'])} warm runs:"
    )
    median = {
        kind: {
            key: statistics.median(run[key] for run in runs) for key in runs[0] if key != "quality"
        }
        for kind, runs in results.items()
        if runs
    }
    for kind, values in median.items():
        print(
            f"  {kind:36s} {values['seconds']:7.2f} s wall  {values['cpu_seconds']:7.2f} s CPU"
            f"  peak {values['peak_mb']:6.0f} MB  load average {values['load_average']:.1f}"
            + (f"  lists ranked {values['refreshed']:.0f}" if "refreshed" in values else "")
            + (f"  save {values['save_seconds']:.2f} s" if "save_seconds" in values else "")
        )
    if "warm" in median:
        for key in ("seconds", "cpu_seconds"):
            ratio = median["warm"][key] / median["baseline"][key]
            print(f"  warm / baseline ({key}): {ratio:.2f}")
            if "warm, old code" in median:
                ratio = median["warm"][key] / median["warm, old code"][key]
                print(f"  warm / warm on the old code ({key}): {ratio:.2f}")
    for label in ("old code, a process each", "a process each"):
        if f"refresh, {label}" in median and "refresh, worker" in median:
            for key in ("seconds", "cpu_seconds"):
                ratio = median["refresh, worker"][key] / median[f"refresh, {label}"][key]
                print(f"  refresh in the worker / {label} ({key}): {ratio:.2f}")
    if not (results["warm"] or results["cold"]):
        return
    method = (results["warm"] or results["cold"])[-1]["quality"]
    base = results["baseline"][-1]["quality"] if results["baseline"] else {}
    print("\nDevelopment set among the distractors (recall@5 / MRR, entries):")
    for code in ["all", *LANGUAGES]:
        if code in method:
            cells = [
                f"{m['recall5']:.3f} / {m['mrr']:.3f}" for m in (method[code], base.get(code)) if m
            ]
            print(
                f"  {code:4s} {method[code]['entries']:4d}  method {cells[0]}"
                + (f"  baseline {cells[1]}" if len(cells) > 1 else "")
            )


if __name__ == "__main__":
    main()
