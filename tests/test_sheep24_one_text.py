"""sheep24: one text under several ids is one text to the undecided-pair guess (``judge.source_first``).

SheepDog holds some originals two or three times under other ids (politifact_train_64, _142 and _148 are one
text). Guessed by its own id, a rewrite whose id sorts between two of those copies ("politifact_train_142-neutral"
between "politifact_train_142" and "politifact_train_64") came out the source of one copy and the copy of the
other; the original it was made the source of then had its own rewrites judged its siblings through it. That lost
16 original-rewrite pairs when the guess stopped following the input order (eace19d); now the guess reads the
smallest id of the text's copies, so a rewrite falls before all of them or after all of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan.judge import _one_text_firsts, judge_component, source_first

SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"
needs_sheepdog = pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")
_REUSE = ("derived", "partially_derived")

WIRE = (
    "The council voted on Tuesday to close the old Harlow bridge for repairs after a long debate. "
    "Engineers found cracks in three of the bridge's supports during an inspection last spring."
)
REWRITE = "Harlow's old bridge will shut for repairs, the council decided on Tuesday, after cracks were found."


def test_a_rewrite_whose_id_sorts_between_two_copies_of_its_original_falls_after_both() -> None:
    articles = {
        0: Article(id="story-a", text=WIRE),
        1: Article(id="story-a-rewrite", text=REWRITE),
        2: Article(id="story-b", text=WIRE.replace(" the ", "  the ", 1)),  # spacing aside, the same text
    }
    firsts = _one_text_firsts(articles)
    assert firsts == {0: ("story-a", 0), 2: ("story-a", 0)}
    # by their own ids "story-a-rewrite" < "story-b": the rewrite was the guessed source of the second copy
    assert source_first(1, 2, articles) == (1, 2)
    assert source_first(1, 2, articles, firsts) == (2, 1)
    assert source_first(2, 1, articles, firsts) == (2, 1)
    assert source_first(0, 1, articles, firsts) == (0, 1)
    # two copies of one text: the smaller id first, as before
    assert source_first(2, 0, articles, firsts) == (0, 2)
    # a stamp still decides before any guess
    dated = {**articles, 1: Article(id="story-a-rewrite", text=REWRITE, published="2025-03-01")}
    assert source_first(1, 2, dated, _one_text_firsts(dated)) == (1, 2)


def _sheepdog_texts(ids: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name in ("originals.jsonl", "rewrites.jsonl"):
        with (SHEEPDOG / name).open(encoding="utf-8") as fh:
            texts.update((row["id"], row["text"]) for row in map(json.loads, fh) if row["id"] in ids)
    return texts


def _judge(order: list[str], texts: dict[str, str]) -> dict[frozenset[str], tuple[str, str, str, str | None]]:
    articles = {k: Article(id=i, text=texts[i]) for k, i in enumerate(order)}
    pairs = [(a, b, 0.5, 0) for a in articles for b in articles if a < b]
    out = {}
    for j in judge_component(articles, pairs):
        common = None if j.common_source is None else str(articles[j.common_source].id)
        src, der = str(articles[j.source].id), str(articles[j.derived].id)
        out[frozenset((src, der))] = (src, der, j.relation, common)
    return out


@needs_sheepdog
def test_sheepdog_original_held_twice_keeps_its_rewrite_whatever_the_listing() -> None:
    ids = [
        "politifact_train_142",
        "politifact_train_142-neutral",
        "politifact_train_64",
        "politifact_train_64-objective",
    ]
    texts = _sheepdog_texts(set(ids))
    assert set(texts) == set(ids), "the eval set's layout changed"
    assert texts["politifact_train_142"] == texts["politifact_train_64"]
    judged = _judge(ids, texts)
    own = judged[frozenset(("politifact_train_64", "politifact_train_64-objective"))]
    # was a sibling of its own rewrite through politifact_train_142-neutral, guessed 64's source by id
    assert own[:3] == ("politifact_train_64", "politifact_train_64-objective", "derived"), own
    assert judged[frozenset(("politifact_train_64", "politifact_train_142-neutral"))][0] == "politifact_train_64"
    # the same corpus listed the other way round: the same judgements, pair for pair
    assert _judge(ids[::-1], texts) == judged
    assert _judge([ids[2], ids[0], ids[3], ids[1]], texts) == judged
