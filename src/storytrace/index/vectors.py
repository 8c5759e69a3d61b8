"""Sentence vectors made ahead of time for every indexed article (``storytrace index embed``).

A trace compares its best candidates with the suspect sentence by sentence, on MiniLM embeddings. An indexed
article's are made the first time a trace compares it, then stored; on a CPU without int8 dot-product
instructions that is most of a first trace's time (benchmarks/RESULTS.md, "Index and trace speed"). Indexing
does not make them (that would cut ``index add`` to ~15 articles/s); this makes them for the whole index in
one off-line pass, resumable, so that every later trace finds them stored, as a repeated trace does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storytrace.errors import InputError
from storytrace.text import Document, analyse

if TYPE_CHECKING:
    from storytrace.embed import Embedder
    from storytrace.index.store import Index


def body_sentence_texts(doc: Document) -> list[str]:
    """The texts whose vectors are stored for an article, in the order a trace reads them back."""
    return [doc.sentence_text(s.index) for s in doc.body]


@dataclass(frozen=True)
class EmbedResult:
    embedded: int  # articles whose sentence vectors were made in this run
    sentences: int  # sentences embedded in this run
    pending: int  # articles that needed vectors when the run began
    articles: int  # articles in the index

    @property
    def remaining(self) -> int:
        """Articles of those pending that still have no vectors (changed by another process meanwhile), without
        counting the index again."""
        return max(self.pending - self.embedded, 0)


def embed_index(
    index: Index,
    *,
    batch: int = 32,
    embedder: Embedder | None = None,
    progress: Callable[[int], None] | None = None,
    pending: int | None = None,
) -> EmbedResult:
    """Make and store the sentence vectors of every article that has none this runtime can use.

    Each batch of ``batch`` articles is stored in one write transaction, so an interrupted run keeps the
    batches it finished, and running it again goes on from there. ``progress`` is called with the number
    of articles of each finished batch. An article changed by another process after it was read keeps no
    vectors (a trace makes them). A busy or read-only index is an ``InputError``. ``pending`` is the count of
    articles needing vectors when the caller has just taken it (``Index.count_needing_sentence_vectors``): counting
    reads every stored vector's tag, a pass over the whole index, so it is not taken twice.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    if embedder is None:
        from storytrace.embed import get_embedder

        embedder = get_embedder()
    key = embedder.vectors_key()
    if pending is None:
        pending = index.count_needing_sentence_vectors(key)
    articles = len(index)
    embedded = sentences = 0
    after = 0
    while True:
        items = index.needing_sentence_vectors(key, after=after, limit=batch)
        if not items:
            break
        after = items[-1].doc
        texts = [body_sentence_texts(analyse(item.article)) for item in items]
        flat = [t for ts in texts for t in ts]
        vectors = embedder.embed(flat) if flat else np.empty((0, embedder.dim), dtype=np.float32)
        rows: list[tuple[int, str, np.ndarray]] = []
        start = 0
        for item, ts in zip(items, texts, strict=True):
            rows.append((item.doc, item.sha256, vectors[start : start + len(ts)]))
            start += len(ts)
        try:
            stored = index.store_many_sentence_vectors(rows, key, best_effort=False)
        except sqlite3.OperationalError as exc:
            raise InputError(f"{index.path}: cannot write the index: {exc}") from None
        embedded += stored  # an article another process changed meanwhile keeps none (a trace makes them)
        sentences += len(flat)
        if progress is not None:
            progress(len(items))
    return EmbedResult(embedded=embedded, sentences=sentences, pending=pending, articles=articles)
