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
- a piece that opens a quotation it does not close runs on to the next, to the paragraph's end (``analyse``
  merges such sentences too, but at most four and not into a paragraph's end; indexing and querying cut
  pieces alike, so the difference costs nothing).
- pieces that ``text.is_boilerplate`` marks (share bars, credits) are left out, as ``Document.body`` does,
  unless they run to more than ``text.BOILERPLATE_WORDS`` words (``_is_boilerplate``): then site furniture
  was scraped together with the text after it ("Share this withEmail...Copy this linkThe 76-year-old...",
  "Follow @pollreport CONGRESS – Job Rating ..."), and the piece is kept. ``analyse`` keeps only such
  share bars (compare must not count a long newsletter box as reused text); the index keeps every kind,
  as retrieval loses more by missing a lead than it gains by leaving out a few common words.
- words are ``text``'s tokens with its normal forms; a 5-gram never spans two pieces. They are found by a
  numpy scan of the batch's characters that gives exactly the token regex's matches (tests/test_index.py
  holds the two equal): the regex run piece by piece, with a dict lookup per word, was 60% of the cost.
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

from storytrace.text import (
    BOILERPLATE_WORDS,
    STOPWORDS,
    _quote_open,
    is_boilerplate,
    normalize_word,
    paragraph_spans,
    stem,
)

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


#: Characters scanned together: the scan holds ~40 bytes per character in numpy arrays while it runs.
_GROUP_CHARS = 1 << 20


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of one article's text (``fingerprints`` for a batch)."""
    return fingerprints([text])[0]


def fingerprints(texts: Sequence[str], *, sample: int = SAMPLE) -> list[Fingerprint]:
    """The fingerprints of a batch of article texts, hashed together in numpy (the per-call cost of numpy
    is paid once per batch, not per article)."""
    out: list[Fingerprint] = []
    group: list[str] = []
    size = 0
    with _VOCABULARY_LOCK:  # serve traces in threads; one vocabulary entry per word, whoever adds it
        for text in texts:
            if group and size + len(text) > _GROUP_CHARS:
                out += _fingerprints(group, sample)
                group, size = [], 0
            group.append(text)
            size += len(text) + 1
        return out + _fingerprints(group, sample)


def _fingerprints(texts: Sequence[str], sample: int) -> list[Fingerprint]:
    vocab = _VOCABULARY
    vocab.make_room()
    batch = "\n".join(texts)  # one string: the scans below cost a few numpy calls per batch, not per piece
    cp = np.frombuffer(batch.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    marks = np.flatnonzero(_END_MARKS[np.minimum(cp, len(_END_MARKS) - 1)]).tolist()
    bounds: list[int] = []  # kept pieces as start, end, start, end... in ``batch`` (increasing)
    offsets = [0]  # text i is batch[offsets[i]:offsets[i + 1] - 1]
    k = 0
    for text in texts:
        at = offsets[-1]
        first = k
        while k < len(marks) and marks[k] < at + len(text):
            k += 1
        for start, end in _pieces(text, [m - at for m in marks[first:k]]):
            if not _is_boilerplate(text[start:end]):
                bounds += (at + start, at + end)
        offsets.append(at + len(text) + 1)
    starts, ends, h = _tokens(cp)
    # No token crosses a piece's edge (a piece ends before an end mark or at its paragraph's trimmed end, and
    # the next starts after white space), so the tokens starting inside a kept piece are that piece's tokens.
    slot = np.searchsorted(np.asarray(bounds, dtype=np.int64), starts, side="right")
    inside = slot % 2 == 1
    starts, ends, h, pieces = starts[inside], ends[inside], h[inside], slot[inside] // 2
    owner = np.searchsorted(np.asarray(offsets, dtype=np.int64), starts, side="right") - 1
    keys, terms = vocab.lookup(batch, starts, ends, h)
    shingled = _sampled_shingles(keys, pieces, owner, sample)
    termed = _term_counts(terms, owner)
    return _split(shingled, termed, len(texts))


def _is_boilerplate(piece: str) -> bool:
    """A piece the index leaves out: ``text.is_boilerplate`` and at most ``text.BOILERPLATE_WORDS`` words."""
    return is_boilerplate(piece) and len(piece.split()) <= BOILERPLATE_WORDS


#: The characters a piece can end on (``_PIECE_END``'s first one), as a table by code point (the rest map
#: to its last entry, False).
_END_MARKS = np.zeros(0x2027 + 1, dtype=bool)
_END_MARKS[[ord(c) for c in ".?!\u2026"]] = True
_MARK = re.compile("[.?!\u2026]")


def _pieces(text: str, marks: Sequence[int] | None = None) -> Iterator[tuple[int, int]]:
    """Spans of the pieces of ``text``: paragraphs cut after sentence-ending marks, except inside a
    quotation (``analyse`` merges sentences while a quotation is open, too, within limits). ``marks``: the
    positions of ``_END_MARKS`` characters in ``text``, in order (found here when not given).

    ``_PIECE_END`` is tried only where an end mark is, which finds what ``finditer`` over each paragraph
    finds (a match starts on a mark; the first one at or after the last match's end is the next match):
    the regex engine's scan from character to character was a quarter of the fingerprints' cost."""
    if marks is None:
        marks = [m.start() for m in _MARK.finditer(text)]
    k = 0
    n = len(marks)
    for p_start, p_end in paragraph_spans(text):
        start = free = p_start
        while k < n and marks[k] < p_start:
            k += 1
        while k < n and marks[k] < p_end:
            at = marks[k]
            k += 1
            if at < free:
                continue
            m = _PIECE_END.match(text, at, p_end)
            if m is None:
                continue
            free = m.end()
            if not _quote_open(text[start:free]):
                yield start, at
                start = free
        yield start, p_end


# Character classes of ``text._TOKEN``: a token is a run of letters (``[^\W\d_]``) that an apostrophe
# between two letters may join, or a run of decimal digits (``\d``) that ``. , :`` between two digits may
# join; a letter next to a digit starts a new token.
_OTHER, _LETTER, _DIGIT, _DIGIT_JOIN, _LETTER_JOIN = range(5)
_CLASSES: list[np.ndarray] = []  # [table for the first 2**16 code points], then [table for all] once needed


def _class_table(size: int) -> np.ndarray:
    """Token character class of each code point below ``size``, taken from the regex classes themselves."""
    chars = "".join(map(chr, range(size)))
    table = np.zeros(size, dtype=np.uint8)
    for cls, pattern in ((_LETTER, r"[^\W\d_]"), (_DIGIT, r"\d"), (_DIGIT_JOIN, r"[.,:]"), (_LETTER_JOIN, "['\u2019]")):
        table[[m.start() for m in re.finditer(pattern, chars)]] = cls
    return table


def _classes(cp: np.ndarray) -> np.ndarray:
    if not _CLASSES:
        _CLASSES.append(_class_table(1 << 16))
    if len(cp) and int(cp.max()) >= len(_CLASSES[-1]):  # emoji, math letters: rare, one-off cost ~1 s
        _CLASSES.append(_class_table(0x110000))
    return _CLASSES[-1][cp]


_HASH_BASE = 0x100000001B3
# [powers, inverse powers]: ``_HASH_BASE ** i`` and ``_HASH_BASE ** -i`` modulo 2**64 (the base is odd)
_HASH_POWERS = [np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64)]


#: Entries of each power table kept between calls (8 MB each): a batch longer than this gets tables of its
#: own, freed with it, so one huge text does not hold hundreds of MB in every worker for the rest of a run.
_POWERS_KEPT = 1 << 20


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``_HASH_BASE ** i`` and ``_HASH_BASE ** -i`` modulo 2**64, for i < n (at least)."""
    if len(_HASH_POWERS[0]) >= n:
        return _HASH_POWERS[0], _HASH_POWERS[1]
    size = n if n > _POWERS_KEPT else min(_POWERS_KEPT, max(n, 2 * len(_HASH_POWERS[0])))
    tables = []
    for base in (_HASH_BASE, pow(_HASH_BASE, -1, 1 << 64)):
        out = np.empty(size, dtype=np.uint64)
        out[0] = 1
        done = 1
        with np.errstate(over="ignore"):
            while done < size:  # doubling: out[d:2d] = out[:d] * base**d
                step = min(done, size - done)
                out[done : done + step] = out[:step] * np.uint64(pow(base, done, 1 << 64))
                done += step
        tables.append(out)
    if size <= _POWERS_KEPT:
        _HASH_POWERS[0], _HASH_POWERS[1] = tables
    return tables[0], tables[1]


def _powers(n: int, *, inverse: bool = False) -> np.ndarray:
    """``_HASH_BASE ** i`` (``** -i`` if ``inverse``) for i < n, modulo 2**64."""
    return _power_tables(n)[int(inverse)]


def _tokens(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Spans of ``text._TOKEN``'s matches in a string given as its code points ``cp`` (starts, ends) and a
    64-bit hash of each match's characters (the vocabulary's key), computed over the whole string in numpy."""
    if not len(cp):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty.astype(np.uint64)
    c = _classes(cp)
    letter = np.concatenate(([False], c == _LETTER, [False]))
    digit = np.concatenate(([False], c == _DIGIT, [False]))
    kind = np.where(letter[1:-1] | ((c == _LETTER_JOIN) & letter[:-2] & letter[2:]), 1, 0).astype(np.int8)
    kind[digit[1:-1] | ((c == _DIGIT_JOIN) & digit[:-2] & digit[2:])] = 2
    padded = np.concatenate(([0], kind, [0])).astype(np.int8)
    change = padded[1:] != padded[:-1]  # len + 1: a token starts or ends here
    starts = np.flatnonzero(change[:-1] & (kind != 0))
    ends = np.flatnonzero(change[1:] & (kind != 0)) + 1
    lengths = ends - starts
    # A token's hash is the sum of its characters times powers of the base from its first one: prefix sums
    # of the whole string's characters times powers from its start, then each token's difference brought
    # back to its own start by an inverse power (a few passes over the string, none per token).
    n = len(cp)
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        powers, inverse = _power_tables(n)
        np.cumsum(cp.astype(np.uint64) * powers[:n], out=prefix[1:])
        h = (prefix[ends] - prefix[starts]) * inverse[starts]
        h ^= lengths.astype(np.uint64) << np.uint64(56)
    return starts.astype(np.int64), ends.astype(np.int64), h


class _Vocabulary:
    """Each surface form seen by this process, by the 64-bit hash of its characters (sorted, for
    ``searchsorted``), with its two hashes, so a batch's words turn into hashes with a few array
    operations; only words new to the process are sliced out and hashed in Python. (Two forms with the
    same 64-bit hash would share an entry: odds about 1 in 10**8 with a full vocabulary.)"""

    LIMIT = 500_000

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.ids = np.zeros(0, dtype=np.uint64)  # character hashes of the surface forms, sorted
        self.keys = np.zeros(0, dtype=np.uint64)  # CRC-32 of the normal form (5-gram input)
        self.terms = np.zeros(0, dtype=np.int64)  # CRC-32 of the stem; -1 for a function word

    def make_room(self) -> None:
        """Forget everything when full (between batches only)."""
        if len(self.ids) >= self.LIMIT:
            self.reset()

    def lookup(self, batch: str, starts: np.ndarray, ends: np.ndarray, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The 5-gram keys and term hashes of the words ``batch[starts[i]:ends[i]]`` (character hashes ``h``)."""
        at = np.searchsorted(self.ids, h)
        known = self.ids[np.minimum(at, len(self.ids) - 1)] == h if len(self.ids) else np.zeros(len(h), dtype=bool)
        if not known.all():  # words new to this process (names, mostly)
            new, first = np.unique(h[~known], return_index=True)
            where = np.flatnonzero(~known)[first]
            words = [batch[a:b] for a, b in zip(starts[where].tolist(), ends[where].tolist(), strict=True)]
            keys, terms = zip(*map(_word_hashes, words), strict=True)
            place = np.searchsorted(self.ids, new)
            self.ids = np.insert(self.ids, place, new)
            self.keys = np.insert(self.keys, place, np.asarray(keys, dtype=np.uint64))
            self.terms = np.insert(self.terms, place, np.asarray(terms, dtype=np.int64))
            at = np.searchsorted(self.ids, h)
        return self.keys[at], self.terms[at]


def _word_hashes(word: str) -> tuple[int, int]:
    norm = normalize_word(word)
    content = norm not in STOPWORDS and (len(norm) > 2 or norm[0].isdigit())
    return zlib.crc32(norm.encode("utf-8")), zlib.crc32(stem(norm).encode("utf-8")) if content else -1


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
