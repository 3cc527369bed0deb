"""Embeddings (and detected languages) cached on disk, keyed by the text's content hash.

A re-run after a few edits must recompute only the texts that changed, so every
value is filed under the SHA-256 of its text, in a folder per model (the model's
key includes its version, so an upgrade never reuses stale vectors). Each run that
computes something adds one pack file, written to a temporary name and renamed, so
a crash leaves either the whole pack or nothing, and two runs never write the same
file. Packs are merged once there are many of them.

A pack is never changed once written, so a process keeps the packs it has read
(``_read``) and reads a folder's packs again only where the file is new or
another: the job worker's next refresh, or a web process's next index build,
does not load tens of megabytes of vectors from disk again.
"""

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

_MERGE_AT = 16
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

Pack = tuple[np.ndarray, np.ndarray]
#: Packs this process read: path -> (inode, size, mtime), keys, values.
_read: dict[Path, tuple[tuple[int, int, int], np.ndarray, np.ndarray]] = {}
_read_lock = threading.Lock()


def _pack(path: Path) -> Pack:
    """The keys and values of the pack at ``path``, from memory while the file is the same."""
    status = path.stat()
    signature = (status.st_ino, status.st_size, status.st_mtime_ns)
    with _read_lock:
        kept = _read.get(path)
    if kept is not None and kept[0] == signature:
        return kept[1], kept[2]
    with np.load(path, allow_pickle=False) as data:
        keys, values = data["keys"], data["values"]
    _keep(path, keys, values, signature)
    return keys, values


def _keep(
    path: Path, keys: np.ndarray, values: np.ndarray, signature: tuple[int, int, int] | None = None
) -> None:
    """Remember the pack at ``path`` (just read, or just written by this process)."""
    if signature is None:
        status = path.stat()
        signature = (status.st_ino, status.st_size, status.st_mtime_ns)
    with _read_lock:
        _read[path] = (signature, keys, values)


def _forget_others(folder: Path, packs: list[Path]) -> None:
    """Drop the kept packs of ``folder`` that are gone (merged away)."""
    present = set(packs)
    with _read_lock:
        for path in [path for path in _read if path.parent == folder and path not in present]:
            del _read[path]


def default_cache_dir() -> Path:
    """``$MATCHFAIR_CACHE``, else ``$MATCHFAIR_HOME/cache``, else ``~/.matchfair/cache``."""
    if os.environ.get("MATCHFAIR_CACHE"):
        return Path(os.environ["MATCHFAIR_CACHE"])
    home = os.environ.get("MATCHFAIR_HOME")
    return (Path(home) if home else Path.home() / ".matchfair") / "cache"


def text_key(text: str) -> str:
    """The content hash a text is cached under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class EmbeddingCache:
    """Values per text, in one folder per namespace (an encoder's or detector's key)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _folder(self, namespace: str) -> Path:
        return self.root / _UNSAFE.sub("_", namespace)

    def _load(self, namespace: str) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        folder = self._folder(namespace)
        packs = sorted(folder.glob("*.npz"))
        _forget_others(folder, packs)
        for pack in packs:
            try:
                keys, values = _pack(pack)
            except (OSError, ValueError, KeyError):
                continue  # merged away by another run, or unreadable: recompute instead
            found.update(zip(keys.tolist(), values, strict=True))
        return found

    def _write(self, namespace: str, keys: Sequence[str], values: np.ndarray) -> Path:
        folder = self._folder(namespace)
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            np.savez(handle, keys=np.array(keys), values=values)
        pack = folder / f"{hashlib.sha256(''.join(keys).encode()).hexdigest()[:24]}.npz"
        os.replace(handle.name, pack)
        _keep(pack, np.array(keys), values)
        return pack

    def _merge(self, namespace: str, known: dict[str, np.ndarray]) -> None:
        packs = sorted(self._folder(namespace).glob("*.npz"))
        if len(packs) < _MERGE_AT or not known:
            return
        keys = sorted(known)
        merged = self._write(namespace, keys, np.stack([known[key] for key in keys]))
        for pack in packs:
            if pack != merged:
                pack.unlink(missing_ok=True)

    def values(
        self,
        namespace: str,
        texts: Sequence[str],
        compute: Callable[[list[str]], np.ndarray],
    ) -> np.ndarray:
        """The values of ``texts``, computing (once each) and storing only the missing ones."""
        keys = [text_key(text) for text in texts]
        known = self._load(namespace)
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in known:
                missing.setdefault(key, text)
        if missing:
            fresh = compute(list(missing.values()))
            self._write(namespace, list(missing), fresh)
            known.update(zip(missing, fresh, strict=True))
            self._merge(namespace, known)
        if not keys:
            return compute([])
        return np.stack([known[key] for key in keys])


class NoCache:
    """Computes every distinct text each time: for runs that must not touch the disk."""

    def values(
        self,
        namespace: str,
        texts: Sequence[str],
        compute: Callable[[list[str]], np.ndarray],
    ) -> np.ndarray:
        """The values of ``texts``, each distinct text computed once."""
        distinct = list(dict.fromkeys(texts))
        fresh = compute(distinct)
        if not texts:
            return fresh
        row = {text: index for index, text in enumerate(distinct)}
        return fresh[[row[text] for text in texts]]
