"""Two rewrites of an absent original, one of them republished by partners: no invented copy edge, and the
copies' source found whatever order the corpus lists them in.

x and y are two LLM rewrites of one SheepDog story whose original is not in the corpus; c1..c3 are partner
copies of x (x's text, a word changed, a tagline "This story was shared by partner outlet number k." added).
Expected: x -> c1..c3 copies, x ~ y siblings, and no copy edge between y and a copy of x, nor between two
copies (reviewer rev18r's repro, issue 5).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.scan.judge import (
    ScanSettings,
    _member_of,
    _own_material,
    _republished,
    _sourced_apart,
    judge_component,
)

SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"
needs_sheepdog = pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")
_REUSE = ("derived", "partially_derived")
STORY = "politifact_train_103"


def _rewrite(variant: str) -> str:
    with (SHEEPDOG / "rewrites.jsonl").open(encoding="utf-8") as fh:
        return next(d["text"] for d in map(json.loads, fh) if d["orig_id"] == STORY and d["variant"] == variant)


def _partner_copy(text: str, k: int) -> str:
    out = text.replace(" the ", " this ", 1) if k == 2 else text
    return out + f"\n\nThis story was shared by partner outlet number {k}."


def _family() -> dict[str, Article]:
    x, y = _rewrite("emotionally_triggering"), _rewrite("sensational")
    arts = [Article(id="x", text=x), Article(id="y", text=y)]
    arts += [Article(id=f"c{k}", text=_partner_copy(x, k)) for k in (1, 2, 3)]
    return {a.id: a for a in arts}


def _judged(order: tuple[str, ...]) -> dict[frozenset[str], tuple[str, str, str]]:
    family = _family()
    articles = dict(enumerate(family[i] for i in order))
    pairs = [(a, b, 0.5, 0) for a in articles for b in articles if a < b]
    return {
        frozenset((articles[j.source].id, articles[j.derived].id)): (
            articles[j.source].id,
            articles[j.derived].id,
            j.relation,
        )
        for j in judge_component(articles, pairs)
    }


@needs_sheepdog
@pytest.mark.parametrize("order", [("x", "y", "c1", "c2", "c3"), ("c1", "y", "c3", "x", "c2")])
def test_no_copy_edge_but_from_the_rewrite_to_its_copies(order: tuple[str, ...]) -> None:
    judged = _judged(order)
    for c in ("c1", "c2", "c3"):
        # the rewrite is its copies' source, whichever is listed first (the copy carries the partner's line)
        source, _derived, relation = judged[frozenset(("x", c))]
        assert relation in _REUSE and source == "x", (order, judged[frozenset(("x", c))])
        # the sister rewrite copied none of them
        assert judged[frozenset(("y", c))][2] not in _REUSE, (order, judged[frozenset(("y", c))])
    assert judged[frozenset(("x", "y"))][2] not in _REUSE, order
    for a, b in (("c1", "c2"), ("c1", "c3"), ("c2", "c3")):
        # two partners' copies of one text: their look-alike taglines are no material one took from the other
        assert judged[frozenset((a, b))][2] not in _REUSE, (order, judged[frozenset((a, b))])


@needs_sheepdog
def test_copies_of_one_side_are_that_side_not_witnesses() -> None:
    family = _family()
    x, y, c1, c2, c3 = (_member_of(family[i]) for i in ("x", "y", "c1", "c2", "c3"))
    scan = ScanSettings()
    # asked with x's copies beside it, the pair is judged as it is alone
    assert _sourced_apart(y, c1, [x, c2, c3], scan) == _sourced_apart(y, c1, [], scan)
    assert _sourced_apart(x, y, [c1, c2, c3], scan) == _sourced_apart(x, y, [], scan)
    # a witness that is no copy of either side still counts: the sister's text asked about a copy pair
    assert _sourced_apart(x, c1, [y], scan) == _sourced_apart(x, c1, [y, c2], scan)


def test_republication_lines_are_read_at_the_ends_only() -> None:
    story = (
        "The council voted on Tuesday to close the old bridge for repairs. "
        "Engineers found cracks in three of the bridge's supports last spring. "
        "Repairs are expected to take eight months and cost 4 million dollars. "
        "Drivers will be sent over the river road until the work is done. "
        "The article published by the Times on Monday first called the bridge unsafe."
    )
    tagged = story + "\n\nThis article originally appeared in the Riverside Courier."
    assert not _republished(_member_of(Article(id="a", text=story)))
    marks = _republished(_member_of(Article(id="b", text=tagged)))
    assert marks == {"this article originally appeared in the riverside courier."}
    shared = story + "\n\nThis story was shared by partner outlet number 4."
    m = _member_of(Article(id="c", text=shared))
    last = len(m.doc.body) - 1
    assert _own_material(m, [1, last]) == [1]  # the line is no material of the story's own


def test_undated_copy_listed_first_is_still_the_copy() -> None:
    story = (
        "The council voted on Tuesday to close the old Harlow bridge for repairs after a long debate. "
        "Engineers found cracks in three of the bridge's supports during an inspection last spring. "
        "Repairs are expected to take eight months and to cost about 4 million dollars in all. "
        "Mayor Ellen Carter said the city had no choice but to close the crossing for safety. "
        "Drivers will be sent over the river road until the work on the bridge is finished. "
        "Local shop owners fear that the long detour will keep customers away from the town centre."
    )
    copy = story + "\n\nThis story was shared by partner outlet number 4."
    for order in ((copy, story), (story, copy)):
        articles = {k: Article(id="copy" if t == copy else "story", text=t) for k, t in enumerate(order)}
        (j,) = judge_component(articles, [(0, 1, 0.9, 0)])
        assert j.relation in _REUSE
        assert (articles[j.source].id, articles[j.derived].id) == ("story", "copy")
