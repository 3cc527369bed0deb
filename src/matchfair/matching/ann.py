"""Nearest neighbours among many unit vectors: exact when few, approximate (HNSW) when many.

A series' directory holds every organization that ever took part in one of its
editions: up to a hundred thousand and more. Comparing a query with every vector is
exact and, below ``APPROXIMATE_ABOVE`` vectors, fast enough (one matrix product);
above it a hierarchical navigable small-world graph (usearch) answers in a
fraction of the time at a recall against exact search of about 0.99
(``bench/directory_scale.py``). The vectors themselves are always kept, so the index
can answer exactly on request, rebuild its graph, and go back to exact search when
removals shrink it; keys are added and removed in place, so an edit never rebuilds
the whole index.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from usearch.index import Index

#: Above this many vectors a search goes through the graph; at or below, exactly.
APPROXIMATE_ABOVE = 20_000

# Graph parameters: neighbours per node, and candidate lists while adding and
# searching. Measured on 100,000 organizations (docs/benchmarks.md): these keep
# recall@10 above 0.98 with a p95 search of a few milliseconds.
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128

_VECTORS_FILE = "vectors.npz"
_GRAPH_FILE = "graph.usearch"


@dataclass(frozen=True)
class Neighbours:
    """The keys nearest a query, best first, with their cosine similarities."""

    keys: np.ndarray
    scores: np.ndarray


class VectorIndex:
    """Unit vectors under integer keys (non-negative), searched by cosine similarity."""

    def __init__(self, dimension: int, *, approximate_above: int = APPROXIMATE_ABOVE) -> None:
        if dimension <= 0:
            raise ValueError(f"dimension must be positive, not {dimension}")
        self.dimension = dimension
        self.approximate_above = approximate_above
        self._keys = np.empty(0, dtype=np.int64)
        self._vectors = np.empty((0, dimension), dtype=np.float32)
        self._size = 0
        self._row_of: dict[int, int] = {}
        self._graph: Index | None = None

    def __len__(self) -> int:
        return self._size

    def __contains__(self, key: object) -> bool:
        return key in self._row_of

    @property
    def approximate(self) -> bool:
        """Whether searches go through the graph (more than ``approximate_above`` vectors)."""
        return self._graph is not None

    @property
    def memory_bytes(self) -> int:
        """Bytes held: the vectors, their keys and, when built, the graph."""
        graph = int(self._graph.memory_usage) if self._graph is not None else 0
        return int(self._vectors.nbytes + self._keys.nbytes) + graph

    def add(self, keys: Iterable[int], vectors: np.ndarray) -> None:
        """Add (or replace) the vectors of ``keys``; rows of ``vectors`` are unit length."""
        keys = np.asarray(list(keys), dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
        if len(keys) != len(vectors):
            raise ValueError(f"{len(keys)} keys for {len(vectors)} vectors")
        if len(set(keys.tolist())) != len(keys):
            raise ValueError("the same key twice in one add")
        if (keys < 0).any():
            raise ValueError("keys must be non-negative")
        self.remove(key for key in keys.tolist() if key in self._row_of)
        self._reserve(self._size + len(keys))
        start = self._size
        self._keys[start : start + len(keys)] = keys
        self._vectors[start : start + len(keys)] = vectors
        self._row_of.update((key, start + offset) for offset, key in enumerate(keys.tolist()))
        self._size += len(keys)
        if self._graph is not None:
            self._graph.add(keys.astype(np.uint64), vectors)
        elif self._size > self.approximate_above:
            self.rebuild()

    def remove(self, keys: Iterable[int]) -> None:
        """Forget ``keys`` (unknown ones are ignored); the last row fills each gap."""
        gone = [key for key in keys if key in self._row_of]
        for key in gone:
            row, last = self._row_of.pop(key), self._size - 1
            if row != last:
                moved = int(self._keys[last])
                self._keys[row] = moved
                self._vectors[row] = self._vectors[last]
                self._row_of[moved] = row
            self._size = last
        if self._graph is not None and gone:
            if self._size > self.approximate_above:
                self._graph.remove(np.asarray(gone, dtype=np.uint64))
            else:
                self._graph = None

    def rebuild(self) -> None:
        """Build the graph from the kept vectors (or drop it when they are few)."""
        if self._size <= self.approximate_above:
            self._graph = None
            return
        graph = Index(
            ndim=self.dimension,
            metric="ip",
            dtype="f32",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )
        graph.add(self._keys[: self._size].astype(np.uint64), self._vectors[: self._size])
        self._graph = graph

    def search(self, vector: np.ndarray, count: int, *, exact: bool = False) -> Neighbours:
        """The ``count`` keys nearest ``vector``; ``exact`` skips the graph (the baseline)."""
        count = min(count, self._size)
        if count <= 0:
            return Neighbours(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32))
        query = np.asarray(vector, dtype=np.float32).reshape(self.dimension)
        if self._graph is None or exact:
            return self._exact(query, count)
        found = self._graph.search(query, count)
        keys = np.asarray(found.keys, dtype=np.int64)
        return Neighbours(keys, (1.0 - np.asarray(found.distances)).astype(np.float32))

    def vector(self, key: int) -> np.ndarray:
        """The vector kept under ``key`` (KeyError when there is none)."""
        return self._vectors[self._row_of[key]].copy()

    def save(self, directory: Path) -> None:
        """Write the vectors (and the graph, when built) into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        np.savez(
            directory / _VECTORS_FILE,
            keys=self._keys[: self._size],
            vectors=self._vectors[: self._size],
            approximate_above=np.int64(self.approximate_above),
        )
        graph = directory / _GRAPH_FILE
        if self._graph is not None:
            self._graph.save(str(graph))
        elif graph.exists():
            graph.unlink()

    @classmethod
    def load(cls, directory: Path) -> "VectorIndex":
        """The index ``save`` wrote into ``directory``, without rebuilding its graph."""
        with np.load(directory / _VECTORS_FILE) as stored:
            keys, vectors = stored["keys"], stored["vectors"]
            index = cls(vectors.shape[1], approximate_above=int(stored["approximate_above"]))
        index._keys, index._vectors, index._size = keys.copy(), vectors.copy(), len(keys)
        index._row_of = {key: row for row, key in enumerate(keys.tolist())}
        graph = directory / _GRAPH_FILE
        if graph.exists():
            index._graph = Index.restore(str(graph))
        elif index._size > index.approximate_above:
            index.rebuild()
        return index

    def _exact(self, query: np.ndarray, count: int) -> Neighbours:
        scores = self._vectors[: self._size] @ query
        best = np.argpartition(-scores, count - 1)[:count]
        best = best[np.argsort(-scores[best], kind="stable")]
        return Neighbours(self._keys[best].copy(), scores[best].astype(np.float32))

    def _reserve(self, size: int) -> None:
        if size <= len(self._keys):
            return
        capacity = max(size, 2 * len(self._keys), 64)
        keys = np.empty(capacity, dtype=np.int64)
        vectors = np.empty((capacity, self.dimension), dtype=np.float32)
        keys[: self._size] = self._keys[: self._size]
        vectors[: self._size] = self._vectors[: self._size]
        self._keys, self._vectors = keys, vectors
