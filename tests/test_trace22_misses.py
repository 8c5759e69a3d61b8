"""trace22: eval_trace.py --misses names the kind of each miss, so the final ranking's misses can be counted by
what would fix them (retrieval, compare's verdict on the original, another candidate ranked first)."""

from __future__ import annotations

import sys
from pathlib import Path

from storytrace.article import Article
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from eval_trace import miss_kind

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
RING = (
    "A gold ring believed to be worth more than a million pounds has been found by a detectorist in a field near "
    "Thetford. The British Museum said the ring dated from the reign of Henry VIII."
)
COIN = "An old bronze coin believed to be worth more than a house was dug up by pupils of a village school in Kent."
COIN_STORY = (
    "Pupils of a village school in Kent dug up an old bronze coin during a science lesson. "
    "A dealer said the coin could be worth more than a house, and the school plans to put it on display."
)


def test_each_kind_of_miss(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=RING, id="ring"), Article(text=COIN_STORY, id="coin-story")])
        result = index.trace(Article(text=COIN, id="coin"), top=3, settings=LEXICAL)
    listed = list(result.candidates)
    retrieved = [c.id for c in sorted(listed, key=lambda c: -c.score)]
    assert result.source == "coin-story"
    assert miss_kind("coin-story", result.source, retrieved, listed) is None
    # had the ring been the original: the coin story qualified and came first
    kind = miss_kind("ring", result.source, retrieved, listed)
    assert kind is not None and kind.startswith("another candidate qualified first")
    assert miss_kind("elsewhere", result.source, retrieved, listed) == "retrieval: original not among the candidates"


def test_an_original_that_explains_no_sentence_counts_under_compares_verdict(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=RING, id="ring")])
        result = index.trace(Article(text=COIN, id="coin"), top=3, settings=LEXICAL)
    listed = list(result.candidates)
    kind = miss_kind("ring", result.source, ["ring"], listed)
    # Since clean22, compare itself gives no (partly) derived relation without a linked sentence, so such an
    # original is counted under compare's own verdict.
    assert kind is not None and kind.startswith("compare: original judged ")
    assert "derived" not in kind
