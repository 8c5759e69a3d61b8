"""trace names a story's original, not another outlet's rewrite of it, when the index holds both.

A second rewrite of one original reads much like a first, so by reuse alone the suspect's sibling came first
(benchmarks/eval_trace_siblings.py). A real copy of a rewrite still names that rewrite.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.article import Article
from storytrace.index.store import Index

ORIGINAL = (
    "The Springfield city council voted 7-2 on Tuesday to close the Elm Street library at the end of April. "
    "Mayor Jane Holt said the branch costs the city $400,000 a year and draws fewer than 90 visitors a day. "
    "Tom Reyes, who heads the librarians' union, called the vote a disgrace and said the union would appeal. "
    "The branch's 12,000 books will move to the central library on Main Street, officials said. "
    "Council member Ana Ortiz, one of the two votes against, said the city had not consulted residents."
)
# Another outlet's rewrite: the original's story in its own words, with less of its detail, and comment.
REWRITE = (
    "In a contentious decision, Springfield's council has voted to close the Elm Street library. "
    "Mayor Jane Holt argued the branch costs $400,000 a year while drawing few visitors. "
    "The decision has sparked deep concern among residents who rely on the library every day. "
    "Many see the closure as a troubling sign of the city's shifting priorities. "
    "Critics argue that the move will leave the community without a vital resource."
)
# A third outlet's rewrite of the original: worded like the other rewrite, but it names the union's head
# and the vote, which only the original holds.
SIBLING = (
    "In a contentious 7-2 decision, Springfield's council has moved to shut the Elm Street library. "
    "Mayor Jane Holt argued that the branch, costing $400,000 a year, draws too few visitors. "
    "Tom Reyes of the librarians' union called the vote a disgrace. "
    "The closure has sparked deep concern among residents who depend on the library."
)
# A copy of the other rewrite, lightly edited: its own comment sentences restated word for word.
COPY_OF_REWRITE = (
    "In a contentious decision, Springfield's council has voted to close the Elm Street library. "
    "Mayor Jane Holt argued the branch costs $400,000 a year while drawing few visitors. "
    "The decision has sparked deep concern among residents who rely on the library every day. "
    "Many see the closure as a troubling sign of the city's shifting priorities. "
    "Critics argue the move will leave the community without a vital resource."
)
UNRELATED = (
    "The regional rail operator will raise fares by 4% from June, its chief executive Paul Brenner said. "
    "The increase follows two years of frozen prices and rising energy costs, the company said in a statement."
)


def _index(path: Path, *, dated: bool = False) -> Index:
    index = Index(path)
    index.add(
        [
            Article(id="original", text=ORIGINAL, published="2024-03-05" if dated else None),
            Article(id="rewrite", text=REWRITE, published="2024-03-06" if dated else None),
            Article(id="rail", text=UNRELATED),
        ]
    )
    return index


def test_a_sibling_rewrite_is_traced_to_the_original_not_to_the_other_rewrite(tmp_path: Path) -> None:
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(id="s", text=SIBLING), top=5)
    qualifying = [c.id for c in result.candidates if c.qualifies]
    assert set(qualifying) >= {"original", "rewrite"}  # both explain it: the order decides
    by_reuse = max(
        (c for c in result.candidates if c.qualifies and c.report),
        key=lambda c: c.report.scores.reuse if c.report else 0.0,
    )
    assert by_reuse.id == "rewrite"  # what reuse alone named
    assert result.source == "original"
    assert result.candidates[0].id == "original"


def test_a_copy_of_a_rewrite_is_traced_to_that_rewrite(tmp_path: Path) -> None:
    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(id="s", text=COPY_OF_REWRITE), top=5)
    assert result.source == "rewrite"


def test_dates_decide_between_a_source_and_its_restatement(tmp_path: Path) -> None:
    # The rewrite holds nothing the original lacks and is the younger: the original is named. The same two
    # dated the other way round keep the first-ranked one (an older text is not a restatement of a younger).
    suspect = Article(
        id="s",
        text=(
            "In a contested decision, the Springfield council has moved to shut the Elm Street library. "
            "Mayor Jane Holt argued that the branch, at $400,000 a year, draws few visitors. "
            "Residents who rely on the library every day are deeply concerned."
        ),
        published="2024-03-07",
    )
    with _index(tmp_path / "a.db", dated=True) as index:
        assert index.trace(suspect, top=5).source == "original"
    with Index(tmp_path / "b.db") as index:
        index.add(
            [
                Article(id="original", text=ORIGINAL, published="2024-03-06"),
                Article(id="rewrite", text=REWRITE, published="2024-03-05"),
            ]
        )
        assert index.trace(suspect, top=5).source == "rewrite"


def test_a_short_word_for_word_excerpt_of_a_rewrite_is_traced_to_that_rewrite(tmp_path: Path) -> None:
    # Two sentences copied whole from the rewrite: all the suspect restates it word for word, fewer than 3.
    excerpt = ". ".join(REWRITE.split(". ")[:2]) + "."
    with _index(tmp_path / "i.db") as index:
        assert index.trace(Article(id="s", text=excerpt), top=5).source == "rewrite"


# Another outlet's own reporting of the same council meeting: other facts, not a rewrite of the wire story.
LOCAL_PAPER = (
    "Residents packed City Hall in Springfield on Tuesday as the council debated the Elm Street library. "
    "Librarian Sarah Kim, who has worked at the branch since 1998, said Riverside families would lose their "
    "only reading room. "
    "Governor Mark Dillon's office said the state had offered Springfield a Literacy Fund grant of $2 million. "
    "The Friends of Elm Street Library group said it would collect signatures for a ballot measure in November. "
    "Deputy Mayor Luis Ortega said the grant could not cover the branch's running costs."
)


def test_the_main_part_of_a_stitched_suspect_stays_its_source(tmp_path: Path) -> None:
    # Four sentences of the wire story (paraphrased) and two copied from a local paper: two parts, not two
    # versions, so the local paper's names do not make it the source.
    suspect = (
        "The Springfield city council voted on Tuesday to close the Elm Street library at the end of April. "
        "The mayor said the branch costs the city a lot of money each year and draws few visitors a day. "
        "The head of the librarians' union called the vote a disgrace and said the union would appeal. "
        "The branch's books will move to the central library, officials said. "
        "Librarian Sarah Kim, who has worked at the branch since 1998, said Riverside families would lose their "
        "only reading room. "
        "Governor Mark Dillon's office said the state had offered Springfield a Literacy Fund grant of $2 million."
    )
    with Index(tmp_path / "i.db") as index:
        index.add(
            [
                Article(id="council-wire", text=ORIGINAL),
                Article(id="local-paper", text=LOCAL_PAPER),
                Article(id="rail", text=UNRELATED),
            ]
        )
        result = index.trace(Article(id="s", text=suspect), top=5)
    assert result.source == "council-wire"
    assert result.stitched


def test_a_copy_carrying_the_originals_web_address_is_traced_to_the_original(tmp_path: Path) -> None:
    # Scraped pages keep the original's canonical address: the same address does not make it the same article.
    address = "https://wire.example/2024/03/elm-street-library"
    with Index(tmp_path / "i.db") as index:
        index.add([Article(id="wire-1", text=ORIGINAL, url=address), Article(id="rail", text=UNRELATED)])
        copy = Article(id="farm.html", text=ORIGINAL.replace("said", "told reporters"), url=address)
        assert index.trace(copy, top=5).source == "wire-1"


SHEEPDOG = Path(__file__).resolve().parents[2] / "shared" / "eval" / "sheepdog-train"


@pytest.mark.skipif(not SHEEPDOG.exists(), reason="needs ../shared/eval/sheepdog-train")
def test_sheepdog_rewrites_traced_to_their_original_beside_their_siblings(tmp_path: Path) -> None:
    # Three SheepDog stories whose sensational rewrite reuse alone traced to another rewrite of the original
    # (benchmarks/eval_trace_siblings.py, seed 16): the original and the three other rewrites indexed.
    stories = ("politifact_train_159", "politifact_train_324", "politifact_train_330")
    originals = {}
    for line in (SHEEPDOG / "originals.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in stories:
            originals[d["id"]] = d["text"]
    rewrites = {}
    for line in (SHEEPDOG / "rewrites.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["orig_id"] in stories:
            rewrites[d["id"]] = d["text"]
    with Index(tmp_path / "i.db") as index:
        index.add(
            [Article(id=k, text=v) for k, v in originals.items()]
            + [Article(id=k, text=v) for k, v in rewrites.items() if not k.endswith("-sensational")]
        )
        for story in stories:
            result = index.trace(Article(id="s", text=rewrites[f"{story}-sensational"]), top=5)
            assert result.source == story


def test_versions_of_one_story_are_not_called_a_stitched_suspect(tmp_path: Path) -> None:
    # Original and rewrite explain the same suspect sentences: two versions of one story, not two parts.
    from storytrace.report.html import trace_to_html

    with _index(tmp_path / "i.db") as index:
        result = index.trace(Article(id="s", text=SIBLING), top=5)
    assert sum(c.qualifies for c in result.candidates) >= 2
    assert result.stitched is False
    assert result.to_dict()["stitched"] is False
    note = result.sources_note()
    assert note is not None and note.startswith("Other versions of the story")
    html = trace_to_html(result)
    assert "Other versions of the story" in html and "stitched" not in html
