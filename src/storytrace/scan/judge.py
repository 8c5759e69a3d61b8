"""Judge the candidate pairs of one story family (a connected component of candidate pairs).

This is the one function both engines call (``scan/local.py`` in worker processes, ``scan/spark.py`` on
executors): articles and candidate pairs in, one :class:`PairJudgement` per candidate pair out. It is
deterministic, so the same component gives the same judgements on any engine.

Cost decides the shape. ``compare`` with sentence embeddings costs about a tenth of a second per new
article (MiniLM on every sentence); without them, tens of milliseconds. So every pair is first compared
on lexical evidence alone, and embeddings are used only where they can change the answer: where the
lexical alignment leaves suspect sentences unexplained next to dropped original sentences that they
resemble (a paraphrase it cannot see), or finds too little shared text for a pair whose rare words
say it is the same story. Even then only the sentences they could change are embedded
(``align.link_paraphrases``), not both whole articles. Vectors are cached per sentence for the whole
component, so a sentence embedded for one pair is not embedded again for the next.

Siblings: two rewrites of one original resemble each other through it. When both are already judged
derived from a common original in the family, neither copied the other unless one carries material of
the other's that the original lacks, sentences nearly as they stand (not restatements: two LLM rewrites of
one text phrase alike); such a pair is a ``sibling`` and costs no comparison. With no
common original in the corpus, a pair whose text gives no direction and where each side holds material
the other lacks is a ``sibling`` too, unless other articles of the family could show where that material
came from and do not hold it (then one side's own material is most likely its additions to the other).
Either way the who-copied-whom graph gets no edge between them.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np

from storytrace.article import Article
from storytrace.scan.candidates import fair_scores
from storytrace.settings import DEFAULT_SETTINGS, MAX_SENTENCE_PAIRS, Settings
from storytrace.text import Document, SentenceSpan, analyse, sketch, specifics_share

PAIR_RELATIONS = ("derived", "partially_derived", "sibling")
_REUSE = ("derived", "partially_derived")
#: The ``method`` of a pair too long to compare sentence by sentence (``settings.MAX_SENTENCE_PAIRS``): not
#: judged, and listed as such by the scan, instead of ending it.
TOO_LONG = "too_long"


@dataclass(frozen=True)
class ScanSettings:
    """How pairs are judged in a scan (the thresholds of ``compare`` itself are in ``compare``)."""

    #: A lexically unexplained suspect sentence "resembles" a dropped original sentence (so embeddings
    #: might link them) when they share this share of the shorter one's content words.
    paraphrase_hint: float = 0.25
    #: A pair is compared at all only when this share of one article's sentences (with at least
    #: ``carried_min_words`` content words) sits mostly (``carried_containment``) inside a sentence of the
    #: other, or when its candidate score or rank says "same story" (next two settings).
    gate_share: float = 0.08
    #: Pairs with few sentences in common are compared with embeddings when their candidate score is at
    #: least this (heavy rewrites share rare words but few phrases). With ``gate_share``, 97.5% of
    #: SheepDog's LLM rewrites pass (benchmarks/scan_sheepdog.py).
    full_compare_score: float = 0.2
    #: ... and only when at least this share of the specifics (numbers, names) of the article with fewer
    #: also occur in the other: a rewrite keeps its original's facts (SheepDog: 1.1% of LLM rewrites share
    #: less with their original), articles that merely share a world's vocabulary do not (median 0.27,
    #: p90 0.34, max 0.49 on make_scan_corpus.py's false candidate pairs; benchmarks/scan_specifics.py).
    #: Sentence embeddings are the expensive part of a scan: this decides where they run. At 0.3, 0.4%
    #: of SheepDog's rewrites were below; 0.4 lost none of the pairs a SheepDog scan reports (all 1,112
    #: original-rewrite pairs compared with embeddings share more) and spares the embeddings of 95 of the
    #: 100 false candidate pairs they judged related on the 1,000-article corpus (RESULTS.md, session 5).
    specifics_gate: float = 0.4
    #: Past this ratio of lengths (distinct content words), the gates above see the candidate score with
    #: the longer text's length taken out (``candidates.fair_scores``, as the candidates' top-k rule
    #: ranks partners): a long original (a speech, a transcript, a scraped page) and its short rewrite are
    #: gated like two texts of this ratio. Below it the score is used as it is: the gates were set on pairs
    #: of news-length articles, and without the floor more pairs of one original's rewrites were embedded
    #: and an unrelated synthetic article became a partial copy. The pair's record keeps its plain score.
    #: (SheepDog: RESULTS.md, scan, session 8.) ``math.inf`` turns it off; it must be at least 1.
    fair_length_ratio: float = 4.0
    #: A sentence's content words this much inside a sentence of the other article: the gate's shared
    #: sentences (``gate_share``).
    carried_containment: float = 0.6
    #: Two rewrites of a common original copy each other only if one carries material of the other's that
    #: the original lacks, as nearly the same sentence: each sentence's content words at least this much
    #: inside the other's. Paraphrases do not count: two LLM rewrites of one text restate its sentences
    #: alike and share the model's stock phrases, and where the original's alignment missed such a
    #: restatement it passed for a rewrite's own material. The control of benchmarks/
    #: scan_sheepdog_chains.py (100 SheepDog stories with the original, its 4 rewrites and an edited copy
    #: of one rewrite): of 563 pairs of rewrites judged with their original known, 166 had an "own"
    #: sentence of one 60% inside a sentence of the other or embedded at least 0.8 alike, 7 at this bar;
    #: of the 96 copies so judged, 79 and 78.
    carried_verbatim: float = 0.8
    #: ... or when at least this share of one side's sentences (of ``carried_min_words`` or more) stand
    #: nearly as they are (``carried_verbatim``) in the other and in no sentence of the original: the
    #: other took its wording, not the original's. A copy of a rewrite need not keep any of the rewrite's
    #: own sentences (a faithful rewrite has none), but it keeps its wording. With both tests: 13 of the
    #: 563 pairs of rewrites, 94 of the 96 copies (objective and neutral rewrites share a sentence or
    #: two as they stand: 95 of 600 pairs share one, 6 share 30%).
    carried_wording_share: float = 0.3
    #: Sentences shorter than this (content words) are too generic to show that material was carried over.
    carried_min_words: int = 5
    #: Sibling without a common original: no direction, the suspect keeps at most this share of the other
    #: (coverage), and each side has material of its own: for a partly derived pair, at least
    #: ``sibling_added`` of the suspect's sentences unexplained and ``sibling_own_specifics``; for a derived
    #: pair, the stronger ``sibling_derived_*`` evidence below. (Undated original-rewrite pairs, as on
    #: SheepDog, also lack a direction and have unexplained sentences: the specifics tell them apart.)
    sibling_coverage: float = 0.8
    sibling_added: float = 0.15
    #: ... and each side names at least this share of its specifics (numbers, names) that the other lacks:
    #: two rewrites of one original each keep details the other dropped, while a rewrite's own material is
    #: mostly commentary with few new names or figures. (SheepDog: 23% of original-rewrite pairs reach 0.15
    #: on both sides, 36% of rewrite-rewrite pairs; benchmarks/scan_specifics.py.)
    sibling_own_specifics: float = 0.15
    #: A pair judged ``derived`` (no direction) is a ``sibling`` only on stronger evidence: each side has at
    #: least this share and this number of specifics of its own. On SheepDog (no dates) this turns 20 of
    #: 350 undirected original-rewrite pairs into siblings and 10 of 152 rewrite-rewrite pairs; two rewrites
    #: of one wire story that keep different parts of it (tests/test_scan.py) have 13 and 15 (25%, 28%).
    sibling_derived_own_specifics: float = 0.2
    sibling_derived_own_count: int = 5
    #: ... and, when other articles of the family are candidates of both, they hold at least this share of
    #: the specifics each side has and the other lacks in any form anywhere in its text. Two rewrites of
    #: one source each keep parts of it the other dropped, and the source or other rewrites of it hold
    #: them too; a rewrite's own additions, and what of a long original its rewrite left out, are mostly
    #: found nowhere else. In a SheepDog scan (no dates) 57 of the 142 original-rewrite pairs the rule above
    #: called siblings are derived again; pairs of rewrites judged siblings go from 1,191 to 1,209, as
    #: more of them meet their original (RESULTS.md, scan, session 6).
    sibling_family_share: float = 0.4
    #: ... and the sides are not a lean text and a rich one: when one side names fewer than
    #: ``sibling_lean_own`` of its names and figures that the other lacks in any form, while at least
    #: ``sibling_rich_own`` of the other's are missing from it, the lean side holds hardly anything but
    #: part of the rich side's material: its copy (a condensing rewrite of a long original, whose few
    #: "own" capitalised words are mostly a rewriter's emphasis), not a second rewrite of a third text.
    #: Two rewrites of one source each keep parts of it the other dropped, so neither side is that
    #: lean against a side that rich. Set on half of SheepDog's stories (no-original sibling pairs of
    #: session 8's scan: 12 of 52 original-rewrite pairs, none of 98 rewrite-rewrite pairs, 1 of 157 in a
    #: scan of the rewrites alone), checked on the other half (4 of 30, 0 of 106, 0 of 154; RESULTS.md,
    #: scan, session 9).
    sibling_lean_own: float = 0.2
    sibling_rich_own: float = 0.6
    #: ... and, when at least ``sibling_witnesses`` other articles of the family are candidates of both, they
    #: do not all draw on one side: of their names and figures that one side holds and the other lacks in
    #: any form, the side they hold less of has more than ``sibling_witness_share`` of what they hold of the
    #: other, or they hold fewer than ``sibling_witness_min`` in all. Two rewrites of an absent original each
    #: keep parts of it that its other rewrites keep too; an original and its rewrite do not: the original's
    #: other rewrites took their names from the original, and the rewrite's own names are its additions,
    #: which they lack. With two witnesses the pattern is common between a rich and a lean rewrite of one
    #: text (an objective and a sensational one), so it takes three. SheepDog (undated), base scan: of the 60
    #: original-rewrite pairs the rules above called siblings, 27 meet it; of the 270 rewrite-rewrite pairs
    #: so called in a scan of the rewrites alone, 11 (60 with two witnesses; RESULTS.md, scan, session 18).
    #: Those counts predate the witness guards of ``_one_sided`` (no near-verbatim copies, only others that
    #: draw on a side); with them the scan finds 21 more original-rewrite pairs, not 27.
    sibling_witnesses: int = 3
    sibling_witness_share: float = 0.2
    sibling_witness_min: int = 5
    #: Two copies of a common source that is an excerpt of one of them (its sentences all in that one, which has
    #: more) are no siblings through it when the other names at least this many names and figures that the fuller
    #: one holds and the excerpt lacks (``_told_past``): it did not come from the excerpt alone. qa27's misdated
    #: excerpt: the wire's two rewrites name 2 ("January 2025") and 5 (Jansen, 100,000 homes, 78 of 150 seats).
    excerpt_told_specifics: int = 2
    #: A suspect with more than twice this many sentences left open by the lexical alignment (two long
    #: transcripts that share a speaker's words, say) gets embeddings for an even sample of this many
    #: first; all of them only when the sample says they could make it a copy (``_probe_suffices``).
    paraphrase_sample: int = 40
    #: ... extrapolated from the sample with this much slack (the gain per sentence varies along a text).
    paraphrase_sample_slack: float = 1.5

    def __post_init__(self) -> None:
        if not self.fair_length_ratio >= 1.0:
            raise ValueError(
                f"fair_length_ratio must be at least 1 (math.inf turns it off), not {self.fair_length_ratio}"
            )


@dataclass(frozen=True)
class PairJudgement:
    """One judged candidate pair; ``source``/``derived`` are corpus positions, the likely original first."""

    source: int
    derived: int
    relation: str
    direction: str  # compare's direction for this orientation: as_given | unclear (never reversed here)
    direction_confidence: float
    candidate_score: float
    method: str  # lexical | embeddings | sibling_check | gate | too_long (not judged: see TOO_LONG)
    scores: dict[str, float | None] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    #: For a sibling: the common original's position when it is in the corpus.
    common_source: int | None = None
    #: For a copy (not a duplicate): the derived's body sentences its source does not explain, what
    #: :func:`common_source_siblings` reads when the pair's ``source`` turns out to be a common original.
    unexplained: tuple[int, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "derived": self.derived,
            "relation": self.relation,
            "direction": self.direction,
            "direction_confidence": self.direction_confidence,
            "candidate_score": self.candidate_score,
            "method": self.method,
            "scores": self.scores,
            "findings": self.findings,
            "common_source": self.common_source,
            "unexplained": None if self.unexplained is None else list(self.unexplained),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PairJudgement:
        unexplained = d.get("unexplained")
        # judged.jsonl is written with sorted keys: the scores in the order a fresh judgement gives them, so a
        # resumed scan writes pairs.jsonl byte for byte as a fresh one does
        stored = d.get("scores") or {}
        scores = {k: stored[k] for k in SCORE_KEYS if k in stored} | stored
        return cls(**{**d, "scores": scores, "unexplained": None if unexplained is None else tuple(unexplained)})


#: A judgement's ``scores``, in the order pairs.jsonl gives them (docs/schema.md).
SCORE_KEYS = ("reuse", "verbatim", "coverage", "similarity")


EmbedFn = Callable[[Sequence[str]], np.ndarray]


class _SentenceCache:
    """Sentence vectors for one component, computed once each; the model loads on first use."""

    def __init__(self, embed: EmbedFn | None) -> None:
        self._embed = embed
        self.vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        if missing:
            fn = self._embed
            if fn is None:
                from storytrace.embed import get_embedder

                fn = self._embed = get_embedder().embed
            for t, v in zip(missing, fn(missing), strict=True):
                self.vectors[t] = v
        return np.stack([self.vectors[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


@dataclass(frozen=True)
class _Light:
    """What the gate needs of an article, small enough to keep for thousands of them: each body sentence's
    content words (as numbers of ``_VOCABULARY``) and the article's specifics."""

    word_ids: np.ndarray
    word_rows: np.ndarray
    sizes: np.ndarray
    specifics: frozenset[str]
    #: Distinct content words of the body: the length the gate's ``fair_length_ratio`` reads (the
    #: candidates stage counts the distinct words of the raw text, ``candidates.doc_length``: the same
    #: length read before analysis, which the gate need not redo).
    length: int
    #: The article's sentences (``text.outline_of``; start, end, paragraph, boilerplate a row), so that an
    #: article compared in a later chunk is not split into sentences again (16 bytes a sentence).
    outline: np.ndarray


class _Member:
    """An article of the family being judged: its gate features, and its analysis once it is compared.

    The gate reads a ``text.sketch`` (sentences and their words without tokens, half the cost of an
    analysis); most members are gated out and never analysed."""

    def __init__(self, article: Article, light: _Light | None = None) -> None:
        self.article = article
        self._doc: Document | None = None
        self._light = light
        self._stems: list[frozenset[str]] | None = None
        self._texts: list[str] | None = None

    @property
    def doc(self) -> Document:
        if self._doc is None:
            outline = [SentenceSpan(int(a), int(b), int(p), bool(bp)) for a, b, p, bp in self.light.outline.tolist()]
            self._doc = analyse(self.article, outline=outline)
        return self._doc

    @property
    def light(self) -> _Light:
        if self._light is None:
            sketched = sketch(self.article.text)
            self._stems = list(sketched.body_stems)
            self._light = _light_of(self._stems, sketched.specifics, sketched.outline)
        return self._light

    @property
    def stems(self) -> list[frozenset[str]]:
        if self._stems is None:
            self._stems = [s.content_stems() for s in self.doc.body]
        return self._stems

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [self.doc.sentence_text(s.index) for s in self.doc.body]
        return self._texts

    @property
    def specifics(self) -> frozenset[str]:
        return self.light.specifics

    @property
    def forms(self) -> frozenset[str]:
        """Every word of the text in the forms specifics take (stems, and numbers without commas),
        boilerplate and headlines included: what a specific must be missing from to be missing."""
        return self.doc.word_forms


#: Content words seen in this process -> number, so that sentence overlaps are array products. It grows
#: with the language's vocabulary, not with the corpus.
_VOCABULARY: dict[str, int] = {}
#: A big story family is judged in chunks (scan/candidates.families), and an article recurs in the chunks
#: of the other stories its weak candidate pairs reach, almost always to be gated out there. Its gate
#: features (a few kB, where an analysis takes ~150 kB) are kept for the next chunk; the analysis only
#: within one. They depend on the text alone, so the key is a digest of it (``_light_key``): keyed by the
#: Article, the cache kept every text it had seen alive, ~4 of the ~11 kB an entry took on the synthetic
#: corpora, and a worker of a 6k scan meets thousands of articles.
_LIGHT: OrderedDict[bytes, _Light] = OrderedDict()
LIGHT_CACHE = 8000


def _light_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _member_of(article: Article) -> _Member:
    key = _light_key(article.text)
    light = _LIGHT.get(key)
    if light is not None:
        _LIGHT.move_to_end(key)
        return _Member(article, light)
    m = _Member(article)
    _LIGHT[key] = m.light
    while len(_LIGHT) > LIGHT_CACHE:
        _LIGHT.popitem(last=False)
    return m


def _light_of(stems: list[frozenset[str]], specifics: frozenset[str], outline: Sequence[SentenceSpan]) -> _Light:
    ids: list[int] = []
    rows: list[int] = []
    for row, words in enumerate(stems):
        for w in words:
            col = _VOCABULARY.get(w)
            if col is None:
                col = _VOCABULARY[w] = len(_VOCABULARY)
            ids.append(col)
            rows.append(row)
    return _Light(
        np.asarray(ids, dtype=np.int32),
        np.asarray(rows, dtype=np.int32),
        np.asarray([len(w) for w in stems], dtype=np.int32),
        specifics,
        len(frozenset().union(*stems)),
        np.asarray(outline, dtype=np.int32).reshape(-1, 4),
    )


def judge_component(
    articles: dict[int, Article],
    pairs: Sequence[tuple[int, int, float, int]],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    scan: ScanSettings = ScanSettings(),
    embed: EmbedFn | None = None,
) -> list[PairJudgement]:
    """Judge every candidate pair ``(a, b, candidate_score, rank)`` of one family; ``articles`` by position.

    Pairs are taken oldest first (by publication stamp, ``published_key``, then id), so that by the time two
    rewrites meet, their common original has already been compared with each; copy pairs that met before it
    are asked about it afterwards (``_late_siblings``).

    Which side of a copy pair is its source: the earlier publication, as compare reads the stamps
    (``audit.published_order``: an undated side, or a day alone or a naive time on the other's day, orders
    nothing); else the text's own evidence
    (``compare``'s direction: the side with the precise details the other blurs or lacks); else a republication
    line at either end of one text that the other lacks (``_REPUBLICATION``: that text is the republished
    copy). When none of these tells (undated near-duplicates, or two copies that both carry such a line), the
    pair's direction is ``unclear`` (confidence 0.5), so a reader knows the orientation is a guess, and the guess
    is order-free (``source_first``): a dated side before an undated one, else the smaller id. The order a corpus
    lists its articles in is no such signal: feeds list newest first.
    """
    from storytrace.comparison import compare_documents

    cache = _SentenceCache(embed)
    members: dict[int, _Member] = {}

    def member(pos: int) -> _Member:
        m = members.get(pos)
        if m is None:
            m = members[pos] = _member_of(articles[pos])
        return m

    # judging order, oldest first; the id, not the corpus position, among articles the stamps do not order
    rank = {
        pos: k
        for k, pos in enumerate(sorted(articles, key=lambda p: (published_key(articles[p]), _id_key(articles[p], p))))
    }
    stands_for = _one_text_firsts(articles)
    dated_as = _one_text_dates(articles, stands_for)

    ordered = sorted(
        ((*source_first(a, b, articles, stands_for, dated_as), s, r) for a, b, s, r in pairs),
        key=lambda x: (min(rank[x[0]], rank[x[1]]), max(rank[x[0]], rank[x[1]])),
    )
    lexical = settings.with_(use_embeddings=False)
    embeddings = settings.use_embeddings
    neighbours: dict[int, set[int]] = {}
    for a, b, _s, _r in pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    #: derived position -> {source position: body sentence indices of the derived the source does not explain}
    sources_of: dict[int, dict[int, list[int]]] = {}
    out: list[PairJudgement] = []

    #: (derived, source) pairs where the derived is the whole source, copied as it is, and nothing else.
    duplicates: set[tuple[int, int]] = set()
    #: position in ``out`` -> the common sources its pair was asked about before it was compared
    asked: dict[int, frozenset[int]] = {}

    def run(src: int, der: int) -> Any:
        # Lexical evidence and the verdict first: embeddings (with_paraphrases) where they can change it,
        # findings only for the pairs that are reported (_judgement).
        return compare_documents(member(src).doc, member(der).doc, settings=lexical, findings=False)

    for x, y, score, _rank in ordered:
        # A duplicate of the common original is that original's text: what derives from one derives
        # from the other, so such a pair is judged on its texts like any other.
        common = _fullest_first(
            [
                o
                for o in set(sources_of.get(x, {})) & set(sources_of.get(y, {}))
                if (x, o) not in duplicates and (y, o) not in duplicates
            ],
            member,
            rank.__getitem__,
        )
        asked[len(out)] = frozenset(common)
        if common:
            # any common source against which neither carries the other's own material (``_apart_from``)
            o = next(
                (
                    o
                    for o in common
                    if _apart_from(member(x), member(y), member(o), sources_of[x][o], sources_of[y][o], scan)
                ),
                None,
            )
            if o is not None:
                out.append(_uncompared(x, y, "sibling", score, "sibling_check", common_source=o))
                continue

        def paraphrased(report: Any) -> Any:
            return _with_paraphrases(report, cache, settings, scan)

        shared = max(_sentence_shares(member(x), member(y), scan))
        same_facts = specifics_share(member(x).specifics, member(y).specifics) >= scan.specifics_gate
        fair = _length_fair(score, member(x), member(y), scan)
        compared = shared >= scan.gate_share or (fair >= scan.full_compare_score and same_facts and embeddings)
        # Asked only of a pair about to be compared: the sentence count needs the full analysis (``doc``),
        # which the gate spares most candidate pairs (asked of every pair, it cost a 6k scan ~9% more CPU).
        if compared and len(member(x).doc.body) * len(member(y).doc.body) > MAX_SENTENCE_PAIRS:
            # compare would refuse it (settings.MAX_SENTENCE_PAIRS): the scan reports the pair as not judged
            out.append(_uncompared(x, y, "unrelated", score, TOO_LONG))
            continue
        if shared >= scan.gate_share:
            report, method = run(x, y), "lexical"
            if embeddings and _needs_embeddings(report, fair, same_facts, member(x), member(y), scan):
                report, method = paraphrased(report), "embeddings"
        elif fair >= scan.full_compare_score and same_facts and embeddings:
            # Few sentences in common, yet the rare words say same story: a heavy rewrite or an
            # independent report of the same event. Only embeddings can tell.
            report, method = paraphrased(run(x, y)), "embeddings"
        else:
            out.append(_uncompared(x, y, "unrelated", score, "gate"))
            continue
        src, der = x, y
        conflicting = False
        if report.verdict.direction == "reversed":
            flipped = run(y, x)
            if method == "embeddings":
                flipped = paraphrased(flipped)
            if flipped.verdict.direction != "reversed":
                if flipped.verdict.relation in _REUSE or report.verdict.relation not in _REUSE:
                    report, src, der = flipped, y, x
                else:
                    # The text hints that the suspect came first, yet the other way round shows no
                    # reuse (it is asymmetric: a short rewrite explains little of a long original).
                    # Keep the reuse found, with no direction: the hint is outweighed.
                    conflicting = True
        if (
            not conflicting
            and report.verdict.direction == "unclear"
            and report.verdict.relation in _REUSE
            and _republished_from(member(src), member(der))
            and not _republished_from(member(der), member(src))
        ):
            # The text gives no direction, but the likely original carries a republication line ("This story
            # was shared by partner outlet 4.") the other lacks: an outlet that republishes adds such a line.
            # Oriented by it, whatever order the corpus lists them in; the direction stays unclear (the
            # line says which came later, not that one copied the other: the sibling tests below still ask).
            flipped = run(y, x) if src == x else run(x, y)
            if method == "embeddings":
                flipped = paraphrased(flipped)
            if flipped.verdict.relation in _REUSE and flipped.verdict.direction == "unclear":
                report, src, der = flipped, der, src
        verdict = report.verdict
        direction = "unclear" if conflicting or verdict.direction != "as_given" else "as_given"
        relation = verdict.relation
        unexplained = _own_material(member(der), _unexplained(report))
        confidence = 0.5 if conflicting else round(float(verdict.direction_confidence), 6)
        if relation in ("derived", "partially_derived"):
            if (
                verdict.direction == "unclear"
                and report.scores.coverage <= scan.sibling_coverage
                and _apart(relation, report, unexplained, member(src), member(der), scan)
                and _sourced_apart(
                    member(src), member(der), [member(z) for z in sorted(neighbours[src] & neighbours[der])], scan
                )
            ):
                out.append(_judgement(src, der, "sibling", report, direction, confidence, score, method))
                continue
            sources_of.setdefault(der, {})[src] = unexplained
            if member(der).article.text.strip() == member(src).article.text.strip() or (
                not report.alignment.omitted and all(link.kind == "verbatim" for link in report.alignment.links)
            ):
                # The same text is a duplicate whatever its alignment makes of it (SheepDog's duplicated
                # originals: a sentence with no content word, "You did say that.", came out added against its
                # own copy until the alignment linked copies first, and 7 rewrites were judged siblings of
                # their own original through its copy).
                duplicates.add((der, src))
        kept = None if relation not in _REUSE or (der, src) in duplicates else tuple(unexplained)
        out.append(_judgement(src, der, relation, report, direction, confidence, score, method, kept))

    return _late_siblings(out, asked, member, rank, scan)


def _late_siblings(
    out: list[PairJudgement],
    asked: Mapping[int, frozenset[int]],
    member: Callable[[int], _Member],
    rank: Mapping[int, int],
    scan: ScanSettings,
) -> list[PairJudgement]:
    """The family's copy pairs asked again about the common sources found only after they were judged.

    Undated pairs are judged in corpus order, so two copies of one text may meet before either is linked to it
    (a partner's copy listed before the text it copied: the pair (c1, c2) came before (x, c2)). Asked then, as
    they would have been had the text been listed first, the pair is a ``sibling`` through any common source
    against which neither carries the other's own material (``_apart_from``), as in ``judge_component``'s loop;
    so the order the corpus lists them in does not decide it. Only copies are asked (a pair judged unrelated
    stays so: this pass removes copy edges, it adds no pairs), in rounds, as ``common_source_siblings`` does:
    a copy link a round undoes is no common source for the next."""
    out = list(out)
    for _round in range(_SIBLING_ROUNDS):
        sources: dict[int, dict[int, tuple[int, ...]]] = {}
        for jd in out:
            if jd.relation in _REUSE and jd.unexplained is not None:  # a duplicate is no common original
                sources.setdefault(jd.derived, {})[jd.source] = jd.unexplained
        changed = False
        apart = {
            frozenset((jd.source, jd.derived))
            for jd in out
            if jd.relation in ("related", "unrelated") and jd.method != TOO_LONG
        }
        for k, jd in enumerate(out):
            if jd.relation in _REUSE and _missed_common_source(jd, sources, apart, member, rank, scan) is not None:
                # No common original named: the scan did not find the derived side derived from it. The
                # cross-family pass names one if other families found both sides derived from it.
                out[k] = _uncompared(jd.source, jd.derived, "sibling", jd.candidate_score, "sibling_check")
                changed = True
                continue
            # Only pairs whose order the corpus decided: a copy the text itself orients stays one.
            if jd.relation not in _REUSE or jd.direction != "unclear":
                continue
            x, y = jd.source, jd.derived
            common = (sources.get(x, {}).keys() & sources.get(y, {}).keys()) - {x, y} - asked.get(k, frozenset())
            o = next(
                (
                    o
                    for o in _fullest_first(common, member, rank.__getitem__)
                    if _apart_from(member(x), member(y), member(o), sources[x][o], sources[y][o], scan)
                ),
                None,
            )
            if o is not None:
                out[k] = _uncompared(x, y, "sibling", jd.candidate_score, "sibling_check", common_source=o)
                changed = True
        if not changed:
            break
    return out


def _missed_common_source(
    jd: PairJudgement,
    sources: Mapping[int, Mapping[int, tuple[int, ...]]],
    apart: set[frozenset[int]],
    member: Callable[[int], _Member],
    rank: Mapping[int, int],
    scan: ScanSettings,
) -> int | None:
    """The source of one side of the copy pair ``jd`` that explains the pair as two rewrites of it, where the
    family judged the other side no copy of that source (``apart``: a heavy rewrite that the comparison missed).

    Two rewrites of one original resemble each other through it; when only one of them was found derived from
    it, they met as any pair and one came out the other's copy (a SheepDog scan of 15 stories, original and
    four rewrites each: 3 of the 60 rewrites got a sister rewrite as their source this way, each time the
    sister's pair with the original judged related or gated out). The pair is a sibling (with no common original
    named: the derived side was not found derived from it) when the derived side does not carry the source
    side's own material or its wording where it differs from the original's (``_carried``, the test two copies
    of a common source pass in ``_apart_from``): whatever it shares with the source side, it could have taken
    from the original. Only the source side's own
    material is known (the derived side was not aligned with the original as a copy), so this is the one-way
    half of ``_apart_from``; a copy of a rewrite keeps that rewrite's wording and stays its copy.

    Only the chain shape (original -> source side -> derived side): where the derived side of the pair has two
    sources judged apart from each other, the pattern does not say which link is the false one (an original
    and a rewrite of it, both judged sources of a second rewrite, came out as the original's sibling)."""
    k, u = jd.source, jd.derived
    for o in sorted(sources.get(k, {}), key=rank.__getitem__):
        if o == u or frozenset((o, u)) not in apart or _near_copy(member(o), member(k), scan):
            # A near-verbatim copy of the original is that original again (SheepDog's near-duplicate originals:
            # one judged the other's source): its pair with the derived side is the original's own.
            continue
        # nor when the derived side tells the source side's names and figures past an excerpt of it (``_told_past``)
        if not _carried(member(k), sources[k][o], member(u), member(o), scan) and not _told_past(
            member(k), member(u), member(o), scan
        ):
            return o
    return None


#: Copies whose articles :func:`common_source_siblings` reads at a time: the memory of a few hundred articles.
SIBLING_BATCH = 500


def common_source_siblings(
    families: Mapping[int, Sequence[PairJudgement]],
    load: Callable[[set[int]], Mapping[int, Article]],
    scan: ScanSettings = ScanSettings(),
) -> list[PairJudgement]:
    """Every family's judgements (in order of family), with each pair of two copies of a common original
    judged in other families made a ``sibling``, as :func:`judge_component` makes it when the three
    articles meet in one family; ``load`` gives articles by position.

    A story group larger than a family's limit is judged in several families (``candidates.families``),
    so a pair of two rewrites may be judged where the pairs that link each to their original are not:
    compared like any pair, two rewrites of one text look like copies of each other (a SheepDog scan:
    135 of the 273 pairs of rewrites judged copies were judged so). Here the original is read from
    whichever family judged it: where both sides of a pair derive from a common original and neither
    carries the other's own material (``_carried``, the test a family applies), the pair is a sibling
    (SheepDog, session 17: rewrite-rewrite copies 273 -> 154, no original-rewrite pair changed). Of several
    common sources, the pair is a sibling through any against which neither carries the other's own material
    (the first of them, oldest first, is named), as in a family (:func:`_apart_from`): so neither the input
    order nor which of them is the oldest decides. Not only copies: a family asks before comparing, so a pair
    it would have called a sibling is one whatever comparing it said. A pair whose family held its pairs with a
    common original was asked there and is left as it is; the others are read on the gate's lexical features
    (no comparison). The outcome depends on the judgements alone, so both engines give the same.
    """
    judged = [j for f in sorted(families) for j in families[f]]
    family_of = [f for f in sorted(families) for _j in families[f]]
    held = {(f, min(j.source, j.derived), max(j.source, j.derived)) for f, j in zip(family_of, judged, strict=True)}
    out = list(judged)
    asked: dict[int, frozenset[int]] = {}  # pair -> the common sources it was last asked about
    # Rounds until nothing changes: a copy link this pass undoes (two rewrites) is no common original for a
    # third pair, as in a family, where a sibling never enters ``sources_of``. Each round only turns copies
    # into siblings, so it ends (one or two rounds in practice).
    for _round in range(_SIBLING_ROUNDS):
        sources: dict[int, dict[int, tuple[int, ...]]] = {}
        for jd in out:
            if jd.relation in _REUSE and jd.unexplained is not None:  # a duplicate is no common original
                sources.setdefault(jd.derived, {})[jd.source] = jd.unexplained
        todo: list[tuple[int, frozenset[int]]] = []
        for k, (f, jd) in enumerate(zip(family_of, out, strict=True)):
            if jd.relation == "sibling" and (jd.common_source is not None or jd.method != "sibling_check"):
                # A sibling with no common original named that no comparison made (``_missed_common_source``)
                # is asked too: only to name the common original that other families found (its relation
                # stays sibling either way).
                continue
            x, y = jd.source, jd.derived
            common = (sources.get(x, {}).keys() & sources.get(y, {}).keys()) - {x, y}
            if (
                common
                and asked.get(k) != common
                and not any((f, min(o, x), max(o, x)) in held and (f, min(o, y), max(o, y)) in held for o in common)
            ):
                asked[k] = frozenset(common)
                todo.append((k, frozenset(common)))
        changed = False
        for start in range(0, len(todo), SIBLING_BATCH):
            batch = todo[start : start + SIBLING_BATCH]
            articles = load({p for k, c in batch for p in (out[k].source, out[k].derived, *c)})
            members = {p: _member_of(a) for p, a in articles.items()}
            for k, c in batch:
                x, y = out[k].source, out[k].derived
                o = next(
                    (
                        o
                        for o in _fullest_first(
                            c,
                            members.__getitem__,
                            partial(_stamp_rank, articles),  # a family's own order (``rank``)
                        )
                        if _apart_from(members[x], members[y], members[o], sources[x][o], sources[y][o], scan)
                    ),
                    None,
                )
                if o is not None:
                    out[k] = _uncompared(x, y, "sibling", out[k].candidate_score, "sibling_check", common_source=o)
                    changed = True
        if not changed:
            break
    return out


def _stamp_rank(articles: Mapping[int, Article], pos: int) -> tuple[tuple[int, int, int, float], tuple[str, int]]:
    """The order ``judge_component`` takes a family's articles in (its ``rank``), of the article at ``pos``."""
    return published_key(articles[pos]), _id_key(articles[pos], pos)


def _apart_from(
    x: _Member, y: _Member, original: _Member, x_own: Sequence[int], y_own: Sequence[int], scan: ScanSettings
) -> bool:
    """Neither of two copies of ``original`` carries the other's own material (``_carried`` both ways). Two copies
    are siblings through ANY common source they pass against, whichever is listed or dated first: a copy carries
    its source's material against the sources the two truly share, so it does not pass; two rewrites of a
    rewrite pass against that rewrite, not against its original (both carry the rewrite's additions); two
    rewrites of an original pass against it, not against a rewrite of it that they both hold more than. Where the
    scan wrongly judged one rewrite a copy of another, that rewrite can stand as the common source of a true
    copy and its source (``scan_sheepdog_chains.py``: 1 of 100 copies of a rewrite, session 17).

    Nor are they apart through an excerpt of one of them that the other tells past (``_told_past``): the other
    holds names and figures that the fuller side has and the excerpt lacks, so it was not copied from the excerpt
    alone (qa27 P1: a misdated five-sentence excerpt of a wire story made the wire a sibling of its own
    rewrites)."""
    return (
        not _carried(x, x_own, y, original, scan)
        and not _carried(y, y_own, x, original, scan)
        and not _told_past(x, y, original, scan)
        and not _told_past(y, x, original, scan)
    )


#: Sentence containment as the gate reads it (``ScanSettings`` defaults) for ``_excerpt_of``: whether one text is
#: an excerpt of another is a fact of the two texts, not a setting of the sibling rules.
_GATE = ScanSettings()


def _excerpt_of(o: _Member, x: _Member) -> bool:
    """Is ``o`` an excerpt of ``x``: its substantial sentences nearly all inside sentences of ``x``
    (``_COPY_SHARE``), while ``x`` holds more of its own (it is no near-verbatim copy of ``o``, ``_near_copy``)?"""
    o_in_x, x_in_o = _sentence_shares(x, o, _GATE)
    return o_in_x >= _COPY_SHARE and x_in_o < _COPY_SHARE


def _told_past(x: _Member, y: _Member, original: _Member, scan: ScanSettings) -> bool:
    """Does ``y`` tell material of ``x`` that ``original``, an excerpt of ``x`` (``_excerpt_of``), lacks: at least
    ``ScanSettings.excerpt_told_specifics`` names and figures that ``x`` holds in some form and ``original`` in
    none? Then ``y`` was not copied from the excerpt alone, whatever the stamps say: it took them from ``x`` (or
    ``x`` from it), and the pair is compared, not made siblings through the excerpt. Names and figures, not
    sentences: a rewrite tells the fuller text's sentences in its own words, and keeps their facts."""
    if not _excerpt_of(original, x):
        return False
    told = (y.specifics & x.forms) - original.forms
    return len(told) >= scan.excerpt_told_specifics


def _fullest_first(common: Iterable[int], member: Callable[[int], _Member], key: Callable[[int], Any]) -> list[int]:
    """Common sources in the order they are asked (the first that passes is named): by ``key``, oldest first,
    except that an excerpt of another of them (``_excerpt_of``) comes after the fuller text. Two rewrites of a wire
    story are siblings through the story, not through a misdated excerpt of it that both also came out copies of
    (qa27 P1: "sibling, both from" the excerpt)."""
    ordered = sorted(common, key=key)
    if len(ordered) < 2:
        return ordered

    def excerpt(o: int) -> bool:
        return any(p != o and _excerpt_of(member(o), member(p)) for p in ordered)

    return sorted(ordered, key=excerpt)  # stable: ``key``'s order within each part


#: Rounds of :func:`common_source_siblings` at most (it stops as soon as one changes nothing).
_SIBLING_ROUNDS = 4


def _uncompared(
    src: int, der: int, relation: str, score: float, method: str, *, common_source: int | None = None
) -> PairJudgement:
    """A pair decided without comparing its texts: no scores, no direction."""
    return PairJudgement(
        source=src,
        derived=der,
        relation=relation,
        direction="unclear",
        direction_confidence=0.5,
        candidate_score=score,
        method=method,
        scores={"reuse": None, "verbatim": None, "coverage": None, "similarity": None},
        common_source=common_source,
    )


def _judgement(
    src: int,
    der: int,
    relation: str,
    report: Any,
    direction: str,
    confidence: float,
    score: float,
    method: str,
    unexplained: tuple[int, ...] | None = None,
) -> PairJudgement:
    """A compared pair's judgement; findings (only for the pairs reported as copies) computed here."""
    from storytrace.comparison import with_findings

    findings: dict[str, int] = {}
    if relation in _REUSE:
        # The headline is checked on lexical evidence: with embeddings it would embed the whole original.
        report = with_findings(report, embed=None)
        findings = dict(sorted(Counter(f.type for f in report.findings if f.severity != "info").items()))
    return PairJudgement(
        source=src,
        derived=der,
        relation=relation,
        direction=direction,
        direction_confidence=confidence,
        candidate_score=score,
        method=method,
        scores={
            "reuse": round(float(report.scores.reuse), 6),
            "verbatim": round(float(report.scores.verbatim), 6),
            "coverage": round(float(report.scores.coverage), 6),
            "similarity": round(float(report.alignment.document_similarity), 6),
        },
        findings=findings,
        unexplained=unexplained,
    )


def _with_paraphrases(report: Any, cache: _SentenceCache, settings: Settings, scan: ScanSettings) -> Any:
    """``comparison.with_paraphrases``, probed on a sample of the open sentences first when there are many.

    Embeddings cost per sentence, and nearly all such sentences belong to pairs of long texts that share
    a subject and little else. A pair the probe shows could not become a copy keeps the probe's report:
    its verdict (related or unrelated, on the lexical whole-text similarity) is the one the full run
    would give. The probe's vectors stay in the cache for a full run.
    """
    from storytrace.comparison import with_paraphrases

    open_rows = _open_rows(report)
    if len(open_rows) <= 2 * scan.paraphrase_sample:
        return with_paraphrases(report, cache)
    step = len(open_rows) / scan.paraphrase_sample
    sample = {open_rows[int(k * step)] for k in range(scan.paraphrase_sample)}
    probe = with_paraphrases(report, cache, rows=sample)
    if _probe_suffices(report, probe, len(open_rows) / len(sample), settings, scan):
        return probe
    return with_paraphrases(report, cache)


def _open_rows(report: Any) -> list[int]:
    """Derived body positions that the alignment leaves unexplained or links loosely (``partial``)."""
    body_pos = {s.index: k for k, s in enumerate(report.derived.body)}
    return sorted(
        body_pos[i] for link in report.alignment.links if link.kind in ("added", "partial") for i in link.derived
    )


def _probe_suffices(lexical: Any, probe: Any, factor: float, settings: Settings, scan: ScanSettings) -> bool:
    """Could embeddings for every open sentence not make a copy of what the sample leaves a non-copy?

    The probe's gains in reuse, coverage, reach (coverage for the suspect's length) and the original's
    sentences restated, scaled up to all open sentences (with slack), must stay below the thresholds of a
    copy: ``partial_reuse``, and every route of the trail whose other conditions (names and figures in
    common, quotations, which do not depend on the links) hold (``audit.trail_holds``).
    """
    from dataclasses import replace

    from storytrace.audit import reach_coverage, sources_linked, trail_holds, trail_of

    if probe.verdict.relation in _REUSE:
        return False
    scale = factor * scan.paraphrase_sample_slack

    def scaled(before: float, after: float) -> float:
        return before + max(0.0, after - before) * scale

    if scaled(lexical.scores.reuse, probe.scores.reuse) >= settings.partial_reuse:
        return False
    coverage = scaled(lexical.scores.coverage, probe.scores.coverage)
    reach = min(1.0, scaled(reach_coverage(lexical.alignment), reach_coverage(probe.alignment)))
    if coverage < min(settings.trail_coverage, settings.trail_content_coverage) and reach < settings.trail_coverage:
        return True  # every trail route needs one of them (trail_of reads every name of both texts: costly)
    # The padded-retelling route also counts the original's sentences restated, which grow like coverage:
    # a sample that restates one of them stands for a full pass that may restate several.
    restated = math.ceil(scaled(sources_linked(lexical.alignment), sources_linked(probe.alignment)) - 1e-9)
    best = replace(trail_of(probe.alignment), reach=reach, sources_linked=restated)
    return not trail_holds(best, replace(probe.scores, coverage=coverage), settings)


#: A line that says the text is a republication: "This story was shared by partner outlet 4.", "This article
#: originally appeared in The Conversation.", "Republished with permission." (``text.is_boilerplate`` marks
#: some of these, and the scan reads them all the same: they are what an outlet that republishes adds).
_REPUBLICATION = re.compile(
    r"""^(?:this\s+(?:story|article|report|piece|post|column)\s+(?:was|is|has\s+been|had\s+been)\s+
          (?:originally\s+|first\s+)?
          (?:(?:published|appeared|republished|reprinted|syndicated|distributed)\b[^.!?]{0,40}?
              \b(?:by|in(?!\s+(?:violation|breach|error|full|part|response|defiance|spite))|at|from|through|courtesy|with)\b
            | shared\s+(?:here\s+)?(?:by|with|courtesy)\b)
      | this\s+(?:story|article|report|piece|post|column)\s+(?:originally\s+|first\s+)?appeared\s+(?:in|on|at)\b
      | (?:republished|reprinted)\s+(?:here\s+)?(?:with|by|under|from|courtesy)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
#: A republication line is a short line of its own: "This story was published in violation of a court order,
#: the judge said, ..." at a story's foot is its matter.
_REPUBLICATION_WORDS = 20
#: Only the first and last few sentences are read for it (boilerplate included): a republisher puts its
#: line at the top or the foot. The text speaks of itself ("this story"): "the article published by the
#: Times said" is the story's own matter.
_REPUBLICATION_EDGE = 2


def _republication_rows(m: _Member) -> dict[int, str]:
    """The republication lines (``_REPUBLICATION``) at either end of ``m``'s text, by outline row, with case and
    spacing folded."""
    outline = m.light.outline
    rows = range(len(outline))
    text = m.article.text
    out: dict[int, str] = {}
    for k in dict.fromkeys([*rows[:_REPUBLICATION_EDGE], *rows[-_REPUBLICATION_EDGE:]]):
        line = " ".join(text[int(outline[k, 0]) : int(outline[k, 1])].split()).lower()
        if _REPUBLICATION.search(line) and len(line.split()) <= _REPUBLICATION_WORDS:
            out[k] = line
    return out


def _republished(m: _Member) -> frozenset[str]:
    return frozenset(_republication_rows(m).values())


#: What a republication line names as the text's source, after the words that introduce it ("... with permission
#: of the Associated Press" -> "the associated press"); a line that names none ("Republished with permission.")
#: gives nothing.
_NAMED_SOURCE = re.compile(
    r"\b(?:permission\s+(?:of|from)|courtesy\s+of|courtesy|appeared\s+(?:in|on|at)|published\s+(?:in|on|at|by)"
    r"|syndicated\s+by|distributed\s+by|reprinted\s+from|republished\s+from|shared\s+by|from|by|in|on|at)"
    r"\s+(.+?)\s*[.!]?$"
)
_NAME_STOP = frozenset({"the", "of", "and", "&", "a", "an", "com", "org", "net", "www", "co", "uk", "news"})
#: Words a republication line uses for a source it does not name ("our partner newsroom", "the author"): such a
#: line may speak of any outlet.
_UNNAMED = frozenset(
    "our their its partner partners partnering newsroom newsrooms outlet outlets publication publications site "
    "website sister author authors print edition member members original".split()
)
#: Where an outlet's name stops in a republication line: "the Riverside Courier on March 3", "The Conversation
#: under a Creative Commons license", "AP, with additional reporting".
_NAME_END = re.compile(r"\s+(?:on|under|and|in|with|as|at|for|via|after)\s+|[,;:(]|\s+\d")


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", name.lower()) if w not in _NAME_STOP]


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without "www." (None: no URL, or one no host can be read from, "http://[x")."""
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:  # an input's made-up address is no reason to stop a scan
        return None
    return host.removeprefix("www.") if host else None


def _may_be(named: str, article: Article) -> bool:
    """Could ``article`` be the outlet a republication line names? Yes when it says nothing of its outlet (no
    ``outlet``, no URL) or the line names none ("our partner newsroom"); else when its outlet or its URL's host
    reads as that name: words in common, or the name as initials ("AP" for "Associated Press" and apnews.com,
    "The New York Times" for nytimes.com, "The Riverside Courier" for riversidecourier.com). A wrong "yes" only
    lets the line orient the pair as it did before lines were read for names; a wrong "no" makes an original
    its republisher's copy, so the match is generous."""
    named = re.sub(r"^(?:\d{4}\s+)?by\s+", "", re.sub(r"^\d{4}\s+", "", named.strip()))
    named = _NAME_END.split(named, maxsplit=1)[0]
    want = _name_words(named)
    if not want or set(want) <= _UNNAMED:
        return True
    host = host_of(article.url) or ""
    known = [n for n in (article.outlet or "", host) if n.strip()]
    if not known:
        return True
    joined = "".join(want)
    initials = "".join(w[0] for w in want)
    for name in known:
        words = _name_words(name)
        if not words:
            continue
        flat = "".join(words)
        if set(want) & set(words) or joined == "".join(w[0] for w in words) or initials == flat:
            return True
        if (len(joined) >= 4 and joined in flat) or (len(flat) >= 4 and flat in joined):
            return True
        # a host's first label: "apnews", "nytimes", "theguardian" (the, news and com are stop words above)
        label = name.split(".")[0].lower() if name is host else ""
        if label and (label.startswith(initials) or label.startswith(joined) or joined in label):
            return True
    return False


def _republished_from(m: _Member, other: _Member) -> bool:
    """Does ``m`` carry a republication line that ``other`` lacks and that speaks of ``other``: one that names no
    source, or names one that ``other`` may be (``_may_be``)? "Republished with permission of AP" says its
    carrier is AP's copy, nothing about a text from another outlet that has the carrier's text without the line:
    that one most likely copied the carrier and dropped the line."""
    for line in _republished(m) - _republished(other):
        named = _NAMED_SOURCE.search(line)
        if named is None or _may_be(named.group(1), other.article):
            return True
    return False


def _own_material(m: _Member, unexplained: list[int]) -> list[int]:
    """``unexplained`` (body positions of ``m``) without its republication lines: an outlet's mark that it
    republished the text is none of the text's material, and partners' marks follow one template ("... partner
    outlet number 2"), so two copies of one text that both carry such a mark would seem to carry each other's."""
    marks = _republication_rows(m)
    if not marks:
        return unexplained
    bp = m.light.outline[:, 3]
    body_pos = np.cumsum(bp == 0) - 1
    skip = {int(body_pos[k]) for k in marks if not bp[k]}
    return [k for k in unexplained if k not in skip]


def published_key(article: Article) -> tuple[int, int, int, float]:
    """A total order of publication stamps, for taking articles oldest first: the day as printed, then within it
    the seconds from that day's start in UTC, a time with its offset by its instant and a naive time by its
    printed clock; a day alone after the day's times (it says nothing of the hour: a stamp with one is preferred,
    as a dated one is to an undated); undated last. Read as compare reads stamps (``Article.published_date``,
    ``published_time``): as strings, "2025-03-05 10:30" sorted before "2025-03-05T09:00:00+00:00" and a day-first
    or labelled stamp anywhere. A naive 10:10 is no later than 23:10-05:00 (04:10 UTC the next day) in any zone its
    own day allows; and two times with offsets printed on one day keep their instants' order, as
    ``audit.published_order`` reads them: Tokyo's 09:00+09:00 (00:00 UTC) comes before New York's 08:00-05:00
    (13:00 UTC), though its printed clock is later (rev24o). Across printed days the day decides, even where two
    such instants run the other way (a London 01:00 UTC after a New York 23:30-05:00 printed the day before): no
    one key can keep both that and a day alone after its day's times, so what names "the earliest published"
    (a family's original, its first_published, a best-source tie) asks ``audit.unpreceded`` first (rev24c)."""
    day = article.published_date()
    if day is None:
        return (1, 0, 0, 0.0)
    t = article.published_time()
    if t is None:
        return (0, day.toordinal(), 1, 0.0)
    clock = float(t.hour * 3600 + t.minute * 60 + t.second) + t.microsecond / 1e6
    offset = t.utcoffset()
    return (0, day.toordinal(), 0, clock if offset is None else clock - offset.total_seconds())


def source_first(
    a: int,
    b: int,
    articles: Mapping[int, Article],
    stands_for: Mapping[int, tuple[str, int]] | None = None,
    dated_as: Mapping[int, int] | None = None,
) -> tuple[int, int]:
    """The likely source of two articles (positions) first, whatever order the corpus lists them in: the earlier
    published where the stamps order the two as compare reads them (``audit.published_order``); else a dated side
    before an undated one (a dated article is likelier the wire's: aggregators and farms often drop the stamp);
    else the smaller id. Feeds list newest first and crawls in fetch order, so the order a corpus lists its
    articles in says nothing of which came first: taking the earlier listed flipped half the undecided pairs of a
    crawl listed newest first (rev23s). The text's own evidence may still turn the pair round (``judge_component``).

    One text under several ids (``stands_for``, ``_one_text_firsts``) is one article to the guess: named by the
    smallest of its ids and, where the two articles' own stamps do not order them, dated by its earliest dated
    copy (``dated_as``, ``_one_text_dates``). Dated by its own stamp alone, a wire story's undated saved page came
    out the copy of a rewrite dated a day after the wire's record of that very text, and the outlet figures, which
    read the page as the record (``families.same_articles``), then had the wire copy its own copier (rev24b)."""
    from storytrace.audit import published_order

    x, y = articles[a], articles[b]
    order = published_order(x, y)
    if order == "as_given":
        return a, b
    if order == "reversed":
        return b, a
    first = {} if stands_for is None else stands_for
    x_key, y_key = _id_key(x, a), _id_key(y, b)
    x_first, y_first = first.get(a, x_key), first.get(b, y_key)
    # two copies of one text are told apart by their own stamps: the dated one is likelier the outlet's record
    x_as, y_as = a, b
    if x_first != y_first and dated_as:
        x_as, y_as = dated_as.get(a, a), dated_as.get(b, b)
        if (x_as, y_as) != (a, b):
            order = published_order(articles[x_as], articles[y_as])
            if order == "as_given":
                return a, b
            if order == "reversed":
                return b, a
    x_dated = articles[x_as].published_date() is not None
    y_dated = articles[y_as].published_date() is not None
    if x_dated != y_dated:
        return (a, b) if x_dated else (b, a)
    return (a, b) if (x_first, x_key) <= (y_first, y_key) else (b, a)


def _one_text_firsts(articles: Mapping[int, Article]) -> dict[int, tuple[str, int]]:
    """Articles whose text another of ``articles`` holds too (spacing aside, ``text.same_text``), each mapped to the
    id key of the first of them by id: the one text under several ids, which ``source_first``'s guess orients as
    one. A rewrite's id may sort between two copies of its original (SheepDog holds originals under two or three
    ids: "politifact_train_142-neutral" sorts between "politifact_train_142" and "politifact_train_64"); guessed by
    its own id, one copy came out the rewrite's source and the other its copy, and that copy's own rewrites then
    siblings of it through the rewrite (16 original-rewrite pairs lost, rev23s's order-free guess)."""
    from storytrace.text import same_text

    by_text: dict[str, list[int]] = {}
    for pos, article in articles.items():
        by_text.setdefault(same_text(article.text), []).append(pos)
    out: dict[int, tuple[str, int]] = {}
    for group in by_text.values():
        if len(group) > 1:
            first = min(_id_key(articles[p], p) for p in group)
            out.update(dict.fromkeys(group, first))
    return out


def _one_text_dates(articles: Mapping[int, Article], stands_for: Mapping[int, tuple[str, int]]) -> dict[int, int]:
    """Articles of one text under several ids (``stands_for``, ``_one_text_firsts``) whose text has a dated copy,
    each mapped to the position of its earliest dated copy (by ``published_key``, then id): the date the text is
    known to have stood by, which ``source_first`` reads for every copy the two articles' own stamps do not
    order. Order-free: the earliest stamp, not the first listed."""
    groups: dict[tuple[str, int], list[int]] = {}
    for pos, first in stands_for.items():
        if articles[pos].published_date() is not None:
            groups.setdefault(first, []).append(pos)
    earliest = {
        first: min(dated, key=lambda p: (published_key(articles[p]), _id_key(articles[p], p)))
        for first, dated in groups.items()
    }
    return {pos: earliest[first] for pos, first in stands_for.items() if first in earliest}


def _id_key(article: Article, pos: int) -> tuple[str, int]:
    # ids are unique in a scan (a repeated id is refused at ingestion); the position only breaks a tie of None
    return ("" if article.id is None else str(article.id), pos)


def _unexplained(report: Any) -> list[int]:
    """Derived body sentences that no source sentence explains (positions in ``Document.body``)."""
    body_pos = {s.index: k for k, s in enumerate(report.derived.body)}
    return sorted(body_pos[i] for link in report.alignment.links if not link.source for i in link.derived)


def _length_fair(score: float, x: _Member, y: _Member, scan: ScanSettings) -> float:
    """The candidate score as the gates see it (``ScanSettings.fair_length_ratio``)."""
    return float(fair_scores(score, x.light.length, y.light.length, scan.fair_length_ratio))


def _needs_embeddings(
    report: Any, score: float, same_facts: bool, src: _Member, der: _Member, scan: ScanSettings
) -> bool:
    """Could sentence embeddings change this lexical judgement?"""
    relation = report.verdict.relation
    if relation in ("related", "unrelated"):
        return score >= scan.full_compare_score and same_facts
    omitted = {s for s in report.alignment.omitted}
    src_pos = {s.index: k for k, s in enumerate(src.doc.body)}
    dropped = [src.stems[src_pos[i]] for i in omitted if i in src_pos]
    for k in _unexplained(report):
        words = der.stems[k]
        if not words:
            continue
        for other in dropped:
            if other and len(words & other) / min(len(words), len(other)) >= scan.paraphrase_hint:
                return True
    return False


_DENSE_CELLS = 60_000


def _sentence_share(x: _Member, y: _Member, scan: ScanSettings) -> float:
    """Share of ``y``'s substantial sentences whose content words sit mostly inside one sentence of ``x``."""
    return _sentence_shares(x, y, scan)[0]


def _sentence_shares(x: _Member, y: _Member, scan: ScanSettings) -> tuple[float, float]:
    """``(_sentence_share(x, y), _sentence_share(y, x))``: the gate asks both ways, and both read one matrix
    of words in common (its rows for one direction, its columns for the other)."""
    xl, yl = x.light, y.light
    long_y = yl.sizes >= scan.carried_min_words
    long_x = xl.sizes >= scan.carried_min_words
    if not len(xl.sizes) or not len(yl.sizes) or not (long_y.any() or long_x.any()):
        return 0.0, 0.0
    # Words in common for every (y sentence, x sentence) at once: a product of 0/1 matrices over the
    # pair's own vocabulary, instead of a set intersection per sentence pair. Dense for news-length
    # articles (~40 us); sparse for long ones (two 1,000-sentence transcripts: 100 ms dense, 2 ms sparse).
    # The counts are whole numbers, exact in float32 however the product adds them up.
    vocab, cols = np.unique(np.concatenate([yl.word_ids, xl.word_ids]), return_inverse=True)
    ny = len(yl.word_ids)
    if (len(yl.sizes) + len(xl.sizes)) * len(vocab) <= _DENSE_CELLS:
        y_has = np.zeros((len(yl.sizes), len(vocab)), dtype=np.float32)
        x_has = np.zeros((len(xl.sizes), len(vocab)), dtype=np.float32)
        y_has[yl.word_rows, cols[:ny]] = 1.0
        x_has[xl.word_rows, cols[ny:]] = 1.0
        common = y_has @ x_has.T
        in_x = common[long_y].max(axis=1) if long_y.any() else None
        in_y = common[:, long_x].max(axis=0) if long_x.any() else None
    else:
        from scipy import sparse

        shape = (len(yl.sizes), len(vocab))
        y_sparse = sparse.csr_matrix((np.ones(ny, dtype=np.float32), (yl.word_rows, cols[:ny])), shape=shape)
        shape = (len(xl.sizes), len(vocab))
        x_sparse = sparse.csr_matrix(
            (np.ones(len(xl.word_ids), dtype=np.float32), (xl.word_rows, cols[ny:])), shape=shape
        )
        common_sparse = (y_sparse @ x_sparse.T).tocsr()
        in_x = common_sparse[np.flatnonzero(long_y)].max(axis=1).toarray().ravel() if long_y.any() else None
        in_y = common_sparse[:, np.flatnonzero(long_x)].max(axis=0).toarray().ravel() if long_x.any() else None

    def share(common: np.ndarray | None, sizes: np.ndarray, long: np.ndarray) -> float:
        if common is None:
            return 0.0
        hits = common >= scan.carried_containment * sizes[long]
        return float(hits.sum()) / int(long.sum())

    return share(in_x, yl.sizes, long_y), share(in_y, xl.sizes, long_x)


def _carried(x: _Member, extra: Sequence[int], y: _Member, original: _Member, scan: ScanSettings) -> bool:
    """Does ``y`` carry ``x``'s own material (the sentences of ``x`` its original does not explain: ``extra``)
    or ``x``'s wording where it differs from the original's, sentence for sentence nearly as it stands
    (``ScanSettings.carried_verbatim``, ``carried_wording_share``)?"""
    near_y = _verbatim_in(x, y, scan)
    long = x.light.sizes >= scan.carried_min_words
    if any(near_y[k] for k in extra if k < len(long) and long[k]):
        return True
    if not long.any():
        return False
    worded = near_y & long & ~_contained_in(x, original, scan)
    return int(worded.sum()) >= scan.carried_wording_share * int(long.sum())


def _word_matrix(x: _Member, y: _Member) -> tuple[Any, np.ndarray, np.ndarray]:
    """Content words in common of every (``x`` sentence, ``y`` sentence), as a sparse matrix, with each
    side's sentence sizes: one product over the pair's own vocabulary (as ``_sentence_shares``)."""
    from scipy import sparse

    xl, yl = x.light, y.light
    vocab, cols = np.unique(np.concatenate([xl.word_ids, yl.word_ids]), return_inverse=True)
    nx = len(xl.word_ids)
    x_has = sparse.csr_matrix(
        (np.ones(nx, dtype=np.float32), (xl.word_rows, cols[:nx])), shape=(len(xl.sizes), len(vocab))
    )
    y_has = sparse.csr_matrix(
        (np.ones(len(yl.word_ids), dtype=np.float32), (yl.word_rows, cols[nx:])), shape=(len(yl.sizes), len(vocab))
    )
    return (x_has @ y_has.T).tocoo(), xl.sizes, yl.sizes


def _verbatim_in(x: _Member, y: _Member, scan: ScanSettings) -> np.ndarray:
    """Per sentence of ``x``: is it nearly the same as some sentence of ``y`` (each one's content words at
    least ``carried_verbatim`` inside the other)?"""
    common, xs, ys = _word_matrix(x, y)
    out = np.zeros(len(xs), dtype=bool)
    if common.nnz:
        near = (common.data >= scan.carried_verbatim * xs[common.row]) & (
            common.data >= scan.carried_verbatim * ys[common.col]
        )
        out[common.row[near]] = True
    return out & (xs > 0)


def _contained_in(x: _Member, y: _Member, scan: ScanSettings) -> np.ndarray:
    """Per sentence of ``x``: are at least ``carried_verbatim`` of its content words inside one sentence of ``y``?"""
    common, xs, _ys = _word_matrix(x, y)
    out = np.zeros(len(xs), dtype=bool)
    if common.nnz:
        out[common.row[common.data >= scan.carried_verbatim * xs[common.row]]] = True
    return out


def _apart(relation: str, report: Any, unexplained: list[int], x: _Member, y: _Member, scan: ScanSettings) -> bool:
    """Does each side hold enough of its own (sentences, and specifics: numbers, names) for two rewrites of
    one original rather than an original and its copy?"""
    if not x.specifics or not y.specifics:
        return False
    x_own, y_own = len(x.specifics - y.specifics), len(y.specifics - x.specifics)
    share = min(x_own / len(x.specifics), y_own / len(y.specifics))
    if relation == "partially_derived":
        own_sentences = len(unexplained) >= scan.sibling_added * max(1, len(report.derived.body))
        return own_sentences and share >= scan.sibling_own_specifics
    return share >= scan.sibling_derived_own_specifics and min(x_own, y_own) >= scan.sibling_derived_own_count


def _sourced_apart(x: _Member, y: _Member, others: Sequence[_Member], scan: ScanSettings) -> bool:
    """Does each side name something (a name, a figure) the other lacks in any form, and is what they do not
    share found elsewhere in the family, as the parts of a common source that two rewrites kept differently
    would be? With no other article to ask, the first test alone decides.

    A side whose names and figures all occur in the other text holds no material of its own: it may be a
    copy that left things out, not a second rewrite (SheepDog: of the original-rewrite pairs called siblings
    without a common original and with other family members to ask, 18 of 79 had a rewrite with no such
    name; the change moved 24 of all 94 such pairs; RESULTS.md, scan, session 8). Nor is a side that names
    hardly anything of its own against one that names mostly its own (``ScanSettings.sibling_lean_own``). Nor
    are two sides apart when the family's other articles take what one side lacks from the other side only
    (``_one_sided``): then they are most likely that side's copies, and the pair that side and one more copy.

    A near-verbatim copy of either side (``_near_copy``) is that side again, not another article to ask: it
    holds that side's own material and nothing of the other's, whichever way the two came about. Asked, such
    copies decided the pair by how many the side had and by what they added: a rewrite of an absent original
    was a sibling of its sister rewrite yet the copy source of that sister's three syndicated copies (each the
    sister plus a tagline whose one figure was "own" material no other article held; reviewer rev18r)."""
    x_own, y_own = x.specifics - y.forms, y.specifics - x.forms
    if not x_own or not y_own:
        return False
    shares = sorted((len(x_own) / len(x.specifics), len(y_own) / len(y.specifics)))
    if shares[0] < scan.sibling_lean_own and shares[1] >= scan.sibling_rich_own:
        return False  # a lean text inside a rich one: its copy, not its sibling (ScanSettings.sibling_lean_own)
    others = [z for z in others if not (_near_copy(z, x, scan) or _near_copy(z, y, scan))]
    if not others:
        return True
    own = x_own | y_own
    found = own & frozenset().union(*(z.forms for z in others))
    if len(found) < scan.sibling_family_share * len(own):
        return False
    return not _one_sided(x, y, others, scan)


#: Sentence share, both ways, from which another article is a near-verbatim copy of one side of a pair
#: (``_one_sided``): light syndicated copies hold ~0.95+; two heavy rewrites of one text share at most ~0.44
#: on the smaller side (reviewer's screen of SheepDog, session 18).
_COPY_SHARE = 0.9


def _near_copy(z: _Member, m: _Member, scan: ScanSettings) -> bool:
    """Is ``z`` a near-verbatim copy of ``m`` (or ``m`` of ``z``): at least ``_COPY_SHARE`` of each one's
    substantial sentences inside a sentence of the other?"""
    return min(_sentence_shares(z, m, scan)) >= _COPY_SHARE


def _one_sided(x: _Member, y: _Member, others: Sequence[_Member], scan: ScanSettings) -> bool:
    """Do at least ``ScanSettings.sibling_witnesses`` of the other articles draw on one side only? Counted
    over their names and figures that one of the two holds in some form and the other in none: one-sided
    when the side they hold less of gets at most ``sibling_witness_share`` of what the other gets (the
    bound included) and the other at least ``sibling_witness_min``.

    Asked whenever the text gives no direction: undated pairs, and also same-day or half-dated ones
    (same-day wire rewrites are the real case). Only others that draw on a side count as witnesses, so
    candidates that name nothing of either side's own cannot make up the number. Nor does a near-verbatim
    copy of one side (both ways at least ``_COPY_SHARE`` of its sentences in the other): three syndicated
    copies of one rewrite say nothing of how it and another rewrite came about, and counting them made an
    invented copy edge between two rewrites of an absent original."""
    if len(others) < scan.sibling_witnesses:
        return False
    from_x = from_y = drawing = 0
    for z in others:
        zx = sum(1 for s in z.specifics if s in x.forms and s not in y.forms)
        zy = sum(1 for s in z.specifics if s in y.forms and s not in x.forms)
        if not (zx or zy) or _near_copy(z, x, scan) or _near_copy(z, y, scan):
            continue
        drawing += 1
        from_x, from_y = from_x + zx, from_y + zy
    if drawing < scan.sibling_witnesses:
        return False
    fewer, more = sorted((from_x, from_y))
    return more >= scan.sibling_witness_min and fewer <= scan.sibling_witness_share * more
