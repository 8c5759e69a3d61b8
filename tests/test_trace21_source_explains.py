"""trace21: a source explains at least one suspect sentence. Compare counts words copied in runs even inside a
sentence it links to nothing, so a stock phrase shared with another story's article made that article "partially
derived" and named it the source of a one-sentence summary."""

from __future__ import annotations

from pathlib import Path

from storytrace.article import Article
from storytrace.comparison import compare
from storytrace.index import Index
from storytrace.settings import DEFAULT_SETTINGS

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


def test_compare_calls_the_shared_phrase_partly_derived_with_no_sentence_linked() -> None:
    # the premise: what trace has to guard against (compare's verdict is left as it is)
    report = compare(RING, COIN, settings=LEXICAL)
    assert report.verdict.relation == "partially_derived"
    assert all(link.kind == "added" for link in report.alignment.links)


def test_an_article_that_explains_no_suspect_sentence_is_not_its_source(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=RING, id="ring")])
        result = index.trace(Article(text=COIN, id="coin"), top=3, settings=LEXICAL)
    (ring,) = result.candidates
    assert ring.report is not None and ring.report.verdict.relation == "partially_derived"
    assert not ring.qualifies and ring.contributed == ()
    assert result.source is None
    assert result.to_dict()["candidates"][0]["qualifies"] is False


def test_the_story_the_suspect_restates_is_its_source_and_ranks_first(tmp_path: Path) -> None:
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([Article(text=RING, id="ring"), Article(text=COIN_STORY, id="coin-story")])
        result = index.trace(Article(text=COIN, id="coin"), top=3, settings=LEXICAL)
    assert result.source == "coin-story"
    assert result.candidates[0].id == "coin-story"
    assert not {c.id: c for c in result.candidates}["ring"].qualifies
