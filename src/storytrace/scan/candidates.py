"""Candidate pairs for a whole corpus: cheap lexical evidence first, so ``compare`` runs only where it decides.

Every article becomes a sparse TF-IDF vector over its words (sublinear term frequency, stopwords out).
Two articles are a candidate pair when the words they share *and that few other articles use* carry
enough of that cosine. Only terms with document frequency in ``[2, max_df]`` are joined on: a story's
names, figures and rare words survive any rewrite, even a heavy LLM one, while the topic words every
sports or economy story uses would make the work quadratic. With ``max_df`` fixed the work grows with
the number of postings, not with the square of the corpus.

The same arithmetic runs on one machine (:func:`candidate_pairs`, scipy) and on Spark
(``scan/spark.py``, DataFrame joins); both build their term weights with :func:`doc_terms` and
:func:`term_weights`, so they find the same pairs with the same scores.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

from storytrace.text import STOPWORDS

_WORD = re.compile(r"[^\W_]{2,}")


@dataclass(frozen=True)
class CandidateSettings:
    #: Terms used by more articles than this are not joined on (see the module docstring).
    max_df: int = 300
    #: A pair whose rare-term cosine is at least this is always a candidate.
    keep_score: float = 0.2
    #: Below ``keep_score``, a pair is still a candidate when it is among either article's ``top_k`` best
    #: and scores at least ``min_score``: heavily rewritten copies share few words, but they share them
    #: with each other more than with anything else. Four, because an original with four rewrites is
    #: common, and a rewrite's closest partners are then its three siblings and its original (SheepDog:
    #: candidate recall 0.953 with 3, 0.976 with 4 for 1.6% more pairs; 5 adds 26% more pairs for 0.5%).
    top_k: int = 4
    min_score: float = 0.08
    #: The top-k rule ranks an article's partners by their score with the longer text's length taken out
    #: past this ratio of lengths (:func:`doc_length`: distinct words counted): score times
    #: sqrt(ratio / this). The cosine divides by each vector's norm, so a short text wholly inside one with r
    #: times its distinct words scores at most about 1/sqrt(r): a long original (a speech, a debate
    #: transcript) ranked 5th-15th among its short rewrite's partners, behind same-beat articles of the
    #: rewrite's own length. (SheepDog: 27 of its 35 original-rewrite pairs that were no candidates
    #: become candidates, for 1% more pairs; RESULTS.md, scan, session 8.) ``keep_score`` and ``min_score``
    #: read the plain score. The judge's gate takes the length out the same way
    #: (``ScanSettings.fair_length_ratio``). ``math.inf`` turns it off; it must be at least 1.
    fair_length_ratio: float = 4.0

    def __post_init__(self) -> None:
        if not self.fair_length_ratio >= 1.0:
            raise ValueError(
                f"fair_length_ratio must be at least 1 (math.inf turns it off), not {self.fair_length_ratio}"
            )


@dataclass(frozen=True)
class Candidate:
    """Two articles (by position in the corpus, ``a < b``) worth comparing, with their cheap score and
    ``rank``: 0 when one of the two is the other's best-scoring partner, 1 for second best, and so on."""

    a: int
    b: int
    score: float
    rank: int = 0


def doc_terms(text: str) -> dict[int, int]:
    """Term id -> count for one article. Ids are CRC-32s of lower-cased words: stable across processes
    and machines (Python's own ``hash`` is salted per process, which would break Spark)."""
    # Count every word, then filter the distinct ones: a third as many Python steps as filtering each.
    out: dict[int, int] = {}
    ids = _TERM_IDS
    for w, c in Counter(_WORD.findall(text.lower())).items():
        term = ids.get(w)
        if term is None:
            if w in STOPWORDS:
                continue
            if len(ids) >= _TERM_IDS_MAX:
                ids.clear()
            term = ids[w] = zlib.crc32(w.encode("utf-8"))
        out[term] = c
    return out


# Word -> id, remembered: most words of an article were seen in earlier ones, and a dict lookup costs a third
# of encoding and hashing the word again. Bounded (a few hundred MB at worst would be too much for a
# worker): cleared when full, which changes nothing but the time.
_TERM_IDS: dict[str, int] = {}
_TERM_IDS_MAX = 500_000


class PackedTerms(Mapping[int, int]):
    """One article's term counts in two small arrays: a tenth of the memory of the dict (a 30,000-article
    corpus held 0.6 GB of dicts), read like it."""

    __slots__ = ("counts", "ids")

    def __init__(self, terms: Mapping[int, int]) -> None:
        self.ids = np.fromiter(terms.keys(), dtype=np.int64, count=len(terms))
        self.counts = np.fromiter(terms.values(), dtype=np.int32, count=len(terms))

    def __getitem__(self, term: int) -> int:
        hit = np.flatnonzero(self.ids == term)
        if not len(hit):
            raise KeyError(term)
        return int(self.counts[hit[0]])

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids.tolist())

    def __len__(self) -> int:
        return len(self.ids)

    def values(self) -> Any:
        return self.counts.tolist()


def term_weights(terms: dict[int, int], df: dict[int, int], n_docs: int, max_df: int) -> tuple[dict[int, float], float]:
    """The joinable (rare) terms' TF-IDF weights, divided by the norm of the article's whole vector."""
    weights: dict[int, float] = {}
    norm2 = 0.0
    for t, c in terms.items():
        d = df.get(t, 1)
        # ln((N+1)/df), not ln(N/df): in a tiny corpus a word in every article still counts a little.
        w = (1.0 + math.log(c)) * math.log((n_docs + 1) / d)
        norm2 += w * w
        if 2 <= d <= max_df and w > 0.0:
            weights[t] = w
    norm = math.sqrt(norm2)
    if norm == 0.0:
        return {}, 0.0
    return {t: w / norm for t, w in weights.items()}, norm


def document_frequencies(all_terms: Sequence[dict[int, int]]) -> dict[int, int]:
    df: Counter[int] = Counter()
    for terms in all_terms:
        df.update(terms.keys())
    return dict(df)


def doc_length(terms: Mapping[int, int]) -> int:
    """An article's length for :func:`fair_scores`: its distinct words as ``doc_terms`` counts them (what a
    vector's norm grows with), not its running words (a transcript repeats its words)."""
    return len(terms)


def doc_lengths(all_terms: Sequence[Mapping[int, int]]) -> np.ndarray:
    return np.fromiter((doc_length(t) for t in all_terms), dtype=np.float64, count=len(all_terms))


def fair_scores(score: Any, me_len: Any, other_len: Any, ratio_floor: float) -> Any:
    """Scores (arrays or numbers) with the longer text's length taken out past ``ratio_floor``: times
    sqrt(length ratio / ratio_floor)."""
    ratio = np.maximum(me_len, other_len) / np.maximum(1.0, np.minimum(me_len, other_len))
    return np.where(ratio > ratio_floor, score * np.sqrt(ratio / ratio_floor), score)


def select(
    pairs: dict[tuple[int, int], float], n_docs: int, settings: CandidateSettings, lengths: np.ndarray
) -> list[Candidate]:
    """Apply the keep/top-k rule to scored pairs (``lengths``: :func:`doc_lengths`); sorted by (a, b)."""
    if not pairs:
        return []
    ab = np.fromiter(chain.from_iterable(pairs), dtype=np.int64, count=2 * len(pairs)).reshape(-1, 2)
    score = np.fromiter(pairs.values(), dtype=np.float64, count=len(ab))
    ok = score >= settings.min_score
    ab, score = ab[ok], score[ok]
    # Each pair seen from both ends.
    me, other = np.concatenate([ab[:, 0], ab[:, 1]]), np.concatenate([ab[:, 1], ab[:, 0]])
    a, b, _, rank = _kept(me, other, np.concatenate([score, score]), settings, lengths)
    keep: dict[tuple[int, int], int] = {}
    for p, q, r in zip(a.tolist(), b.tolist(), rank.tolist(), strict=True):
        if r < keep.get((p, q), r + 1):
            keep[(p, q)] = r
    return [Candidate(p, q, pairs[(p, q)], keep[(p, q)]) for p, q in sorted(keep)]


def _kept(
    me: np.ndarray, other: np.ndarray, score: np.ndarray, settings: CandidateSettings, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The keep/top-k rule on scored pairs seen from ``me``'s side (every partner of each ``me`` present):
    the kept pairs as (smaller position, larger position, score, rank among ``me``'s partners). Best
    partners first, by :func:`fair_scores`; ties broken by the partner's position, so the choice never
    depends on input order."""
    fair = fair_scores(score, lengths[me], lengths[other], settings.fair_length_ratio)
    order = np.lexsort((other, -fair, me))
    me, other, score = me[order], other[order], score[order]
    rank = np.arange(len(me)) - np.searchsorted(me, me, side="left")
    chosen = (score >= settings.keep_score) | (rank < settings.top_k)
    me, other = me[chosen], other[chosen]
    return np.minimum(me, other), np.maximum(me, other), score[chosen], rank[chosen]


def candidate_pairs(texts: Sequence[str], settings: CandidateSettings = CandidateSettings()) -> list[Candidate]:
    """Every candidate pair of ``texts`` (one machine; no filters)."""
    return candidates_by_block([doc_terms(t) for t in texts], settings)


def term_matrix(all_terms: Sequence[Mapping[int, int]], settings: CandidateSettings) -> Any:
    """The articles' joinable-term weights as a sparse matrix (rows: articles), or None when no article
    has a joinable term. :func:`term_weights` for every article at once, in numpy."""
    from scipy import sparse

    n = len(all_terms)
    sizes = np.fromiter((len(terms) for terms in all_terms), dtype=np.int64, count=n)
    rows = np.repeat(np.arange(n), sizes)
    term_ids = _concat(all_terms, sizes, keys=True)
    counts = _concat(all_terms, sizes, keys=False).astype(np.float64)
    if not len(term_ids):
        return None
    # Columns numbered in order of first appearance, as a dict would number them, so that the matrix (and
    # the order in which the sparse product adds up a pair's terms) is the same as it always was.
    unique, first, inverse = np.unique(term_ids, return_index=True, return_inverse=True)
    column_of = np.empty(len(unique), dtype=np.int64)
    column_of[np.argsort(first, kind="stable")] = np.arange(len(unique))
    cols = column_of[inverse.reshape(-1)]
    vocab_size = len(unique)
    df = np.bincount(cols, minlength=vocab_size)
    w = (1.0 + np.log(counts)) * np.log((n + 1) / df[cols])
    norm = np.sqrt(np.bincount(rows, weights=w * w, minlength=n))
    joinable = (df[cols] >= 2) & (df[cols] <= settings.max_df) & (w > 0.0) & (norm[rows] > 0.0)
    if not joinable.any():
        return None
    return sparse.csr_matrix(
        (w[joinable] / norm[rows[joinable]], (rows[joinable], cols[joinable])), shape=(n, vocab_size)
    )


def _concat(all_terms: Sequence[Mapping[int, int]], sizes: np.ndarray, *, keys: bool) -> np.ndarray:
    """Every article's term ids (``keys``) or counts, one after the other, as one int64 array."""
    if all(isinstance(terms, PackedTerms) for terms in all_terms):
        parts = [terms.ids if keys else terms.counts for terms in all_terms]  # type: ignore[attr-defined]
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)
    items = (t for terms in all_terms for t in terms) if keys else (c for terms in all_terms for c in terms.values())
    return np.fromiter(items, dtype=np.int64, count=int(sizes.sum()))


def scored_pairs(all_terms: Sequence[Mapping[int, int]], settings: CandidateSettings) -> dict[tuple[int, int], float]:
    """Rare-term cosine of every pair that scores at least ``min_score`` (scipy sparse product).

    Holds every such pair at once: for small corpora and tests; a scan uses :func:`candidates_by_block`."""
    from scipy import sparse

    x = term_matrix(all_terms, settings) if len(all_terms) >= 2 else None
    if x is None:
        return {}
    sims = sparse.triu(x @ x.T, k=1).tocoo()
    mask = sims.data >= settings.min_score
    keys = zip(sims.row[mask].tolist(), sims.col[mask].tolist(), strict=True)
    return dict(zip(keys, sims.data[mask].tolist(), strict=True))


def candidates_by_block(
    all_terms: Sequence[Mapping[int, int]],
    settings: CandidateSettings,
    block_entries: int = 4_000_000,
) -> list[Candidate]:
    """:func:`select` over the pairs :func:`scored_pairs` would give, without holding them all: the similarity
    rows are computed a block of articles at a time, each row ranked and cut to the kept pairs at once.
    Memory is bounded by ``block_entries`` similarities per block and the kept pairs, whatever the size of
    the corpus (at 30,000 articles the whole product held 2.3 GB)."""
    n = len(all_terms)
    x = term_matrix(all_terms, settings) if n >= 2 else None
    if x is None:
        return []
    lengths = doc_lengths(all_terms)
    xt = x.T.tocsc()
    # Rows of the product have about as many entries as the articles sharing a rare term with the row.
    sample = min(n, 200)
    per_row = max(1.0, (x @ xt[:, :sample]).nnz / sample)
    step = int(max(1, min(n, block_entries // per_row)))
    kept_a: list[np.ndarray] = []
    kept_b: list[np.ndarray] = []
    kept_score: list[np.ndarray] = []
    kept_rank: list[np.ndarray] = []
    for start in range(0, n, step):
        sims = (x[start : start + step] @ xt).tocoo()
        me = sims.row.astype(np.int64) + start
        other = sims.col.astype(np.int64)
        ok = (sims.data >= settings.min_score) & (me != other)
        me, other, score = me[ok], other[ok], sims.data[ok]
        # Each row holds every partner of its article, so the rule applies row by row.
        parts = _kept(me, other, score, settings, lengths)
        for kept, part in zip((kept_a, kept_b, kept_score, kept_rank), parts, strict=True):
            kept.append(part)
        del sims
    a = np.concatenate(kept_a)
    b = np.concatenate(kept_b)
    if not len(a):
        return []
    rank = np.concatenate(kept_rank)
    score = np.concatenate(kept_score)
    order = np.lexsort((rank, b, a))
    a, b, rank, score = a[order], b[order], rank[order], score[order]
    first = np.ones(len(a), dtype=bool)
    first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    # (A pair's score from a's row and from b's can differ in the last bit: ~1e-16.)
    return [
        Candidate(p, q, v, r)
        for p, q, r, v in zip(
            a[first].tolist(), b[first].tolist(), rank[first].tolist(), score[first].tolist(), strict=True
        )
    ]


def families(
    candidates: Sequence[Candidate],
    n_docs: int,
    max_pairs: int = 300,
    roots: Mapping[int, int] | None = None,
    strong_score: float = CandidateSettings.keep_score,
) -> list[tuple[int, Candidate]]:
    """Number each candidate's family: its connected component, cut into chunks of at most ``max_pairs``
    pairs when a component is large, so that one task stays small. Families are numbered from 0 in order of
    their first article; the result is sorted by (family, a, b). ``roots`` (article -> smallest position in
    its component) may come from elsewhere (Spark computes them).

    A large component is cut along its story families: the groups its strong pairs (score at least
    ``strong_score``) connect, packed whole into chunks, each weak pair going with the larger group of its
    two articles. One chunk then holds an original, its copies and the pairs between the copies, which
    judging needs together (a sibling is told by their common original), and an article is analysed and
    embedded in fewer chunks than with a cut in position order (which the rest still gets: a group larger
    than ``max_pairs``)."""
    root = roots if roots is not None else components(n_docs, [(c.a, c.b) for c in candidates])
    by_root: dict[int, list[Candidate]] = {}
    for c in sorted(candidates, key=lambda c: (c.a, c.b)):
        by_root.setdefault(root[c.a], []).append(c)
    out: list[tuple[int, Candidate]] = []
    family = 0
    for r in sorted(by_root):
        for chunk in _chunks(by_root[r], max_pairs, strong_score):
            out.extend((family, c) for c in chunk)
            family += 1
    return out


def _chunks(group: list[Candidate], max_pairs: int, strong_score: float) -> list[list[Candidate]]:
    """One component's pairs (sorted by (a, b)) in chunks of at most ``max_pairs``, each sorted by (a, b)."""
    if len(group) <= max_pairs:
        return [group]
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in group:
        ra, rb = find(c.a), find(c.b)
        if c.score >= strong_score and ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    size: dict[int, int] = {}
    for x in list(parent):
        size[find(x)] = size.get(find(x), 0) + 1
    story: dict[int, list[Candidate]] = {}
    for c in group:
        ra, rb = find(c.a), find(c.b)
        home = ra if (size[ra], -ra) >= (size[rb], -rb) else rb
        story.setdefault(home, []).append(c)
    chunks: list[list[Candidate]] = []
    current: list[Candidate] = []
    for home in sorted(story):
        pairs = story[home]
        if len(pairs) > max_pairs:
            chunks.extend(pairs[k : k + max_pairs] for k in range(0, len(pairs), max_pairs))
            continue
        if len(current) + len(pairs) > max_pairs:
            chunks.append(current)
            current = []
        current += pairs
    if current:
        chunks.append(current)
    return [sorted(chunk, key=lambda c: (c.a, c.b)) for chunk in chunks]


def candidate_rows(
    chosen: Sequence[Candidate], n_docs: int, roots: Mapping[int, int] | None = None
) -> list[dict[str, object]]:
    """The candidates stage file's lines: each chosen pair with its family number (both engines)."""
    return [
        {"a": c.a, "b": c.b, "score": round(c.score, 9), "rank": c.rank, "family": f}
        for f, c in families(chosen, n_docs, roots=roots)
    ]


def components(n: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """Connected components: for each article, the smallest position in its component."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]
