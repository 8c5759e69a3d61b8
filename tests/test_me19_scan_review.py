"""Review of edge19 (rev19r): the late common-source pass asks again only pairs whose order the corpus decided
(an original the text orients stays its rewrites' source: SheepDog story 112 lost three pairs to it), and a
republication line is a short line of its own that speaks of publishing the text, not a story sentence about
sharing or reprinting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan.judge import _REPUBLICATION, judge_component

SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"
needs_sheepdog = pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")
STORY = "politifact_train_112"


@needs_sheepdog
def test_an_original_oriented_by_its_text_stays_its_rewrites_source() -> None:
    with (SHEEPDOG / "originals.jsonl").open(encoding="utf-8") as fh:
        original = next(d["text"] for d in map(json.loads, fh) if d["id"] == STORY)
    with (SHEEPDOG / "rewrites.jsonl").open(encoding="utf-8") as fh:
        rewrites = {d["variant"]: d["text"] for d in map(json.loads, fh) if d["orig_id"] == STORY}
    order = ["objective", "neutral", "emotionally_triggering", "sensational"]
    family = [Article(id=STORY, text=original)] + [Article(id=f"{STORY}-{v}", text=rewrites[v]) for v in order]
    articles = dict(enumerate(family))
    pairs = [(a, b, 0.5, 0) for a in articles for b in articles if a < b]
    judged = {(articles[j.source].id, articles[j.derived].id): j.relation for j in judge_component(articles, pairs)}
    for variant in ("emotionally_triggering", "sensational"):
        assert judged.get((STORY, f"{STORY}-{variant}")) in ("derived", "partially_derived"), judged


@pytest.mark.parametrize(
    ("line", "republication"),
    [
        ("this story was shared by partner outlet number 4.", True),
        ("this article originally appeared in the riverside courier.", True),
        ("this story was originally published by the conversation.", True),
        ("republished with permission.", True),
        ("this story was shared more than 40,000 times on facebook.", False),
        ("this article was published in violation of a court order.", False),
        ("the cartoon was later reprinted by dozens of newspapers across the state.", False),
        ("editor's note: since this article was published, it went viral on social media.", False),
    ],
)
def test_a_republication_line_speaks_of_publishing_the_text(line: str, republication: bool) -> None:
    assert bool(_REPUBLICATION.search(line)) is republication
