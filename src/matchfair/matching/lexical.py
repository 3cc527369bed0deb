"""Lexical retrieval: BM25 over word pieces, for the words a dense encoder does not know.

A sentence encoder maps a short query to a point among whole sentences, and a word
it has rarely seen (a Finnish compound, a product name, an acronym) lands wherever
its pieces happen to fall. The event's own texts are the other witness: a query
that shares letters with a text shares, more often than not, a word with it.

Texts are cut into terms that need no dictionary and no per-language model:

- Chinese characters, kana and hangul are read as overlapping pairs of characters
  (the bigrams of Lucene's CJK analyser). A pair is the length of most Chinese
  words, so 余热发电 meets 余热利用 on 余热, without a segmenter's dictionary.
- Other words are cut into overlapping pieces of ``PIECE`` letters, the word's
  first and last piece marked by its boundaries. A compound shares the pieces of
  its parts, so Finnish *vetyteknologia* meets *vetypolttimet* and German
  *Klärschlammverwertung* meets *Klärschlamm*: decompounding for Finnish, German,
  Swedish, Danish, Norwegian and Dutch alike. Cognates share pieces across
  languages too (*elektrolyseur*, *electrolyser*, *électrolyseur*).
- Case and accents are folded first (``É`` reads as ``e``, ``ä`` as ``a``).

The index is one sparse matrix of BM25 weights (documents by terms), so a query
costs one sparse column sum, whatever the size of the event.
"""

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csc_matrix

#: Letters per piece of a word: long enough to carry meaning, short enough to
#: fall inside the parts of a compound.
PIECE = 4

#: BM25's term-frequency saturation and length normalisation (the usual values).
K1 = 1.2
B = 0.75

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """``text`` without case and accents, so that spellings of one word agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def terms(text: str) -> list[str]:
    """The terms of ``text``: character pairs of CJK runs, pieces of other words."""
    folded = fold(text)
    found: list[str] = []
    for run in _CJK.findall(folded):
        if len(run) == 1:
            found.append(run)
        found.extend(run[start : start + 2] for start in range(len(run) - 1))
    for word in _WORD.findall(_CJK.sub(" ", folded)):
        marked = f"_{word}_"
        if len(marked) <= PIECE:
            found.append(marked)
            continue
        found.extend(marked[start : start + PIECE] for start in range(len(marked) - PIECE + 1))
    return found


class LexicalIndex:
    """BM25 scores of any query against a fixed list of texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        counts = [Counter(terms(text)) for text in texts]
        self.vocabulary: dict[str, int] = {}
        rows, columns, frequencies = [], [], []
        for row, counted in enumerate(counts):
            for term, frequency in counted.items():
                rows.append(row)
                columns.append(self.vocabulary.setdefault(term, len(self.vocabulary)))
                frequencies.append(frequency)
        frequency = np.array(frequencies, dtype=np.float64)
        row_index = np.array(rows, dtype=np.int64)
        column_index = np.array(columns, dtype=np.int64)
        count = len(texts)
        lengths = np.array([sum(counted.values()) for counted in counts], dtype=np.float64)
        average = lengths.mean() if count and lengths.mean() > 0 else 1.0
        documents = np.bincount(column_index, minlength=len(self.vocabulary))
        idf = np.log1p((count - documents + 0.5) / (documents + 0.5))
        norm = K1 * (1 - B + B * lengths / average)
        weights = idf[column_index] * frequency * (K1 + 1) / (frequency + norm[row_index])
        self.count = count
        self.matrix = csc_matrix(
            (weights.astype(np.float32), (row_index, column_index)),
            shape=(count, len(self.vocabulary)),
        )

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every text for ``query`` (0 where no term is shared)."""
        wanted = Counter(terms(query))
        known = [
            (self.vocabulary[term], times)
            for term, times in wanted.items()
            if term in self.vocabulary
        ]
        if not known or not self.count:
            return np.zeros(self.count, dtype=np.float32)
        columns = np.array([column for column, _ in known], dtype=np.int64)
        times = np.array([times for _, times in known], dtype=np.float32)
        return np.asarray(self.matrix[:, columns] @ times, dtype=np.float32).ravel()


def relative(scores: np.ndarray) -> np.ndarray:
    """Scores as shares of the best one, in [0, 1] (all 0 when nothing matched)."""
    best = float(scores.max()) if len(scores) else 0.0
    if not math.isfinite(best) or best <= 0:
        return np.zeros_like(scores)
    return scores / best
