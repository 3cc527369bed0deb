"""The USE encoder spreads texts over threads without changing their vectors."""

import numpy as np

from matchfair.matching.use import SHARE, UseEncoder


def test_vectors_do_not_depend_on_how_texts_are_shared_among_threads():
    texts = [
        f"Offer number {number}: thermoelectric modules for waste heat."
        for number in range(3 * SHARE + 5)
    ]
    together = UseEncoder(threads=2).encode(texts)
    alone = UseEncoder(threads=1).encode(texts[:7] + texts[-3:])
    assert together.shape == (len(texts), 512)
    np.testing.assert_allclose(together[:7], alone[:7], atol=1e-5)
    np.testing.assert_allclose(together[-3:], alone[7:], atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
