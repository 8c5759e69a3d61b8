"""``trace``: the likely sources of a suspect article among the articles of an index.

Three candidate channels, fused by rank: lexical (sampled 5-gram fingerprints: copies and light edits),
rare terms (the suspect's rarest content words — names, figures — by IDF: rewrites keep them) and dense
(static document vectors: rewrites that share few word runs). Retrieval only proposes; ``compare`` on the
short list decides whether a candidate really is the source, so an index without the original answers
"no source" rather than its nearest same-story article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from storytrace.article import Article
from storytrace.comparison import Report, compare
from storytrace.index.fingerprint import shingles, terms
from storytrace.settings import DEFAULT_SETTINGS, Settings
from storytrace.text import Document, analyse

if TYPE_CHECKING:
    from storytrace.index.store import Index

SCHEMA = "storytrace.trace/1"
_RELATION_RANK = {"derived": 0, "partially_derived": 1}
_RRF_K = 10


@dataclass(frozen=True)
class Candidate:
    id: str
    score: float  # retrieval score in [0, 1]: reciprocal-rank fusion of the three channels
    dense: float
    lexical: float
    terms: float  # share of the suspect's rarest content words' IDF mass the candidate holds
    meta: dict[str, Any]
    report: Report | None  # the comparison, for candidates on the short list
    qualifies: bool  # compare says the suspect was derived from it (and not the other way round)
    contributed: tuple[int, ...]  # suspect sentences it explains (qualifying candidates only)


@dataclass(frozen=True)
class TraceResult:
    suspect: Document
    source: str | None
    candidates: tuple[Candidate, ...]
    unexplained: tuple[int, ...]  # suspect sentences no qualifying candidate explains
    before: date | None

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
        }


def _candidate_dict(c: Candidate) -> dict[str, Any]:
    r = c.report
    out: dict[str, Any] = {
        "id": c.id,
        "score": round(c.score, 4),
        "dense": round(c.dense, 4),
        "lexical": round(c.lexical, 4),
        "terms": round(c.terms, 4),
        "compared": r is not None,
        "relation": r.verdict.relation if r else None,
        "confidence": r.verdict.confidence if r else None,
        "direction": r.verdict.direction if r else None,
        "reuse": r.scores.reuse if r else None,
        "coverage": r.scores.coverage if r else None,
        "findings": dict(sorted(Counter(f.type for f in r.findings).items())) if r else {},
        "qualifies": c.qualifies,
        "contributed": list(c.contributed),
        "meta": c.meta,
    }
    return out


def trace(
    index: Index,
    article: Article,
    *,
    top: int = 5,
    before: date | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    shortlist: int | None = None,
) -> TraceResult:
    """Rank the indexed articles that ``article`` may come from; compare the best ``top`` to decide.

    ``before``: only candidates published on or before this date; by default the suspect's own
    publication date when known (an original is not younger than its copy).
    """
    from storytrace.static_embed import get_static_embedder

    if top < 1:
        raise ValueError("top must be at least 1")
    suspect = analyse(article)
    cutoff = before or article.published_date()
    body = " ".join(suspect.text[s.start : s.end] for s in suspect.body)
    q = get_static_embedder().doc_vectors([body])[0]
    hashes = shingles(suspect)

    docs, matrix, days, position = index.dense_matrix()
    pool = max(20, 4 * top)
    allowed = np.ones(len(docs), dtype=bool)
    if cutoff is not None:
        allowed = np.isnat(days) | (days <= np.datetime64(cutoff, "D"))
    dense_scores: dict[int, float] = {}
    if len(docs):
        sims = matrix @ q
        sims[~allowed] = -2.0
        k = min(pool, len(docs))
        best = np.argpartition(-sims, k - 1)[:k] if k < len(docs) else np.arange(len(docs))
        for i in best:
            if sims[i] > -2.0:
                dense_scores[int(docs[i])] = float(sims[i])

    def ok(doc: int) -> bool:
        row = position.get(doc)
        return row is not None and bool(allowed[row])

    lexical_scores = {doc: n / max(1, len(hashes)) for doc, n in index.lexical_hits(hashes, pool * 2) if ok(doc)}
    term_scores = {doc: v for doc, v in index.term_hits(terms(suspect), limit=pool) if ok(doc)}
    merged = set(dense_scores) | set(lexical_scores) | set(term_scores)
    # Dense scores for candidates found by the other channels come from the matrix as well.
    if merged - set(dense_scores) and len(docs):
        for doc in merged - set(dense_scores):
            dense_scores[doc] = float(matrix[position[doc]] @ q)
    # Reciprocal rank fusion: each channel votes by rank, so no channel's scale (static cosines sit
    # high for any two news articles) drowns the others.
    fused: dict[int, float] = {}
    for channel in (dense_scores, lexical_scores, term_scores):
        order = sorted((d for d in channel if d in merged and channel[d] > 0), key=lambda d: (-channel[d], d))
        for rank, doc in enumerate(order[:pool]):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (_RRF_K + rank + 1)
    best_possible = 3.0 / (_RRF_K + 1)
    ranked = sorted(merged, key=lambda d: (-fused.get(d, 0.0), d))
    stored = index.get_docs(ranked[: max(top, pool)])
    ranked = [d for d in ranked if d in stored and stored[d].article.id != article.id]
    n_compare = shortlist if shortlist is not None else top

    candidates: list[Candidate] = []
    for rank, doc in enumerate(ranked[: max(top, n_compare)]):
        item = stored[doc]
        dense = max(0.0, dense_scores.get(doc, 0.0))
        lexical = lexical_scores.get(doc, 0.0)
        rare = term_scores.get(doc, 0.0)
        report = None
        if rank < n_compare:
            report = _compare_stored(index, item, article, settings)
        qualifies = bool(
            report and report.verdict.relation in _RELATION_RANK and report.verdict.direction != "reversed"
        )
        contributed: tuple[int, ...] = ()
        if qualifies and report:
            contributed = tuple(
                sorted(i for link in report.alignment.links if link.kind != "added" for i in link.derived)
            )
        candidates.append(
            Candidate(
                id=str(item.article.id),
                score=round(min(1.0, fused.get(doc, 0.0) / best_possible), 6),
                dense=dense,
                lexical=lexical,
                terms=rare,
                meta=item.article.to_meta(),
                report=report,
                qualifies=qualifies,
                contributed=contributed,
            )
        )
    sources = sorted(
        (c for c in candidates if c.qualifies),
        key=lambda c: (_RELATION_RANK[c.report.verdict.relation], -c.report.scores.reuse) if c.report else (9, 0),
    )
    rest = sorted((c for c in candidates if not c.qualifies), key=lambda c: -c.score)
    explained = {i for c in sources for i in c.contributed}
    unexplained = tuple(s.index for s in suspect.body if s.index not in explained)
    return TraceResult(
        suspect=suspect,
        source=sources[0].id if sources else None,
        candidates=tuple(sources + rest)[:top],
        unexplained=unexplained,
        before=cutoff,
    )


def _compare_stored(index: Index, item: Any, suspect: Article, settings: Settings) -> Report:
    """Compare with a stored original, reusing its stored sentence vectors; store them when new."""
    if not settings.use_embeddings:
        return compare(item.article, suspect, settings=settings)
    from storytrace.embed import get_embedder

    embedder = get_embedder()
    source_doc = analyse(item.article)
    texts = [source_doc.sentence_text(s.index) for s in source_doc.body]
    known: dict[str, np.ndarray] = {}
    if item.sentence_vectors is not None and len(item.sentence_vectors) == len(texts):
        known = dict(zip(texts, item.sentence_vectors, strict=True))

    def embed(batch: Sequence[str]) -> np.ndarray:
        out = np.empty((len(batch), embedder.dim), dtype=np.float32)
        missing = [i for i, t in enumerate(batch) if t not in known]
        for i, t in enumerate(batch):
            if t in known:
                out[i] = known[t]
        if missing:
            out[missing] = embedder.embed([batch[i] for i in missing])
        return out

    report = compare(item.article, suspect, settings=settings, embed=embed)
    if not known and texts:
        index.store_sentence_vectors(item.doc, item.sha256, embedder.embed(texts))
    return report
