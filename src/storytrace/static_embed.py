"""Cheap document vectors for finding candidates: a static token table distilled from the shipped model.

Full MiniLM on every sentence of every indexed article runs at ~500 sentences/s on 2 cores, far too slow
to index hundreds of articles a second. Instead each vocabulary token is run through the model once, on
its own ("[CLS] token [SEP]", mean-pooled, as model2vec distils a static model), giving a 30,522 x 384
table; a document's vector is then the mean of its tokens' rows, minus the table's common direction (the
component every token shares, which would otherwise dominate: SIF's "common component removal").
Weaker than sentence embeddings, but tens of thousands of sentences a second, and only a prefilter: the
full comparison decides.

The table is built once (a few seconds to a minute) and cached next to the quantised model.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import numpy as np

from storytrace.embed import DIM, cache_dir, get_embedder

#: Bump when the distillation changes, so stale cached tables are not reused. 2: the model's runtime
#: leaves SkipLayerNormalization unfused (embed.UNFUSED), which moves int8 vectors slightly; a document
#: vector changes by a cosine of ~0.001, so an index built with a version-1 table can stay in use.
TABLE_VERSION = 2
_lock = threading.Lock()
# Runs of word characters: the tokenizer's pre-tokenizer splits at white space and at every punctuation
# character, so a run is split into the same pieces alone as in context.
_WORD = re.compile(r"[^\W_]+")
_PIECES_MAX = 200_000
_table: StaticEmbedder | None = None


class StaticEmbedder:
    def __init__(self, table: np.ndarray, tokenizer: Any, weights: np.ndarray) -> None:
        self.table = table  # (vocab, DIM) float32, common direction removed, rows L2-normalised
        self.weights = weights  # (vocab,) float32: 0 for special and punctuation tokens
        self._tokenizer = tokenizer
        self._pieces: dict[str, tuple[int, ...]] = {}

    def doc_vectors(self, texts: list[str]) -> np.ndarray:
        """Unit-length document vectors (float32, (len(texts), DIM)); a text with no words gets zeros."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self.token_ids(text)
            if not len(ids):
                continue
            w = self.weights[ids]
            total = float(w.sum())
            if total <= 0:
                continue
            v = w @ self.table[ids]
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[i] = v / norm
        return out

    def token_ids(self, text: str) -> np.ndarray:
        """The vocabulary ids of the text's weighted word pieces (those of its words; punctuation has no
        weight), as the model's tokenizer gives them: each distinct word is tokenized once per process,
        since the tokenizer splits text at spaces and punctuation before it splits words into pieces."""
        pieces = self._pieces
        ids: list[int] = []
        for word in _WORD.findall(text):
            known = pieces.get(word)
            if known is None:
                known = self._word_pieces(word)
            ids.extend(known)
        return np.asarray(ids, dtype=np.int64)

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        found = tuple(i for i in self._tokenizer.encode(word, add_special_tokens=False).ids if self.weights[i] > 0)
        if len(self._pieces) >= _PIECES_MAX:
            self._pieces.clear()
        self._pieces[word] = found
        return found


def get_static_embedder() -> StaticEmbedder:
    """The process-wide static embedder (the table is built on first use and cached on disk)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _load()
    return _table


def _load() -> StaticEmbedder:
    from tokenizers import Tokenizer

    from storytrace.embed import WEIGHTS_SHA256

    # The model itself (an ONNX session, ~150 MB) is loaded only to distil a table not yet cached: an
    # indexing worker needs the table and the tokenizer alone.
    embedder = get_embedder()
    tokenizer = Tokenizer.from_file(str(embedder.model_dir / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    vocab = tokenizer.get_vocab()
    size = max(vocab.values()) + 1
    path = cache_dir() / f"static-table.w{WEIGHTS_SHA256[:16]}.v{TABLE_VERSION}.npy"
    table: np.ndarray | None = None
    if path.is_file():
        try:
            table = np.load(path)
            if table.shape != (size, DIM):
                table = None
        except (OSError, ValueError):
            table = None
    if table is None:
        table = _distil(embedder, size, tokenizer)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npy")
            np.save(tmp, table)
            tmp.replace(path)
        except OSError:
            pass  # not cached: built again next process
    from storytrace.text import STOPWORDS

    # Function words would dominate a plain mean (every article has them): they get no weight
    # (measured on SheepDog rewrites vs 360 originals: recall@1 0.65 with them, 0.79 without).
    weights = np.ones(size, dtype=np.float32)
    for token, idx in vocab.items():
        special = token.startswith("[") and token.endswith("]")
        if special or not any(ch.isalnum() for ch in token) or token in STOPWORDS:
            weights[idx] = 0.0
    return StaticEmbedder(table, tokenizer, weights)


def _distil(embedder: Any, size: int, tokenizer: Any) -> np.ndarray:
    cls_id = tokenizer.token_to_id("[CLS]")
    sep_id = tokenizer.token_to_id("[SEP]")
    rows = embedder.encode_ids([[cls_id, i, sep_id] for i in range(size)], batch_size=512)
    rows = rows.astype(np.float32)
    common = rows.mean(axis=0)
    common /= np.linalg.norm(common) or 1.0
    rows = rows - np.outer(rows @ common, common)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (rows / norms).astype(np.float32)
