"""``trace``: the likely sources of a suspect article among the articles of an index.

Four candidate channels score every indexed article, then a weighted score fusion ranks them: BM25 over
the content-word postings (the main channel: rewrites keep a story's names, figures and vocabulary),
sampled 5-gram fingerprints (copies and light edits), the IDF share of the suspect's rarest words, and
static document vectors (reported, but not voting by default: see ``CHANNEL_WEIGHTS``). Retrieval only
proposes; ``compare`` on the short list decides whether a candidate really is the source, so an index
without the original answers "no source" rather than its nearest same-story article.
"""

from __future__ import annotations

import bisect
import decimal
import math
import numbers
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np

from storytrace.article import Article, published_date_of
from storytrace.audit import published_order, verbatim_hits
from storytrace.bylines import outlet_key as _outlet_key
from storytrace.comparison import Report, compare_documents, with_findings
from storytrace.errors import TooLongError
from storytrace.facts.quotes import quotes_of
from storytrace.index.fingerprint import fingerprint
from storytrace.settings import DEFAULT_SETTINGS, Settings
from storytrace.text import STOPWORDS, Document, analyse, same_text, specifics_share, tokenize

if TYPE_CHECKING:
    from storytrace.index.store import Index

SCHEMA = "storytrace.trace/1"
_RELATION_RANK = {"derived": 0, "partially_derived": 1}
#: Direction confidence from which a textual ``reversed`` disqualifies a candidate dated no later than the
#: suspect (text-only confidences run 0.7-0.85; on 80 SheepDog originals compared as the copy, 11 of 15
#: ``reversed`` verdicts were above this, and none of the 4 wrong ``reversed`` on originals).
_REVERSED_SURE = 0.76
#: Channel weights in the score fusion, chosen by the channel ablations of benchmarks/eval_trace.py
#: (RESULTS.md): BM25 leads; 5-gram fingerprints and rare terms break near-ties; the static dense vectors
#: lowered recall@1 on FRANK/SummaC summaries at any weight tried, so they are reported but do not vote.
CHANNEL_WEIGHTS: dict[str, float] = {"bm25": 1.0, "lexical": 0.1, "terms": 0.1, "dense": 0.0}
#: A candidate is compared with sentence embeddings only when at least this share of the names and figures
#: of the article with fewer are the other's (``text.specifics_share``): the scan's gate
#: (``ScanSettings.specifics_gate``; SheepDog original-rewrite pairs p10 0.73, 0.42% below 0.3; false
#: candidate pairs of make_scan_corpus.py median 0.27; benchmarks/scan_specifics.py).
EMBED_SPECIFICS = 0.3

#: Two sources are parts of a stitched suspect (``_parts``, ``TraceResult.stitched``) when each explains at
#: least this many suspect sentences the other does not, and at least this share of the suspect's sentences.
STITCHED_SENTENCES = 2
STITCHED_SHARE = 0.1
#: A suspect with fewer distinct content words than this, headline included (a lone name, a speaker label) is
#: not traced: any article that holds the word explains all of it, so compare calls it "derived" with reuse
#: 1.0 and which article that is depends on --top. Two words ("Amendment XXV") can still single an article out.
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True)
class Candidate:
    id: str
    score: float  # retrieval score in [0, 1]: weighted fusion of the channels, relative to this trace's best (``fuse``)
    bm25: float  # BM25 score of the suspect's content words (unbounded; comparable within one trace)
    dense: float
    lexical: float
    terms: float  # share of the suspect's rarest content words' IDF mass the candidate holds
    meta: dict[str, Any]
    report: Report | None  # the comparison, for candidates on the short list
    qualifies: bool  # compare says the suspect was derived from it (and not the other way round), and it explains
    # some suspect sentence
    contributed: tuple[int, ...]  # suspect sentences it explains (qualifying candidates only)
    too_long: bool = False  # on the short list, but too long to compare with the suspect (settings.MAX_SENTENCE_PAIRS)
    identical_to: tuple[str, ...] = ()  # the other listed candidates whose text is exactly this one's
    #: a qualifying source ranked below another that explains mostly the same suspect sentences: a version of
    #: that one (its copy, its rewrite or its original), not another part of a stitched suspect
    version_of: str | None = None
    #: the suspect itself under another id, going by its text and outlet (``_is_the_suspect``): never a source
    suspect_itself: bool = False
    #: why compare relates the suspect to it (derived or partially derived) yet it is no source, for the reports:
    #: "stamped_later", the stamps put it after the suspect (``audit.published_order``; an original is not younger
    #: than its copy); None otherwise. Without it, a row read "derived, reversed" and the reader was not told why the
    #: close match was dropped (an agency's story updated after its copy, review trace27).
    not_source: str | None = None

    @property
    def undated(self) -> bool:
        """No publication date: a date bound (``before``) could not leave it out."""
        return self.meta.get("published") is None


@dataclass(frozen=True)
class HeldBackMatch:
    """An indexed article the date bound left out that compare finds the suspect derived from, or the other way
    round: a close match the bound hid. Listed when no source is found, as it is then likely the original with a
    wrong date, or the suspect's own copy."""

    id: str
    published: str | None
    title: str | None
    relation: str  # compare's, with the held-back article as the original: derived or partially_derived
    direction: str  # compare's: "reversed" says the held-back article reads as the suspect's copy
    reuse: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "relation": self.relation,
            "direction": self.direction,
            "reuse": round(self.reuse, 4),
        }


@dataclass(frozen=True)
class TraceResult:
    suspect: Document
    source: str | None
    candidates: tuple[Candidate, ...]
    unexplained: tuple[int, ...]  # suspect sentences no qualifying candidate explains
    before: date | None
    too_short: bool = False  # fewer than MIN_CONTENT_WORDS content words: not traced (no candidates)
    held_back: int = 0  # indexed articles the date bound left out (published after ``before``)
    indexed: int = 0  # articles in the index when it was traced
    #: indexed articles that appear to be the suspect itself under another id (``_is_the_suspect``): listed, but
    #: never its source
    indexed_as: tuple[str, ...] = ()
    #: without a source: the held-back articles (published after ``before``) compare relates to the suspect
    held_back_matches: tuple[HeldBackMatch, ...] = ()
    #: what makes the result less trustworthy, as a report's ``warnings`` (the web app puts a page truncated at
    #: ``article.MAX_PAGE_ELEMENTS`` here; the command line says it on stderr)
    warnings: tuple[str, ...] = ()
    #: the index holds an article under the suspect's own id, left out of the candidates (no article is its own
    #: source): "same_text" when it holds the suspect's very text (spacing and a headline line aside), else
    #: "other_text" (a version of it, ``_own_version``); None when the id is not in the index, or is a row number
    #: holding another outlet's or an earlier article, which stays a candidate (ids from two exports collide)
    own_id_indexed: str | None = None
    #: which rule of ``_own_version`` made the article under the suspect's id a version of it, for the note: "text",
    #: "id" (an id that is no row number), "url", "outlet" or "not_earlier"; None when none is left out
    own_id_rule: str | None = None
    #: listed candidates compare relates to the suspect (derived or partially derived) but reads as taken from it
    #: ("reversed") from the text alone, a publication date missing on either side: not named as its source, which
    #: the reports say, as such a guess can drop the real original (``_qualifies``)
    read_as_copies: tuple[str, ...] = ()
    #: listed candidates compare relates to the suspect but the stamps put after it (``Candidate.not_source``):
    #: not named as its source, which the reports say (an agency's update stamped after its copy is one)
    stamped_later: tuple[str, ...] = ()

    @property
    def stitched(self) -> bool:
        """Is the suspect stitched from several sources: do two qualifying candidates each explain suspect
        sentences the other does not (``_parts``)? Several that explain mostly the same sentences are versions
        of one story (its original, and other rewrites or copies of it), not parts of a stitched text."""
        sources = [c for c in self.candidates if c.qualifies]
        n = len(self.suspect.body)
        return any(_parts(a, b, n) for k, a in enumerate(sources) for b in sources[k + 1 :])

    def sources_note(self) -> str | None:
        """What a list of several qualifying sources means, in words for a reader (None: fewer than two)."""
        if sum(c.qualifies for c in self.candidates) < 2:
            return None
        if self.stitched:
            return "The suspect is stitched from several originals"
        return (
            "Other versions of the story explain mostly the same suspect sentences (the source is the likeliest"
            " original)"
        )

    def to_dict(self) -> dict[str, Any]:
        a = self.suspect.article
        return {
            "schema": SCHEMA,
            "suspect": {
                "id": a.id,
                "title": a.title,
                "published": a.published,
                "sentences": len(self.suspect.sentences),
            },
            "source": self.source,
            "before": self.before.isoformat() if self.before else None,
            "candidates": [_candidate_dict(c) for c in self.candidates],
            "unexplained": list(self.unexplained) if self.source else [],
            "stitched": self.stitched,
            "too_short": self.too_short,
            "held_back": self.held_back,
            "indexed_as": list(self.indexed_as),
            "held_back_matches": [m.to_dict() for m in self.held_back_matches],
            "warnings": list(self.warnings),
            "own_id_indexed": self.own_id_indexed,
            "read_as_copies": list(self.read_as_copies),
            "stamped_later": list(self.stamped_later),
        }

    def too_short_note(self) -> str:
        """Why a suspect too short to trace has no source, for a reader."""
        n = content_words(self.suspect)
        if n == 0 and self.suspect.sentences:
            return (
                "the suspect's only text was read as boilerplate (a caption, a credit, a 'Read more' line), so there "
                "is nothing to trace"
            )
        return (
            f"the suspect is too short to trace: {n} content word{'' if n == 1 else 's'} (at least "
            f"{MIN_CONTENT_WORDS} needed); any article that holds {'it' if n == 1 else 'them'} would explain all of it"
        )

    def empty_note(self) -> str | None:
        """Why no candidate is listed, for a reader (None: some are, or the suspect is too short to trace)."""
        if self.candidates or self.too_short:
            return None
        if self.held_back and self.held_back >= self.indexed:
            return f"No candidates: every indexed article was published after {self.before}"
        if self.held_back:
            from storytrace.report.summary import plural

            return (
                f"No candidates: {plural(self.held_back, 'indexed article')} published after {self.before} "
                f"{'was' if self.held_back == 1 else 'were'} left out, and no other shares the suspect's words"
            )
        return "No candidates: no indexed article shares the suspect's words"


def _candidate_dict(c: Candidate) -> dict[str, Any]:
    r = c.report
    out: dict[str, Any] = {
        "id": c.id,
        "score": round(c.score, 4),
        "bm25": round(c.bm25, 4),
        "dense": round(c.dense, 4),
        "lexical": round(c.lexical, 4),
        "terms": round(c.terms, 4),
        "compared": r is not None,
        "too_long": c.too_long,
        # compare's mark (``Report.too_short``): without it the pair reads as a plain "unrelated"
        "too_short": r is not None and r.too_short,
        "suspect_itself": c.suspect_itself,
        "relation": r.verdict.relation if r else None,
        "confidence": r.verdict.confidence if r else None,
        "direction": r.verdict.direction if r else None,
        "reuse": r.scores.reuse if r else None,
        "coverage": r.scores.coverage if r else None,
        "findings": dict(sorted(Counter(f.type for f in r.findings).items())) if r else {},
        "qualifies": c.qualifies,
        "contributed": list(c.contributed),
        "undated": c.undated,
        "identical_to": list(c.identical_to),
        "version_of": c.version_of,
        "not_source": c.not_source,
        "meta": c.meta,
    }
    return out


@dataclass(frozen=True)
class ChannelScores:
    """Each channel's score for every article of the index snapshot (row order), and which rows may be
    a source at all (published on or before the cutoff)."""

    bm25: np.ndarray  # BM25 over the content-word postings: the main channel
    dense: np.ndarray  # static document vector cosine
    lexical: np.ndarray  # shared sampled 5-grams (count)
    rare: np.ndarray  # share of the IDF mass of the suspect's rarest content words
    allowed: np.ndarray  # bool
    n_hashes: int  # the suspect's sampled 5-grams
    query_vector: np.ndarray | None  # the suspect's static document vector (None: lexical-only index)
    dense_scored: bool  # False: ``dense`` was not computed (zeros)

    def get(self, name: str) -> np.ndarray:
        return {"bm25": self.bm25, "dense": self.dense, "lexical": self.lexical, "terms": self.rare}[name]


def channel_scores(
    index: Index,
    suspect: Document,
    *,
    cutoff: date | None = None,
    cutoff_time: datetime | None = None,
    dense: bool = True,
) -> ChannelScores:
    """Score every indexed article on each candidate channel: three queries and numpy, no per-article Python.

    ``dense=False`` leaves the static-vector channel out (all zeros; ``ChannelScores.query_vector`` still
    scores single articles): the shipped fusion gives it no vote, and its full product and the vectors it
    needs in memory cost most at scale (100,000 articles: 150 MB, 1 s to load, ~7 ms per query). A
    lexical-only index has no vectors: the dense channel is all zeros and no static model is loaded.

    ``cutoff``: only articles published on or before this day may be a source. ``cutoff_time``: the suspect's
    own publication time when it carries a UTC offset; an article printed on a later day but published earlier
    by the clock (a Tokyo wire story of 07:00+09:00 on the 10th, copied at 20:00-04:00 on the 9th) stays one.
    """
    snap = index.snapshot()
    n = len(snap.docs)
    allowed = np.ones(n, dtype=bool)
    if cutoff is not None and n:
        allowed = np.isnat(snap.days) | (snap.days <= np.datetime64(cutoff, "D"))
        if cutoff_time is not None and cutoff_time.tzinfo is not None:
            # Two stamps with offsets order by their instants, as compare reads them (``audit.published_order``);
            # a NaN instant (no time or no offset) compares False, so that article keeps the day's verdict. Only
            # a later day is reconsidered: the suspect's own day stays allowed, as it always was.
            allowed |= snap.instants <= cutoff_time.timestamp()
    q: np.ndarray | None = None
    if not index.lexical_only:
        from storytrace.static_embed import get_static_embedder

        body = " ".join(suspect.text[s.start : s.end] for s in suspect.body)
        q = get_static_embedder().doc_vectors([body])[0]
    dense = dense and q is not None
    scores = np.zeros(n, dtype=np.float32)
    if dense and n:
        scores = index.dense_matrix()[1] @ q
    prints = fingerprint(suspect.text)
    lexical = index.lexical_counts(prints.shingles)
    bm25, rare = index.term_scores(prints.terms, prints.counts)
    return ChannelScores(
        bm25=bm25,
        dense=scores,
        lexical=lexical,
        rare=rare,
        allowed=allowed,
        n_hashes=len(prints.shingles),
        query_vector=q,
        dense_scored=dense,
    )


def check_weights(weights: Mapping[str, Any], *, lexical_only: bool = False) -> dict[str, float]:
    """The fusion weights as floats, refusing those ``fuse`` could not honour: not a mapping of real numbers, a
    channel it does not know (a typo would silently give the channel no vote), a weight that is negative or not
    finite, or no channel with a positive weight (every trace would come back empty), ``dense`` alone counting as
    none on a lexical-only index (``lexical_only``: it has no static vectors, so the channel is all zeros).

    On a lexical-only index ``dense`` is dropped: a zero channel with a weight would only shrink every score."""
    if not isinstance(weights, Mapping):
        raise ValueError("weights must map channel names to numbers, e.g. {'bm25': 1.0}")
    unknown = sorted(set(map(str, weights)) - set(CHANNEL_WEIGHTS))
    if unknown:
        raise ValueError(
            f"unknown channel in weights: {', '.join(map(repr, unknown))} (known: {', '.join(CHANNEL_WEIGHTS)})"
        )
    # bool is an int to Python, but True as a weight is a slip, not a number; a Decimal is a number though not
    # numbers.Real, and fuse's arithmetic mixes floats, which a Fraction or Decimal would not (rev23r2)
    not_real = sorted(
        n for n, w in weights.items() if not isinstance(w, numbers.Real | decimal.Decimal) or isinstance(w, bool)
    )
    if not_real:
        raise ValueError(f"weights must be numbers: {', '.join(not_real)}")
    as_float = {name: _as_float(w) for name, w in weights.items()}
    bad = sorted(name for name, w in as_float.items() if not math.isfinite(w) or w < 0)
    if bad:
        raise ValueError(f"weights must be finite and 0 or more: {', '.join(bad)}")
    if not any(w > 0 for w in as_float.values()):
        raise ValueError("weights must give at least one channel a positive weight")
    if lexical_only:
        if not any(w > 0 for n, w in as_float.items() if n != "dense"):
            raise ValueError("weights give only 'dense' a positive weight, but this index is lexical-only (no vectors)")
        as_float.pop("dense", None)
    return as_float


def _as_float(weight: numbers.Real | decimal.Decimal) -> float:
    """A weight as a float; one too large for a float (a Fraction of 10**400) is not finite, and refused."""
    try:
        return float(weight)
    except (OverflowError, ValueError):
        return math.inf


def fuse(
    channels: ChannelScores, *, pool: int = 20, weights: Mapping[str, float] | None = None
) -> list[tuple[int, float]]:
    """Weighted score fusion: (snapshot row, score in [0, 1]), best first, at most ``pool``.

    Each channel's scores are scaled to [0, 1] by the best allowed article's (the dense cosines from the
    median article's up, since any two news articles sit high there), then summed with ``weights`` and
    divided by their total: relative, so the best candidate scores near 1 however unlike the suspect it is
    (not a similarity, nor comparable across queries; the reports say so). BM25 carries the ranking; the other
    channels, weighted low, only reorder near-ties, so a weak channel cannot pull BM25's clear first choice down
    (rank fusion did: measured in
    benchmarks/RESULTS.md, SheepDog retrieval recall@1 0.958 with equal-weight rank fusion of the four
    channels against 0.997 for BM25 alone).
    """
    weights = CHANNEL_WEIGHTS if weights is None else weights
    # scaled by the largest first: only their ratios count, and two of 1e308 summed overflow to inf (rev23r)
    largest = max((w for w in weights.values() if w > 0), default=0.0)
    weights = {name: w / largest for name, w in weights.items() if w > 0}
    n = len(channels.allowed)
    total = sum(weights.values())
    if not n or total <= 0:
        return []
    fused = np.zeros(n, dtype=np.float64)
    allowed = channels.allowed
    for name, weight in weights.items():
        if weight <= 0:
            continue
        scores = np.where(allowed, channels.get(name), 0.0).astype(np.float64)
        if name == "dense":
            if not allowed.any():
                continue
            floor = float(np.median(scores[allowed]))
            scores = np.where(allowed, scores - floor, 0.0)
        top = float(scores.max())
        if top > 0:
            fused += weight * np.clip(scores / top, 0.0, 1.0)
    fused /= total
    fused[~allowed] = 0.0
    k = min(pool, n)
    best = np.argpartition(-fused, k - 1)[:k] if k < n else np.arange(n)
    best = best[fused[best] > 0]
    order = best[np.lexsort((best, -fused[best]))]
    return [(int(row), float(fused[row])) for row in order]


def trace(
    index: Index,
    article: Article,
    *,
    top: int = 5,
    before: date | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    shortlist: int | None = None,
    weights: Mapping[str, float] | None = None,
) -> TraceResult:
    """Rank the indexed articles that ``article`` may come from; compare the best ``top`` to decide.

    ``before``: only candidates published on or before this date; by default the suspect's own
    publication date when known (an original is not younger than its copy). ``shortlist``: how many of
    the best candidates to compare (default ``top``; 0: retrieval only). ``weights``: channel weights in
    the fusion (default ``CHANNEL_WEIGHTS``; a channel left out does not vote).
    """
    # bool is an int to Python, but shortlist=True is a slip, not a count
    if not isinstance(top, numbers.Integral) or isinstance(top, bool):
        raise ValueError("top must be a whole number")
    if top < 1:
        raise ValueError("top must be at least 1")
    if shortlist is not None and (not isinstance(shortlist, numbers.Integral) or isinstance(shortlist, bool)):
        raise ValueError("shortlist must be a whole number")
    if shortlist is not None and shortlist < 0:
        raise ValueError("shortlist must be 0 or more")
    if weights is not None:
        weights = check_weights(weights, lexical_only=index.lexical_only)
    suspect = analyse(article)
    index.refresh()  # articles another process added or removed since the last trace count
    cutoff = before or article.published_date()
    # the suspect's own time with its offset, when the bound is its own date (``--before`` names a day alone)
    cutoff_time = article.published_time() if before is None else None
    if content_words(suspect) < MIN_CONTENT_WORDS:
        return TraceResult(
            suspect=suspect,
            source=None,
            candidates=(),
            unexplained=(),
            before=cutoff,
            too_short=True,
            indexed=len(index),
        )
    # The pool holds the shortlist too: at max(20, 4 * top) alone, trace(top=1, shortlist=25) compared 20.
    pool = max(20, 4 * top, shortlist or 0)
    voting = CHANNEL_WEIGHTS if weights is None else weights
    channels = channel_scores(
        index, suspect, cutoff=cutoff, cutoff_time=cutoff_time, dense=voting.get("dense", 0.0) > 0
    )
    snap = index.snapshot()
    fused_rows = fuse(channels, pool=pool, weights=weights)
    fused = {int(snap.docs[row]): value for row, value in fused_rows}
    ranked = list(fused)
    stored = index.get_docs(ranked[: max(top, pool)])
    ranked = [d for d in ranked if d in stored and not _own_version(stored[d].article, article)]
    # The suspect under its own id is never listed (an article is not its own source), but the reader is told: a
    # trace of an indexed article, with a weaker candidate shown and no word of why, read as a missed original.
    # Only the suspect itself or a version of it is so left out: ids from two exports often both run 1..n, and
    # another outlet's article under the suspect's id stays a candidate (it may be its source: rev25e).
    own = index.get(str(article.id)) if article.id is not None else None
    own_id_rule = None if own is None else _own_version(own.article, article)
    own_id_indexed = None if own_id_rule is None else ("same_text" if own_id_rule == "text" else "other_text")
    # A crawl or archive often holds the suspect itself under another id: named as its own source, it hid the
    # real original behind it ("a version of" the copy; qa21).
    itself = {d for d in ranked if _is_the_suspect(stored[d].article, article)}
    n_compare = shortlist if shortlist is not None else top
    shown = ranked[: max(top, n_compare)]
    vectors = {} if channels.dense_scored else index.vectors_of(shown)
    suspect_specifics = suspect.all_specifics()

    candidates: list[Candidate] = []
    new_vectors: list[tuple[int, str, np.ndarray]] = []
    for rank, doc in enumerate(shown):
        item = stored[doc]
        row = snap.position[doc]
        if channels.dense_scored:
            dense = max(0.0, float(channels.dense[row]))
        else:
            q = channels.query_vector
            dense = max(0.0, float(vectors[doc] @ q)) if doc in vectors and q is not None else 0.0
        lexical = float(channels.lexical[row]) / max(1, channels.n_hashes)
        rare = float(channels.rare[row])
        bm25 = float(channels.bm25[row])
        report = None
        too_long = False
        if rank < n_compare:
            try:
                report = _compare_stored(index, item, suspect, suspect_specifics, settings, new_vectors)
            except TooLongError:
                too_long = True  # listed by its retrieval score, not compared; the other candidates go on
        contributed = _explained(report) if report is not None and _qualifies(report, item.article, article) else ()
        # A source explains some suspect sentence. Compare counts words copied in runs even in a sentence it links
        # to nothing, so a stock phrase ("believed to be worth more than") made a one-sentence summary "partially
        # derived" from another story's article, named as the source ahead of its own (eval_trace, frank-1992).
        # The suspect itself (going by its text and outlet) cannot be its own source; it stays listed, marked, as
        # a page's metadata can be copied with its text.
        qualifies = bool(contributed) and doc not in itself
        later = (
            not qualifies
            and doc not in itself
            and report is not None
            and report.verdict.relation in _RELATION_RANK
            and published_order(item.article, article) == "reversed"
        )
        candidates.append(
            Candidate(
                id=str(item.article.id),
                score=round(min(1.0, fused.get(doc, 0.0)), 6),
                bm25=bm25,
                dense=dense,
                lexical=lexical,
                terms=rare,
                meta=item.article.to_meta(),
                report=report,
                qualifies=qualifies,
                contributed=contributed if qualifies else (),
                too_long=too_long,
                suspect_itself=doc in itself,
                not_source="stamped_later" if later else None,
            )
        )
    # Ties go to the retrieval score, then the id: two copies of one text indexed under two ids score alike, and
    # the one named must not hang on the order they were indexed in (qa24).
    sources = _root_first(
        sorted(
            (c for c in candidates if c.qualifies),
            key=lambda c: (
                (_RELATION_RANK[c.report.verdict.relation], -c.report.scores.reuse, -c.score, c.id)
                if c.report
                else (9, 0.0, -c.score, c.id)
            ),
        ),
        suspect_specifics,
        len(suspect.body),
    )
    sources = _parts_apart(_with_versions(sources, len(suspect.body)))
    rest = sorted((c for c in candidates if not c.qualifies), key=lambda c: (-c.score, c.id))
    texts = {str(stored[d].article.id): stored[d].article.text for d in shown}
    # Every part of the suspect is listed, even past ``top``: unexplained and stitched are told from all of them,
    # and a source compared (``shortlist`` above ``top``) but not listed read as "not stitched, all explained"
    # (rev23r). Past ``top`` a version of a listed part adds nothing to either: a wire story reprinted by 12
    # outlets listed 12 rows for ``top`` 2 (rev23r2).
    shown_sources = sources[:top] + [c for c in sources[top:] if c.version_of is None]
    listed = _with_identical(tuple(shown_sources + rest[: max(0, top - len(shown_sources))]), texts)
    explained = {i for c in sources for i in c.contributed}
    unexplained = tuple(s.index for s in suspect.body if s.index not in explained)
    held_back_matches: tuple[HeldBackMatch, ...] = ()
    if not sources and n_compare > 0:
        held_back_matches = _held_back_matches(
            index,
            channels,
            suspect,
            article,
            top=n_compare,
            pool=pool,
            weights=weights,
            settings=settings,
            new_vectors=new_vectors,
        )
    if new_vectors:
        from storytrace.embed import get_embedder

        index.store_many_sentence_vectors(new_vectors, get_embedder().vectors_key())
    return TraceResult(
        suspect=suspect,
        source=sources[0].id if sources else None,
        candidates=listed,
        unexplained=unexplained,
        before=cutoff,
        held_back=int((~channels.allowed).sum()),
        indexed=len(channels.allowed),
        indexed_as=tuple(str(stored[d].article.id) for d in shown if d in itself),
        held_back_matches=held_back_matches,
        own_id_indexed=own_id_indexed,
        own_id_rule=own_id_rule,
        read_as_copies=tuple(c.id for c in listed if _read_as_copy(c, article)),
        stamped_later=tuple(c.id for c in listed if c.not_source == "stamped_later"),
    )


#: The share of a held-back article the suspect must keep for the two to be named as one story's versions, unless
#: the suspect copies it (``HELD_BACK_VERBATIM``): a copy, either way round, keeps much of the other; a two-line
#: blurb keeps 2-3% of each later report of its event (``_held_back_close``).
HELD_BACK_COVERAGE = 0.3
#: The share of a derived suspect's words in runs copied word for word from a held-back article that names it
#: whatever the share kept: the first paragraphs of a long original, copied, keep 14-26% of it (rev23old). Short
#: texts of one's own on the subject can be "derived" by paraphrase links alone: 19 of 2,454 independent pairs
#: (first sentences of a Clough answer against another answer to its question), 0.00-0.19 verbatim
#: (benchmarks/calibrate_held_back.py, RESULTS.md session 23).
HELD_BACK_VERBATIM = 0.5
#: The share of the suspect's words in unquoted verbatim runs the coverage path needs as well: two short briefs
#: quoting one police statement in full keep 72% of each other by the quotation alone, 0.02 of the suspect's
#: words copied outside it (rev23r2). At 0.03, of the pairs of benchmarks/calibrate_held_back.py --naming-only,
#: false names 44 -> 17 of 2,454, true names 518 -> 492 of 1,242 (0.05: 12 and 464; 0.1: 12 and 383, paraphrased
#: SheepDog rewrites copy few runs). RESULTS.md session 23.
HELD_BACK_UNQUOTED = 0.03
#: Below this share of a held-back article kept in the suspect by the lexical comparison, it is no close match
#: and sentence embeddings are not made to check it (``_held_back_report``).
HELD_BACK_LEXICAL = 0.1


def _held_back_matches(
    index: Index,
    channels: ChannelScores,
    suspect: Document,
    article: Article,
    *,
    top: int,
    pool: int,
    weights: Mapping[str, float] | None,
    settings: Settings,
    new_vectors: list[tuple[int, str, np.ndarray]],
) -> tuple[HeldBackMatch, ...]:
    """The articles the date bound left out that compare relates to the suspect (derived or partially derived,
    either way round, explaining some suspect sentence), among the ``top`` held-back ones the search would rank
    best without the bound (``top``: the trace's shortlist, so a held-back check compares no more articles than
    the candidates' own; ``weights``: the trace's fusion weights, so both rank alike).

    A suspect dated before its original (a wrong date, or the original's date is its last update) was told "no
    source found" beside unrelated articles, the real one hidden by the bound (qa22). Compare, not retrieval,
    decides what is close: the best retrieval score is 1 whatever the index holds.
    """
    held = ~channels.allowed
    if not held.any():
        return ()
    unbounded = replace(channels, allowed=np.ones_like(channels.allowed))
    snap = index.snapshot()
    rows = [row for row, _ in fuse(unbounded, pool=pool, weights=weights) if held[row]][:top]
    docs = [int(snap.docs[row]) for row in rows]
    stored = index.get_docs(docs)
    suspect_specifics = suspect.all_specifics()
    out = []
    for doc in docs:
        item = stored.get(doc)
        if item is None or _own_version(item.article, article) or _is_the_suspect(item.article, article):
            continue
        try:
            report = _held_back_report(index, item, suspect, suspect_specifics, settings, new_vectors)
        except TooLongError:
            continue
        if report is None:
            continue
        out.append(
            HeldBackMatch(
                id=str(item.article.id),
                published=item.article.published,
                title=item.article.title,
                relation=report.verdict.relation,
                direction=report.verdict.direction,
                reuse=report.scores.reuse,
            )
        )
    # the earliest first: of a story's versions, the likeliest original. Parsed dates, as the date bound reads
    # them: the raw strings put "9 August 2025" after "10 August 2025" and an RFC 822 date after every ISO one.
    # Undated (or unreadable) last; equal dates keep the search's order.
    dated = [(published_date_of(m.published), m) for m in out]
    return tuple(m for d, m in sorted(dated, key=lambda dm: (dm[0] is None, dm[0] or date.min)))


def _held_back_close(report: Report) -> bool:
    """Does compare relate a held-back article (the report's original) closely to the suspect: derived or
    partially derived, explaining some suspect sentence, and either the suspect keeping ``HELD_BACK_COVERAGE`` of
    it or copying it (derived, ``HELD_BACK_VERBATIM`` of its words in verbatim runs)?"""
    # The coverage bar: a short blurb "explains" a few sentences of every later report of its event (rev22t),
    # reuse 0.25 of an independent one. A suspect that is the first paragraphs of a long original, copied, keeps
    # 14-26% of it and is all its words: that is the copy this check is for (rev23old).
    # Both paths need words copied outside quotation marks: two outlets each quoting one statement in full share
    # it word for word, and a short brief keeps most of another by the quotation alone (rev23r, rev23r2).
    relation = report.verdict.relation
    if relation not in _RELATION_RANK or not _explained(report):
        return False
    by_coverage = report.scores.coverage >= HELD_BACK_COVERAGE
    copied = relation == "derived" and report.scores.verbatim >= HELD_BACK_VERBATIM
    if not (by_coverage or copied):
        return False
    unquoted = _unquoted_verbatim(report)
    return (by_coverage and unquoted >= HELD_BACK_UNQUOTED) or (copied and unquoted >= HELD_BACK_VERBATIM)


def _unquoted_verbatim(report: Report) -> float:
    """The share of the suspect's (the report's derived) words in runs copied word for word from the held-back
    article outside quotation marks: two outlets that each quote one police statement or press release in full
    share its words verbatim without either copying the other (rev23r)."""
    source, derived = report.alignment.source, report.alignment.derived
    total = derived.words
    if not total:
        return 0.0
    starts, ends = _merged_spans((q.outer_start, q.outer_end) for q in quotes_of(derived) if q.kind != "scare")
    hits = verbatim_hits(source, derived)

    def quoted(at: int) -> bool:
        # the last merged span opening at or before ``at``: one lookup, not one test per quotation (a long
        # article quoting 100 people asked 100 questions of each of its words)
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < ends[k]

    copied = sum(
        1
        for s in derived.body
        for t, hit in zip(s.tokens, hits.get(s.index, ()), strict=False)
        if hit and not quoted(t.start)
    )
    return copied / total


def _merged_spans(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Half-open character spans merged where they overlap or touch, as sorted starts and their ends: a position
    lies in some span exactly when it lies in the merged one opening last at or before it."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if a >= b:
            continue  # empty: holds no position
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _held_back_report(
    index: Index,
    item: Any,
    suspect: Document,
    suspect_specifics: frozenset[str],
    settings: Settings,
    new_vectors: list[tuple[int, str, np.ndarray]],
) -> Report | None:
    """Compare's report on a held-back article that is a close match (``_held_back_close``), else None; sentence
    embeddings only when the lexical comparison can neither say it is one nor rule it out.

    The held-back check runs on traces that found no source, where the sentence model is often not yet loaded
    (+0.5 s, +140 MB). Embeddings only add links: of 492 pairs (150 SheepDog rewrites and the 95 Clough answers
    with their originals, both ways round), no lexical close match was unmade by them, and 178 of the 269 close
    matches among the 448 sharing names and figures were close lexically. One the suspect keeps under
    ``HELD_BACK_LEXICAL`` of, word for word, is ruled out: 64 of the 179 others, and 2 of the 269 close
    matches (heavy SheepDog rewrites held back as copies of their original, 0.00 kept); embeddings were made for
    204 of the 448 pairs instead of all (benchmarks/RESULTS.md, session 23, with ``HELD_BACK_VERBATIM``).
    """
    source_doc = analyse(item.article)
    lexical = compare_documents(source_doc, suspect, settings=settings.with_(use_embeddings=False), findings=False)
    if _held_back_close(lexical):
        return lexical
    if (
        not settings.use_embeddings
        or lexical.scores.coverage < HELD_BACK_LEXICAL
        or specifics_share(source_doc.all_specifics(), suspect_specifics) < EMBED_SPECIFICS
    ):
        return None  # the lexical report is what _compare_stored would give, or embeddings could not make it close
    report = _compare_stored(
        index, item, suspect, suspect_specifics, settings, new_vectors, findings=False, source_doc=source_doc
    )
    return report if _held_back_close(report) else None


def content_words(suspect: Document) -> int:
    """The distinct content words (stems, stopwords aside) of the suspect's body and of its headline when that
    stands apart from the text."""
    stems = frozenset().union(*(s.content_stems() for s in suspect.body))
    title = suspect.article.title or ""
    if title and title not in suspect.text:
        stems |= {t.stem for t in tokenize(title, 0, len(title)) if t.norm not in STOPWORDS}
    return len(stems)


def _with_versions(sources: list[Candidate], sentences: int) -> list[Candidate]:
    """The qualifying sources, each that is no part of its own beside a higher-ranked one (``_parts``) marked a
    version of the first such: a stitched suspect's second part indexed with its syndicated copy lists the copy
    beside the part, not as a third part."""
    heads: list[Candidate] = []
    out = []
    for c in sources:
        head = next((h for h in heads if not _parts(h, c, sentences)), None)
        if head is None:
            heads.append(c)
            out.append(c)
        else:
            out.append(replace(c, version_of=head.id))
    return out


#: Findings that say the suspect has what a source lacks: of a stitched suspect, those about the sentences
#: another part explains are that part's material, not inventions.
_ADDED_TYPES = frozenset(("claim_added", "quote_fabricated"))


def _parts_apart(sources: list[Candidate]) -> list[Candidate]:
    """The sources of a stitched suspect, each report without the added-material findings on the sentences only
    the other parts (and their versions) explain: against one part, the other part's sentences are added, yet
    the suspect took them from that part (a trace's counts of "claim added" said so of every borrowed one)."""
    parts = [c for c in sources if c.version_of is None]
    if len(parts) < 2:
        return sources
    out = []
    for c in sources:
        r = c.report
        if r is None:
            out.append(c)
            continue
        own = set(c.contributed)
        others = {i for p in parts if p.id != c.id and p.id != c.version_of for i in p.contributed} - own
        spans = [(r.derived.sentences[i].start, r.derived.sentences[i].end) for i in sorted(others)]
        kept = tuple(
            f
            for f in r.findings
            if f.type not in _ADDED_TYPES
            or f.derived is None
            or not any(a <= f.derived[0] and f.derived[1] <= b for a, b in spans)
        )
        if len(kept) < len(r.findings):
            r = replace(r, audit=replace(r.audit, findings=kept))
        out.append(replace(c, report=r))
    return out


def _with_identical(candidates: tuple[Candidate, ...], texts: Mapping[str, str]) -> tuple[Candidate, ...]:
    """The candidates, each naming the others listed with exactly its text: two copies of one article indexed
    under two ids explain the suspect equally, so the texts alone cannot tell which of them is the source.
    Spacing aside: a copy stored with other line breaks is the same text."""
    groups: dict[str, list[str]] = {}
    key = {c.id: same_text(texts[c.id]) for c in candidates}
    for c in candidates:
        groups.setdefault(key[c.id], []).append(c.id)
    out = []
    for c in candidates:
        same = tuple(i for i in groups[key[c.id]] if i != c.id)
        out.append(replace(c, identical_to=same) if same else c)
    return tuple(out)


#: Suspect sentences restated near word for word from one source and not from another, from which the
#: suspect is taken to copy that one itself (a light edit of a rewrite restates the rewrite's sentences, 17-31
#: of them in the controls of benchmarks/eval_trace_siblings.py; a second LLM rewrite of the rewrite's own
#: original shares 0-2 such sentences with it by chance).
_COPIED_CLOSE = 3
#: A source whose names and figures are all (but this share) in another source, while the other holds at
#: least ``_RICHER_BY`` more of its own, restates that other: a rewrite of it, as far as the texts tell.
_LEAN_OWN = 0.1
_RICHER_BY = 0.2
_CLOSE_KINDS = frozenset(("verbatim", "near_verbatim"))


def _root_first(sources: list[Candidate], suspect_specifics: frozenset[str], sentences: int) -> list[Candidate]:
    """The qualifying sources, the likeliest source of the suspect first.

    An index of a news crawl holds a story's original beside other outlets' rewrites of it. A second
    rewrite of one original resembles a first in its wording, so ranked by reuse the suspect's sibling
    often came first (SheepDog, every original and three rewrites of it indexed, the fourth traced: the
    original came first for 58 of 150 suspects; benchmarks/eval_trace_siblings.py). So a source ranked first
    gives way to another qualifying source (``_rather``) unless the two are parts of a stitched suspect or
    the suspect is the first's copy: when the other holds more of the suspect's names and figures than the
    first holds of its own, or, holding as many, when the first restates the other (``_LEAN_OWN``) and
    the other is no younger. ``sentences``: the suspect's body sentences.
    """
    if len(sources) < 2:
        return sources
    best = sources[0]
    for other in sources[1:]:
        if _rather(other, best, suspect_specifics, sentences):
            best = other
    return [best, *(c for c in sources if c is not best)]


def _rather(other: Candidate, first: Candidate, suspect_specifics: frozenset[str], sentences: int) -> bool:
    """Is ``other`` the likelier source of the suspect than ``first``, ranked above it by reuse?"""
    if other.report is None or first.report is None or _parts(first, other, sentences):
        return False
    f_close, o_close = _close_links(first.report), _close_links(other.report)
    # A short suspect copied whole from the first restates all its sentences from it, fewer than 3.
    if len(f_close - o_close) - len(o_close - f_close) >= min(_COPIED_CLOSE, max(1, sentences)):
        return False
    o_doc, f_doc = other.report.alignment.source, first.report.alignment.source
    o_forms, f_forms = o_doc.word_forms, f_doc.word_forms
    for_first = len(suspect_specifics & f_forms - o_forms)
    for_other = len(suspect_specifics & o_forms - f_forms)
    if for_other != for_first:
        return for_other > for_first
    shares = _own_shares(f_doc, o_doc)
    if shares is None:
        return False
    f_own, o_own = shares
    if f_own > _LEAN_OWN:
        return False
    # The stamps as compare reads them: the printed days, and on one day the times with their UTC offsets an hour
    # or more apart. The days alone put a paraphrase published 4 h after its original on the original's day, and
    # its higher reuse named it the source of a summary of both (qa26 P13).
    order = published_order(o_doc.article, f_doc.article)
    if order is not None:
        return order == "as_given"
    return o_own >= f_own + _RICHER_BY


def _parts(a: Candidate, b: Candidate, sentences: int) -> bool:
    """Are two sources parts of a stitched suspect? Each explains suspect sentences the other does not (at
    least ``STITCHED_SENTENCES``, and ``STITCHED_SHARE`` of the suspect's ``sentences``), and each holds names
    and figures of its own: two reports, not one and its restatement (a heavy rewrite's loose links to an
    original and to its sibling differ by chance)."""
    least = max(STITCHED_SENTENCES, math.ceil(STITCHED_SHARE * sentences))
    a_only, b_only = set(a.contributed) - set(b.contributed), set(b.contributed) - set(a.contributed)
    if len(a_only) < least or len(b_only) < least or a.report is None or b.report is None:
        return False
    shares = _own_shares(a.report.alignment.source, b.report.alignment.source)
    return shares is not None and min(shares) > _LEAN_OWN


def _own_shares(a: Document, b: Document) -> tuple[float, float] | None:
    """The share of each article's names and figures the other lacks in any form (None: one has none)."""
    a_specifics, b_specifics = a.all_specifics(), b.all_specifics()
    if not a_specifics or not b_specifics:
        return None
    return len(a_specifics - b.word_forms) / len(a_specifics), len(b_specifics - a.word_forms) / len(b_specifics)


def _is_the_suspect(candidate: Article, suspect: Article) -> bool:
    """Is this indexed article the suspect itself: its very text (spacing and a headline line aside), and nothing
    that makes it another publication of that text? The same outlet, and not dated before the suspect. A copy
    under another outlet (or with none named), or an earlier one, is a verbatim republication the suspect may come
    from. Not the URL: a partner's or a scraper's page keeps the original's canonical link."""
    if not _same_text(candidate, suspect):
        return False
    # Only the same outlet makes it the same article: a text with no outlet (pasted, a file) that an indexed
    # article holds word for word is a verbatim copy of it, and that article is its source.
    if (
        not (suspect.outlet and candidate.outlet)
        or candidate.outlet.strip().casefold() != suspect.outlet.strip().casefold()
    ):
        return False
    published, own = candidate.published_date(), suspect.published_date()
    return not (published is not None and own is not None and published < own)


def _own_version(candidate: Article, suspect: Article) -> str | None:
    """Is this indexed article, stored under the suspect's own id, the suspect or a version of it (left out: no
    article is its own source)? The rule that says so, None when none does: "text", its very text; none when the
    two name outlets that differ (``_outlet_key``) or sit on different hosts (``_host_key``), not at one address:
    another outlet's article, whatever the id; "id", an id that is no row number (a GUID, slug, URL or path: a
    re-crawl of the story with other metadata, rev26b 1); for a row number (two exports both numbered 1..n
    collide, or a file's "FILE:LINE" as index add and trace --batch give one), "url", the same page
    (``_page_key``) or "outlet", the same outlet, or "not_earlier", with no outlet on either side, not dated before
    the suspect. Another outlet's article, or an earlier one from nowhere named, under a row number may be the
    suspect's source.

    An id is no proof of one story: a copy keeps its headline, so a crawl keyed by slug (or by a syndication GUID
    carried over) files a wire's original and another outlet's rewrite under one id (review rev27b)."""
    if candidate.id is None or candidate.id != suspect.id:
        return None
    if _same_text(candidate, suspect):
        return "text"
    same_page = bool(candidate.url and suspect.url and _page_key(candidate.url) == _page_key(suspect.url) != "")
    hosts = {_host_key(candidate.url or ""), _host_key(suspect.url or "")}
    paths = {_path_key(candidate.url or ""), _path_key(suspect.url or "")}
    # a re-crawl keeps the page's path on an AMP cache, an edition's subdomain or a feed's spelling of the outlet
    # (review rev27f): only a path of its own makes a differing host or outlet another outlet's article
    if (
        not same_page
        and (len(paths) == 2 or "" in paths)
        and (
            (candidate.outlet and suspect.outlet and not _same_outlet(candidate.outlet, suspect.outlet))
            or (len(hosts) == 2 and "" not in hosts)
        )
    ):
        return None
    if not _ROW_NUMBER.fullmatch(str(candidate.id).strip()):
        return "id"
    if same_page:
        return "url"
    if candidate.outlet and suspect.outlet:
        return "outlet" if _same_outlet(candidate.outlet, suspect.outlet) else None
    if candidate.outlet or suspect.outlet:
        return None
    published, own = candidate.published_date(), suspect.published_date()
    return None if published is not None and own is not None and published < own else "not_earlier"


#: An id an export counts up: a row number, or a file's name and line ("feed.jsonl:12"), as index add and trace
#: --batch number the records of a file without ids. Two exports, or two files, give the same ones by chance.
_ROW_NUMBER = re.compile(r"(?:.*:)?\d+", re.DOTALL)


def _same_outlet(first: str, second: str) -> bool:
    """Do two feeds' names name one outlet: one spelling ("The Harbor Daily", "harbor daily"), one the other's domain
    ("harbordaily.com", "Harbor Daily") or the other's words with a qualifier after them ("Harbor Daily (UK)",
    "Harbor Daily Online")? A re-crawl under the story's slug with either was named its own source (review rev27f)."""
    keys = sorted((_outlet_key(first).split(), _outlet_key(second).split()), key=len)
    if not keys[0] or keys[1][: len(keys[0])] == keys[0]:
        return True
    for outlet, other in ((first, second), (second, first)):
        domain = _DOMAIN_NAME.fullmatch(outlet.strip().casefold())
        name = "".join(_outlet_key(other).split())
        label = _registrable(domain[0]).split(".")[0].replace("-", "") if domain is not None else ""
        if label and name and (name.startswith(label) or label.startswith(name)):
            return True
    return False


#: An outlet named by its web address ("harbordaily.com", "www.harbour-herald.co.uk").
_DOMAIN_NAME = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")


def _host_key(url: str) -> str:
    """The site of ``url``: its registrable domain (:func:`_registrable`), an AMP cache's copy read as its origin's
    (:func:`_origin_url`), so "edition.", "m." and "amp." copies of the page are the same site's; "" when no host
    can be read, and then it contradicts nothing."""
    try:
        host = urlsplit(_origin_url(url.strip())).hostname or ""
    except ValueError:
        return ""
    return _registrable(host.casefold())


def _registrable(host: str) -> str:
    """The domain a site registers, which all its hosts share: the last two labels ("edition.harbordaily.com" is
    "harbordaily.com"), three under a country's second level ("news.herald.co.uk" is "herald.co.uk")."""
    if _IP_ADDRESS.fullmatch(host):
        return host
    labels = host.strip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_IP_ADDRESS = re.compile(r"[\d.]+|.*:.*")
#: A country's second-level labels under which sites register ("co.uk", "com.au", "org.nz", "ac.jp").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "ltd", "plc", "nic", "gv"})
#: An AMP cache's address of a page ("harbordaily-com.cdn.ampproject.org/c/s/harbordaily.com/news/a"): "/c/" a
#: page, "/v/" the viewer's, "s/" when the origin is https.
_AMP_CACHE_PATH = re.compile(r"/[cv]/(s/)?(.+)", re.DOTALL)
_AMP_CACHE_HOSTS = (".cdn.ampproject.org", ".ampproject.net", ".bing-amp.com")


def _origin_url(url: str) -> str:
    """``url`` on an AMP cache as the origin's address it copies; any other ``url`` as it is."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return url
    match = _AMP_CACHE_PATH.fullmatch(parts.path) if host.endswith(_AMP_CACHE_HOSTS) else None
    if match is None:
        return url
    query = f"?{parts.query}" if parts.query else ""
    return f"{'https' if match[1] else 'http'}://{match[2]}{query}"


def _path_key(url: str) -> str:
    """The page's path in ``url`` as :func:`_page_key` reads it, on whatever host (an AMP cache's copy read as its
    origin's, an AMP page's "/amp" taken off); "" when no host can be read."""
    key = _page_key(_origin_url(url.strip())) if url.strip() else ""
    if not key:
        return ""
    path = key[key.find("/") :] if "/" in key else key[key.find("?") :] if "?" in key else "/"
    path = re.sub(r"/amp(?=/|\?|\Z)", "", path, count=1) or "/"
    return path


#: Query keys that only say where a click came from: a feed's or a share's copy of a page adds them to its URL.
_TRACKING_KEY = re.compile(r"utm_\w+|ref|fbclid|gclid|dclid|msclkid|mc_\w+|cmpid|_ga", re.IGNORECASE)


def _page_key(url: str) -> str:
    """``url`` as one page's address however a crawl writes it: no scheme, "www.", fragment, trailing "/" or tracking
    query keys, in lower case ("http://www.site.com/News/a/?utm_source=rss" is "site.com/news/a"); the other query
    keys stay, as they may name the page ("/?p=123"). Empty when no host can be read."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # an input's made-up address ("http://[x")
        return ""
    if not host:
        return ""
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_KEY.fullmatch(key)
    )
    return f"{host}{parts.path.rstrip('/')}".casefold() + (f"?{urlencode(query)}" if query else "")


def _same_text(candidate: Article, suspect: Article) -> bool:
    """Do the two hold the very same text, spacing and a headline line aside?"""
    titles = [" ".join(t.split()) for t in (candidate.title, suspect.title) if t and t.strip()]

    def body(text: str) -> str:
        # a plain-text file's first line is its headline, which an HTML page or a record keeps apart
        words = " ".join(text.split())
        for title in titles:
            if words.startswith(title):
                return words[len(title) :].strip()
        return words

    return body(candidate.text) == body(suspect.text)


def _read_as_copy(candidate: Candidate, suspect: Article) -> bool:
    """A candidate left out only by a direction guessed from the text: related as a copy, "reversed", and no dates
    on both sides to decide which came first (``TraceResult.read_as_copies``)."""
    r = candidate.report
    return (
        r is not None
        and not candidate.qualifies
        and not candidate.suspect_itself
        and r.verdict.relation in _RELATION_RANK
        and r.verdict.direction == "reversed"
        and (candidate.undated or suspect.published_date() is None)
    )


def _explained(report: Report) -> tuple[int, ...]:
    """The suspect sentences the report's original explains: linked to some sentence of it."""
    return tuple(sorted(i for link in report.alignment.links if link.kind != "added" for i in link.derived))


def _close_links(report: Report) -> frozenset[int]:
    """Suspect sentences restated verbatim or near-verbatim from the report's original."""
    return frozenset(i for link in report.alignment.links if link.kind in _CLOSE_KINDS for i in link.derived)


def _qualifies(report: Report, candidate: Article, suspect: Article) -> bool:
    """A source: compare found the suspect derived from it, and not the other way round.

    ``reversed`` read from the text alone (publication dates equal) is a guess; when the dates say the
    candidate is not younger than the suspect, a guess below ``_REVERSED_SURE`` does not disqualify it. A
    ``reversed`` the publication times decided (both with UTC offsets, an hour or more apart on one day: compare
    gives it 0.75, below that bar) is no guess: the candidate was published after the suspect, and an original is
    not younger than its copy. Counting it a guess named another outlet's report, published 1.5 h after the
    suspect, as its source (qa26 P12). When the text points surely the other way (an update stamped after its
    copy), compare leaves the direction ``unclear``, and the candidate still qualifies.
    """
    v = report.verdict
    if v.relation not in _RELATION_RANK:
        return False
    if v.direction != "reversed":
        return True
    if published_order(candidate, suspect) == "reversed":
        return False
    c_date, s_date = candidate.published_date(), suspect.published_date()
    return c_date is not None and s_date is not None and c_date <= s_date and v.direction_confidence < _REVERSED_SURE


def _compare_stored(
    index: Index,
    item: Any,
    suspect: Document,
    suspect_specifics: frozenset[str],
    settings: Settings,
    new_vectors: list[tuple[int, str, np.ndarray]],
    *,
    findings: bool = True,
    source_doc: Document | None = None,
) -> Report:
    """Compare with a stored original, reusing its stored sentence vectors; store them when new.

    Sentence embeddings are used only when the two articles share names and figures (``EMBED_SPECIFICS``):
    a rewrite keeps its original's, an article about something else does not, and for that one the lexical
    comparison already says all there is to say at a fraction of the cost. Findings are computed only when
    compare calls the suspect (partly) derived from the candidate: for an independent or unrelated article
    they would describe differences, not distortions, and they are most of compare's cost. Sentence
    vectors made here are appended to ``new_vectors`` for the caller to store, all in one write.
    ``source_doc``: the stored article already analysed.
    """
    if source_doc is None:
        source_doc = analyse(item.article)
    shared = specifics_share(source_doc.all_specifics(), suspect_specifics)
    if not settings.use_embeddings or shared < EMBED_SPECIFICS:
        lexical = settings.with_(use_embeddings=False)
        report = compare_documents(source_doc, suspect, settings=lexical, findings=False)
        return _finish(report, None) if findings else report
    from storytrace.embed import get_embedder
    from storytrace.index.store import as_stored, vectors_tag
    from storytrace.index.vectors import body_sentence_texts

    embedder = get_embedder()
    texts = body_sentence_texts(source_doc)  # the texts `index embed` stores vectors for, in its order
    key = embedder.vectors_key()
    stored = item.sentence_vectors
    # Vectors another model or runtime stored are not comparable with this one's: made again, and replaced.
    known: dict[str, np.ndarray] = {}
    if stored is not None and len(stored) == len(texts) and item.vectors_tag == vectors_tag(key):
        known = dict(zip(texts, stored, strict=True))

    def embed(batch: Sequence[str]) -> np.ndarray:
        if not known and texts:
            # Made on first use (a pair too long to align is refused before), and compared as the next trace
            # reads them back once stored, so that both runs score the article alike.
            made = embedder.embed(texts)
            new_vectors.append((item.doc, item.sha256, made))
            known.update(zip(texts, as_stored(made), strict=True))
        out = np.empty((len(batch), embedder.dim), dtype=np.float32)
        missing = [i for i, t in enumerate(batch) if t not in known]
        for i, t in enumerate(batch):
            if t in known:
                out[i] = known[t]
        if missing:
            out[missing] = embedder.embed([batch[i] for i in missing])
        return out

    report = compare_documents(
        source_doc,
        suspect,
        settings=settings,
        embed=embed,
        findings=False,
        embedding_model=str(embedder.info().get("model", "all-MiniLM-L6-v2")),
    )
    return _finish(report, embed) if findings else report


def _finish(report: Report, embed: Any) -> Report:
    if report.verdict.relation in _RELATION_RANK:
        return with_findings(report, embed=embed)
    return report
