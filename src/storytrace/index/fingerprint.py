"""Lexical fingerprints: a sample of an article's word 5-grams, hashed stably.

A copy or light edit shares long runs of words with its original; the 5-grams of those runs are the
same on both sides. Keeping only the 5-grams whose hash falls in one of ``SAMPLE`` buckets (a fixed,
content-defined sample, like passim's n-gram index) keeps ~1/8 of them: a shared passage of some
40 words is still all but certain to share a sampled 5-gram, and the index stays small.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np

from storytrace.text import Document

N = 5
SAMPLE = 8


def shingles(doc: Document, *, n: int = N, sample: int = SAMPLE) -> np.ndarray:
    """Sorted unique sampled 5-gram hashes (int64) of the article's non-boilerplate sentences."""
    out: set[int] = set()
    for s in doc.body:
        norms = [t.norm for t in s.tokens]
        for k in range(len(norms) - n + 1):
            h = zlib.crc32(" ".join(norms[k : k + n]).encode("utf-8"))
            if h % sample == 0:
                out.add(h)
    return np.array(sorted(out), dtype=np.int64)


def terms(doc: Document) -> np.ndarray:
    """Sorted unique hashes of the article's content words (stemmed, no function words): the postings of
    the term channel, which finds rewrites by the names, figures and words they keep."""
    return term_counts(doc)[0]


def term_counts(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """(sorted unique content-word hashes as in ``terms``, how often each occurs): BM25's term frequencies."""
    from storytrace.text import STOPWORDS

    counts: dict[int, int] = {}
    for s in doc.body:
        for t in s.tokens:
            if t.norm not in STOPWORDS and (len(t.norm) > 2 or t.norm[0].isdigit()):
                h = _term_hash(t.stem)
                counts[h] = counts.get(h, 0) + 1
    keys = np.array(sorted(counts), dtype=np.int64)
    return keys, np.array([counts[int(k)] for k in keys], dtype=np.int32)


@lru_cache(maxsize=131072)
def _term_hash(stem: str) -> int:
    return zlib.crc32(stem.encode("utf-8"))
