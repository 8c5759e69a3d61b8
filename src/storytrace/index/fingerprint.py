"""Lexical fingerprints of an article, computed from its text alone: sampled word 5-grams and content-word
counts, the postings of the index's two lexical channels.

A copy or light edit shares long runs of words with its original; the 5-grams of those runs are the
same on both sides. Keeping only the 5-grams whose hash falls in one of ``SAMPLE`` buckets (a fixed,
content-defined sample, like passim's n-gram index) keeps ~1/8 of them: a shared passage of some
40 words is still all but certain to share a sampled 5-gram, and the index stays small.

Why not from ``text.analyse``: Punkt sentence splitting and Token objects cost ~2 ms of CPU per
news-length article, four times what the whole lexical-only indexing budget (2,000 articles/s on 2 cores)
allows. So fingerprints have their own cheap definition, used by every index mode and by ``trace`` alike
(one definition: a lexical-only index and a full one hold the same postings):

- *pieces*: each paragraph (``text.paragraph_spans``, as ``analyse``) cut after sentence-ending marks
  (``. ? ! …``, then closing quotes or brackets, then white space), not after an initial or a common
  abbreviation. Pieces follow Punkt's sentences almost everywhere; where they do not, only a few 5-grams
  around one boundary differ, in indexing and querying alike.
- a piece that opens a quotation it does not close runs on to the next (as ``analyse`` merges them).
- pieces that ``text.is_boilerplate`` marks (share bars, credits) are left out, as ``Document.body`` does.
- words are ``text``'s tokens with its normal forms; a 5-gram never spans two pieces.
- a 5-gram's hash mixes the CRC-32 of its five normalised words in numpy (a whole batch at once), so no
  Python string is built per 5-gram; a content word's hash is the CRC-32 of its stem.

Changing any of this changes what an index holds: bump ``store.SCHEMA_VERSION``.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np

from storytrace.text import _TOKEN, STOPWORDS, _quote_open, is_boilerplate, normalize_word, paragraph_spans, stem

N = 5
SAMPLE = 8

# A sentence-ending mark and what closes after it; "." only when the word before it is neither a single
# letter ("J. Doe", "U.S.") nor a title or month abbreviation Punkt also reads through; "a.m."/"p.m."
# end a piece when a capital or a quotation follows (news sentences often end on a time).
_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Lt",
    "Col",
    "Jr",
    "Sr",
    "Prof",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "vs",
    "No",
)
_PIECE_END = re.compile(
    r"[.?!\u2026]+(?:(?<=\b[ap]\.m\.)(?=\s+[A-Z\u201c\"])|(?<!\b[^\W\d]\.)"
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r")[\"'\u201d\u2019)\]]*\s+"
)

# 5-gram hash: a polynomial in the words' CRC-32s modulo 2**64, then a 64-bit finaliser (splitmix64's),
# keeping the top 32 bits; both constants odd, fixed forever (they define the stored hashes).
_POWERS = [np.uint64(pow(0x9E3779B97F4A7C15, N - 1 - j, 1 << 64)) for j in range(N)]
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)


class Fingerprint(NamedTuple):
    shingles: np.ndarray  # sorted unique sampled 5-gram hashes (int64)
    terms: np.ndarray  # sorted unique content-word hashes (int64)
    counts: np.ndarray  # how often each term occurs (int32): BM25's term frequencies

    @property
    def length(self) -> int:
        """Content words in all: BM25's document length."""
        return int(self.counts.sum())


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of one article's text (``fingerprints`` for a batch)."""
    return fingerprints([text])[0]


def fingerprints(texts: Sequence[str], *, sample: int = SAMPLE) -> list[Fingerprint]:
    """The fingerprints of a batch of article texts, hashed together in numpy (the per-call cost of numpy
    is paid once per batch, not per article)."""
    with _VOCABULARY_LOCK:  # serve traces in threads; one vocabulary entry per word, whoever adds it
        return _fingerprints(texts, sample)


def _fingerprints(texts: Sequence[str], sample: int) -> list[Fingerprint]:
    vocab = _VOCABULARY
    vocab.make_room()
    ids: list[int] = []  # per word of the batch: its vocabulary entry
    lengths: list[int] = []  # words per piece, pieces of the whole batch in order
    bounds = [0]  # words of text i: ids[bounds[i]:bounds[i + 1]]
    for text in texts:
        for start, end in _pieces(text):
            _add_piece(text, start, end, ids, lengths, vocab)
        bounds.append(len(ids))
    entries = np.asarray(ids, dtype=np.int64)
    pieces = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), np.diff(bounds))
    shingled = _sampled_shingles(vocab.keys[entries], pieces, owner, sample)
    termed = _term_counts(vocab.terms[entries], owner)
    return _split(shingled, termed, len(texts))


def _add_piece(text: str, start: int, end: int, ids: list[int], lengths: list[int], vocab: _Vocabulary) -> None:
    """Append the vocabulary entries of the words of ``text[start:end]``, unless it is boilerplate."""
    found = _TOKEN.findall(text, start, end)
    if found and not is_boilerplate(text[start:end]):
        entries = list(map(vocab.ids.get, found))
        if None in entries:  # words new to this process (names, mostly: a few in most pieces of news)
            entries = [vocab.add(w) if e is None else e for w, e in zip(found, entries, strict=True)]
        ids += entries
        lengths.append(len(found))


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the pieces of ``text``: paragraphs cut after sentence-ending marks, except inside a
    quotation (``analyse`` merges sentences while a quotation is open, too)."""
    for p_start, p_end in paragraph_spans(text):
        start = p_start
        for m in _PIECE_END.finditer(text, p_start, p_end):
            if not _quote_open(text[start : m.end()]):
                yield start, m.start()
                start = m.end()
        yield start, p_end


class _Vocabulary:
    """Each surface form seen by this process, with its two hashes in numpy arrays, so a batch's words
    turn into hashes with one dict lookup each (in C, by ``map``) and one array take."""

    LIMIT = 500_000

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.keys = np.zeros(1024, dtype=np.uint64)  # CRC-32 of the normal form (5-gram input)
        self.terms = np.zeros(1024, dtype=np.int64)  # CRC-32 of the stem; -1 for a function word

    def make_room(self) -> None:
        """Forget everything when full (between batches only: a batch's entries stay valid)."""
        if len(self.ids) >= self.LIMIT:
            self.ids = {}

    def add(self, word: str) -> int:
        entry = self.ids.get(word)
        if entry is not None:
            return entry
        entry = len(self.ids)
        if entry >= len(self.keys):
            self.keys = np.concatenate([self.keys, np.zeros_like(self.keys)])
            self.terms = np.concatenate([self.terms, np.zeros_like(self.terms)])
        norm = normalize_word(word)
        content = norm not in STOPWORDS and (len(norm) > 2 or norm[0].isdigit())
        self.keys[entry] = zlib.crc32(norm.encode("utf-8"))
        self.terms[entry] = zlib.crc32(stem(norm).encode("utf-8")) if content else -1
        self.ids[word] = entry
        return entry


_VOCABULARY = _Vocabulary()
_VOCABULARY_LOCK = threading.Lock()


def _sampled_shingles(k: np.ndarray, p: np.ndarray, owner: np.ndarray, sample: int) -> np.ndarray:
    """Unique (text, sampled 5-gram hash) pairs packed as text << 32 | hash, sorted; ``k`` the words' keys,
    ``p`` their pieces."""
    n = len(k) - N + 1
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(N):
        h += k[j : j + n] * _POWERS[j]  # wraps modulo 2**64, which is the definition
    h ^= h >> np.uint64(30)
    h *= _MIX_1
    h ^= h >> np.uint64(27)
    h *= _MIX_2
    h ^= h >> np.uint64(31)
    top = (h >> np.uint64(32)).astype(np.int64)
    keep = (p[:n] == p[N - 1 :]) & (top % sample == 0)
    return np.unique((owner[:n][keep] << 32) | top[keep])


def _term_counts(w: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unique (text, term) pairs packed as text << 32 | term, sorted, and their counts."""
    content = w >= 0
    return np.unique((owner[content] << 32) | w[content], return_counts=True)


def _split(shingled: np.ndarray, termed: tuple[np.ndarray, np.ndarray], n_texts: int) -> list[Fingerprint]:
    low = np.int64(0xFFFFFFFF)
    texts = np.arange(n_texts + 1, dtype=np.int64) << 32
    s_cut = np.searchsorted(shingled, texts)
    packed, counts = termed
    t_cut = np.searchsorted(packed, texts)
    sh = shingled & low
    te = packed & low
    tf = counts.astype(np.int32)
    return [
        Fingerprint(sh[s_cut[i] : s_cut[i + 1]], te[t_cut[i] : t_cut[i + 1]], tf[t_cut[i] : t_cut[i + 1]])
        for i in range(n_texts)
    ]
