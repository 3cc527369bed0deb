"""Progress of long steps, reported to whoever runs the engine (a progress bar, a job)."""

from collections.abc import Callable, Sequence

import numpy as np

#: Called with a step's label, the work done and the work in all.
Progress = Callable[[str, int, int], None]

#: Texts per encoder call when progress is reported.
CHUNK = 256


def chunked(
    encode: Callable[[Sequence[str]], np.ndarray], label: str, progress: Progress | None
) -> Callable[[list[str]], np.ndarray]:
    """``encode`` in chunks, reporting after each; unchanged without ``progress``."""
    if progress is None:
        return encode

    def encode_with_progress(texts: list[str]) -> np.ndarray:
        parts = []
        progress(label, 0, len(texts))
        for start in range(0, len(texts), CHUNK):
            parts.append(encode(texts[start : start + CHUNK]))
            progress(label, min(start + CHUNK, len(texts)), len(texts))
        return np.concatenate(parts) if parts else encode([])

    return encode_with_progress
