"""Refreshing recommendations after a few organizations changed, without a full run.

A full run compares every organization with every other: about ten seconds for
10,000 organizations even when every vector comes from the cache. After one
organization edits its texts, only a few lists can change: its own, those that
listed it, and those it now enters. So a run keeps a *state* beside its result:
a fingerprint of each organization's inputs (texts, kinds, sectors, group,
requests), each one's hub level, and the value of the last partner on its list.
The next run compares fingerprints; where few organizations changed it

1. embeds only the changed texts (the embedding cache has the others),
2. scores the changed organizations against everyone (one row each),
3. finds the lists that can change: those that named a changed or removed
   organization, and those where a changed one now beats the last partner listed,
4. ranks those lists again, and keeps every other list as it was.

What it does not redo: the other organizations' hub levels, and the language means
and pair statistics of the whole event, stay as the last full run left them (an
edit moves them by a fraction of one organization in thousands). Past
``FULL_RUN_SHARE`` of the organizations changed, or with another encoder, ``top``
or weights, the run is a full one and the state starts afresh.
"""

import hashlib
import json
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from matchfair.core import Event, ProgressCallback, Recommendation, Recommendations
from matchfair.i18n import Message
from matchfair.matching.cache import EmbeddingCache, NoCache
from matchfair.matching.corpus import opportunity_text, profile_text
from matchfair.matching.encoder import Encoder
from matchfair.matching.ranking import combined_rows, levels_of, organization_rows, top_of
from matchfair.matching.recommend import Prepared, prepare, ranked_in_full
from matchfair.matching.registry import DEFAULT_SPEC
from matchfair.matching.weights import Weights

#: Above this share of organizations changed, a full run (exact) replaces a refresh.
FULL_RUN_SHARE = 0.05


@dataclass(frozen=True)
class RankingState:
    """What a run leaves for the next one to refresh from."""

    event: str
    settings: str
    organizations: list[str]
    fingerprints: list[str]
    levels: np.ndarray
    thresholds: np.ndarray
    recommendations: Recommendations


@dataclass(frozen=True)
class Outcome:
    """A run's recommendations, its state, and which lists it ranked (None: all of them)."""

    recommendations: Recommendations
    state: RankingState
    refreshed: list[str] | None


def fingerprints(event: Event) -> list[str]:
    """A hash per organization of everything its row of scores depends on."""
    parts: dict[str, list[object]] = {
        org.id: [profile_text(org), org.group, sorted(org.sectors)] for org in event.organizations
    }
    for opportunity in event.opportunities:
        parts[opportunity.organization].append(
            [
                opportunity_text(opportunity),
                opportunity.kind,
                opportunity.type,
                sorted(opportunity.sectors),
            ]
        )
    for request in event.meeting_requests:
        for side in (request.from_, request.to):
            if side in parts:
                parts[side].append([request.from_, request.to, request.status])
    return [
        hashlib.sha256(
            json.dumps(parts[org.id], ensure_ascii=False, sort_keys=True, default=str).encode()
        ).hexdigest()[:32]
        for org in event.organizations
    ]


def _settings(spec: str, top: int, weights: Weights) -> str:
    return json.dumps([spec, top, repr(weights)])


#: States this process saved or read last, by path (see ``load_state``).
KEPT_STATES = 2
_kept: OrderedDict[Path, tuple[tuple[int, int, int], RankingState]] = OrderedDict()
_kept_lock = threading.Lock()


def _signature(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns


def _keep(path: Path, state: RankingState) -> None:
    with _kept_lock:
        _kept[path] = (_signature(path), state)
        _kept.move_to_end(path)
        while len(_kept) > KEPT_STATES:
            _kept.popitem(last=False)


def save_state(state: RankingState, path: Path) -> None:
    """Write ``state`` to ``path`` whole or not at all (temporary file, then rename).

    The process keeps it too, so that its next ``load_state`` of ``path`` need not
    read the file back.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {
            "event": state.event,
            "settings": state.settings,
            "organizations": state.organizations,
            "fingerprints": state.fingerprints,
            "recommendations": {
                id_: [[item.partner, item.score, item.reasons] for item in items]
                for id_, items in state.recommendations.recommendations.items()
            },
            # The engine's words of each reason (not part of the file format).
            "messages": {
                id_: [[reason.as_json() for reason in item.messages] for item in items]
                for id_, items in state.recommendations.recommendations.items()
            },
        },
        ensure_ascii=False,
    )
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        meta = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
        np.savez(handle, meta=meta, levels=state.levels, thresholds=state.thresholds)
    os.replace(handle.name, path)
    _keep(path, state)


def load_state(path: Path) -> RankingState | None:
    """The state saved at ``path``, or None when there is none or it cannot be read.

    A long-lived process (the job worker) gets the state it saved or read last
    straight from memory while the file is unchanged: reading 100,000 recommendations
    back costs seconds, longer than the refresh itself. The file is only ever
    written by ``save_state``, so its recommendations are not validated again.
    """
    try:
        signature = _signature(path)
        with _kept_lock:
            kept = _kept.get(path)
        if kept is not None and kept[0] == signature:
            return kept[1]
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes().decode("utf-8"))
            levels, thresholds = data["levels"], data["thresholds"]
        recommendations = _recommendations(meta["event"], meta["recommendations"], meta["messages"])
        state = RankingState(
            meta["event"],
            meta["settings"],
            meta["organizations"],
            meta["fingerprints"],
            levels,
            thresholds,
            recommendations,
        )
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    _keep(path, state)
    return state


def _recommendations(
    event: str,
    lists: dict[str, list[list[object]]],
    messages: dict[str, list[list[dict[str, object]]]],
) -> Recommendations:
    """The saved lists, each reason with its engine words put back."""
    return Recommendations.model_construct(
        event=event,
        recommendations={
            id_: [
                Recommendation.model_construct(
                    partner=partner,
                    score=score,
                    reasons=reasons,
                    messages=[Message.from_json(reason) for reason in words],
                )
                for (partner, score, reasons), words in zip(items, messages[id_], strict=True)
            ]
            for id_, items in lists.items()
        },
    )


def _thresholds(ranked: list[list[tuple[int, float]]], top: int) -> np.ndarray:
    """The value of each list's last partner; -inf for a list with room left."""
    return np.array(
        [partners[-1][1] if len(partners) >= top else -np.inf for partners in ranked],
        dtype=np.float32,
    )


def _full(prepared: Prepared, prints: list[str], settings: str, top: int) -> Outcome:
    event = prepared.event
    ranked, levels = ranked_in_full(prepared, top)
    recommendations = Recommendations(
        event=event.event.id,
        recommendations={
            event.organizations[a].id: prepared.recommendations(a, partners)
            for a, partners in enumerate(ranked)
        },
    )
    ids = [org.id for org in event.organizations]
    state = RankingState(
        event.event.id, settings, ids, prints, levels, _thresholds(ranked, top), recommendations
    )
    return Outcome(recommendations, state, None)


def _changes(
    state: RankingState | None, event: Event, prints: list[str], settings: str, share: float
) -> tuple[list[int], set[str]] | None:
    """Positions of changed organizations and ids of removed ones; None: run in full."""
    if state is None or state.event != event.event.id or state.settings != settings:
        return None
    before = dict(zip(state.organizations, state.fingerprints, strict=True))
    ids = [org.id for org in event.organizations]
    changed = [
        at
        for at, (id_, mark) in enumerate(zip(ids, prints, strict=True))
        if before.get(id_) != mark
    ]
    removed = set(state.organizations) - set(ids)
    if len(changed) + len(removed) > share * max(len(ids), 1):
        return None
    return changed, removed


def recommend_incrementally(
    event: Event,
    state: RankingState | None,
    *,
    top: int = 10,
    encoders: Sequence[Encoder] | None = None,
    spec: str = DEFAULT_SPEC,
    cache: EmbeddingCache | NoCache | None = None,
    weights: Weights | None = None,
    progress: ProgressCallback | None = None,
    share: float | None = None,
) -> Outcome:
    """``recommend``'s result, refreshed from ``state`` where only a few organizations changed.

    ``share``: the largest share of changed organizations that is refreshed rather than
    run in full (``FULL_RUN_SHARE`` unless given).
    """
    weights = weights or Weights()
    share = FULL_RUN_SHARE if share is None else share
    settings = _settings(
        spec if encoders is None else "+".join(e.key for e in encoders), top, weights
    )
    prints = fingerprints(event)
    prepared = prepare(
        event, encoders=encoders, spec=spec, cache=cache, weights=weights, progress=progress
    )
    changes = _changes(state, event, prints, settings, share)
    if state is None or changes is None:
        return _full(prepared, prints, settings, top)
    changed, removed = changes
    ids = [org.id for org in event.organizations]
    position = {id_: at for at, id_ in enumerate(ids)}
    old_levels = dict(zip(state.organizations, state.levels.tolist(), strict=True))
    old_thresholds = dict(zip(state.organizations, state.thresholds.tolist(), strict=True))
    levels = np.array([old_levels.get(id_, 0.0) for id_ in ids], dtype=np.float32)
    thresholds = np.array([old_thresholds.get(id_, -np.inf) for id_ in ids], dtype=np.float32)
    corpus, constraints = prepared.analysis.corpus, prepared.constraints
    rows = np.array(changed, dtype=np.int64)
    scores = organization_rows(corpus, prepared.scorer, rows)
    levels[rows] = levels_of(scores, rows, constraints, weights.hub_neighbours)
    # Combined values are symmetric: row c, column y is also what y sees of c.
    seen = combined_rows(scores, rows, levels, prepared.sector_matrix, constraints, weights)
    affected = set(changed) | {int(y) for y in np.flatnonzero((seen >= thresholds).any(axis=0))}
    gone = {ids[at] for at in changed} | removed
    previous = state.recommendations.recommendations
    for id_, items in previous.items():
        if id_ in position and any(item.partner in gone for item in items):
            affected.add(position[id_])
    others = np.array(sorted(affected - set(changed)), dtype=np.int64)
    everyone = np.concatenate([rows, others])
    block = np.vstack([scores, organization_rows(corpus, prepared.scorer, others)])
    combined = combined_rows(block, everyone, levels, prepared.sector_matrix, constraints, weights)
    ranked = top_of(combined, top)
    fresh = {
        ids[int(at)]: prepared.recommendations(int(at), partners)
        for at, partners in zip(everyone, ranked, strict=True)
    }
    thresholds[everyone] = _thresholds(ranked, top)
    recommendations = Recommendations(
        event=event.event.id,
        recommendations={id_: fresh.get(id_, previous.get(id_, [])) for id_ in ids},
    )
    new_state = RankingState(
        event.event.id, settings, ids, prints, levels, thresholds, recommendations
    )
    return Outcome(recommendations, new_state, sorted(fresh, key=position.__getitem__))
