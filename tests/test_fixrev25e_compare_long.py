"""rev25e 1/2: misc25 compared a text of more than 2,000 sentences by its first 2,000, so a story quoting a hearing
transcript's last speakers came out "unrelated" (trace, uncapped, named the transcript its source) and a live blog
holding the wire story at its bottom got 29 false omissions. The cost bounded was embedding every sentence: such a
text is now aligned whole on its words and only the open sentences sharing the most words with the other text are
embedded (at most ``MAX_EMBEDDED_SENTENCES`` a side)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storytrace.align import align, link_paraphrases
from storytrace.article import Article
from storytrace.comparison import compare
from storytrace.embed import get_embedder
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS, MAX_EMBEDDED_SENTENCES
from storytrace.text import analyse

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")

TRANSCRIPT = (
    "Senate finance committee hearing transcript, February 20\n\n"
    + "\n\n".join(
        f"SEN. WHITCOMBE: Question {k} concerns line item {k} of the tender budget for the seawall works."
        for k in range(2200)
    )
    + "\n\nDR. LINDQVIST: Seawalls are almost never finished on budget, and this one will cost at least $300 million "
    "more than the state has said.\n\nSEN. OKAFOR: The committee will vote on the amendment on March 14 and the bill "
    "will go to the full Senate the same week."
)
STORY = (
    "Engineer warns seawall will run $300 million over budget\n\n"
    "A coastal engineer told state senators on Tuesday that Port Calloway's new seawall would cost at least $300 "
    'million more than the state has said. "Seawalls are almost never finished on budget," Dr. Amara Lindqvist '
    "told the Senate finance committee. Sen. Harriet Okafor said the committee would vote on the amendment on March "
    "14 and that the bill would go to the full Senate the same week."
)
PLACES = ["the north jetty", "the ferry terminal", "Marrow County", "the lower town", "the harbor mouth", "Gull St"]
BLOG = (
    "Port Calloway seawall vote: live updates\n\n"
    + "\n\n".join(
        f"{8 + (k % 12)}:{k % 60:02d} update {2150 - k}: crews reported water levels near {PLACES[k % 6]} at "
        f"{1 + k % 9} feet, officials said."
        for k in range(2150)
    )
    + "\n\n"
    + ORIGINAL.split("\n", 1)[1]
)


def _embed_counted(counts: list[int]):  # type: ignore[no-untyped-def]
    embedder = get_embedder()

    def embed(texts: Sequence[str]) -> np.ndarray:
        counts.append(len(texts))
        return embedder.embed(texts)

    return embed


def test_a_story_from_a_long_transcripts_end_is_derived_in_compare_as_in_trace() -> None:
    assert len(analyse(Article(text=TRANSCRIPT)).body) > MAX_EMBEDDED_SENTENCES
    counts: list[int] = []
    for settings, embed in ((LEXICAL, None), (DEFAULT_SETTINGS, _embed_counted(counts))):
        report = compare(Article(text=TRANSCRIPT, id="t"), Article(text=STORY, id="s"), settings=settings, embed=embed)
        assert report.verdict.relation == "derived", settings.use_embeddings
        assert report.source.text == TRANSCRIPT  # compared whole
        assert report.scores.reuse > 0.5
    assert 0 < sum(counts) <= 2 * MAX_EMBEDDED_SENTENCES  # not every sentence embedded
    (note,) = [w for w in report.warnings if "word by word" in w]
    assert note.startswith("the source text has 2,203 sentences: every sentence was aligned word by word")
    with tempfile.TemporaryDirectory() as tmp, Index(Path(tmp) / "t.db", lexical_only=True) as index:
        index.add([Article(text=TRANSCRIPT, id="transcript")])
        assert index.trace(Article(text=STORY, id="story"), top=3, settings=LEXICAL).source == "transcript"


def test_a_long_live_blog_holding_the_wire_at_its_bottom_omits_nothing() -> None:
    for settings in (LEXICAL, DEFAULT_SETTINGS):
        report = compare(Article(text=ORIGINAL, id="wire"), Article(text=BLOG, id="blog"), settings=settings)
        assert report.derived.text == BLOG
        assert [f for f in report.findings if f.type == "fact_omitted"] == [], settings.use_embeddings
        assert report.scores.coverage > 0.95


def test_the_budget_bounds_the_sentences_embedded_and_names_those_left() -> None:
    source, derived = analyse(Article(text=ORIGINAL)), analyse(Article(text=BLOG))
    lexical = align(source, derived, settings=LEXICAL)
    counts: list[int] = []
    bounded = link_paraphrases(lexical, _embed_counted(counts), settings=LEXICAL, budget=50)
    assert len(counts) == 1 and counts[0] <= 100  # at most 50 a side
    assert len(bounded.not_embedded) > 0
    unbounded = link_paraphrases(lexical, _embed_counted(counts), settings=LEXICAL)
    assert unbounded.not_embedded == () and counts[1] > counts[0]
    # the wire story the blog holds word for word is linked either way
    assert len(bounded.omitted) == len(unbounded.omitted) == 0


def test_findings_about_sentences_not_compared_by_meaning_are_told_low() -> None:
    from storytrace.comparison import _not_compared_by_meaning

    rewrite = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")
    report = compare(ORIGINAL, rewrite, settings=LEXICAL)
    added = [f for f in report.findings if f.type == "claim_added" and f.derived and f.severity != "low"]
    assert added
    target = added[0]
    assert target.derived is not None
    (left,) = [s.index for s in report.derived.sentences if s.start <= target.derived[0] < s.end]
    softened = _not_compared_by_meaning(report, (left,))
    (after,) = [f for f in softened.findings if f.type == "claim_added" and f.derived == target.derived]
    assert after.severity == "low" and after.detail.endswith("(not in the part compared by meaning)")
    # a finding on a sentence that was compared by meaning is untouched
    others = [f for f in report.findings if f.type == "claim_added" and f.derived and f.derived != target.derived]
    assert all(
        f in softened.findings
        for f in others
        if not any(s.index == left for s in report.derived.sentences if s.start <= f.derived[0] < s.end)
    )
