"""Encoding in chunks, so that a long embedding step reports its progress as it goes."""

from collections.abc import Callable, Sequence

import numpy as np

from matchfair.core import Progress, ProgressCallback

#: Texts per encoder call when progress is reported.
CHUNK = 256


def chunked(
    encode: Callable[[Sequence[str]], np.ndarray], label: str, progress: ProgressCallback | None
) -> Callable[[list[str]], np.ndarray]:
    """``encode`` in chunks, reporting after each (``label`` as the phase); unchanged without
    ``progress``."""
    if progress is None:
        return encode

    def report(done: int, total: int) -> None:
        progress(
            Progress(phase=label, fraction=done / total if total else 0.0, done=done, total=total)
        )

    def encode_with_progress(texts: list[str]) -> np.ndarray:
        parts = []
        report(0, len(texts))
        for start in range(0, len(texts), CHUNK):
            parts.append(encode(texts[start : start + CHUNK]))
            report(min(start + CHUNK, len(texts)), len(texts))
        return np.concatenate(parts) if parts else encode([])

    return encode_with_progress
