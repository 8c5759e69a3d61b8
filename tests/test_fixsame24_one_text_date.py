"""fixsame24 (rev24b 5): one text under several ids has one date for the undecided-pair guess.

A wire holds its story under a dated id (wire-1) and an undated one (its saved page, wire-1-page); a farm's
near-verbatim copy is dated a day later. Nothing in the near-identical texts tells a direction, so the page and the
copy were oriented by the guess alone, and "a dated article before an undated one" made the farm's copy the page's
source. The outlet figures read the page as the wire's record (``families.same_articles``): outlets.csv said the
wire derived an article from the farm, and summary.json counted two derived articles where there is one. Now the
page is dated by its text's earliest dated copy (``judge.source_first``), and ``families.best_sources`` drops an
undecided pair that a known pair of the same two articles contradicts.
"""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.scan.families import ArticleMeta, best_sources, same_articles
from storytrace.scan.judge import PairJudgement, _one_text_dates, _one_text_firsts, source_first

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
RECORD_AT, COPY_AT = "2024-03-14T08:00:00+00:00", "2024-03-15T09:00:00+00:00"
ROWS: list[dict[str, Any]] = [
    {"id": "wire-1", "text": ORIGINAL, "outlet": "Wire", "published": RECORD_AT},
    # the wire's record again: its saved page, undated, other spacing
    {"id": "wire-1-page", "text": ORIGINAL.replace("\n", "\n\n"), "outlet": "Wire"},
    # a near-verbatim copy a day later: one word changed, nothing in the texts says which came first
    {"id": "farm-1", "text": ORIGINAL.replace("said", "stated", 1), "outlet": "Farm", "published": COPY_AT},
]


def _articles(rows: list[dict[str, Any]]) -> dict[int, Article]:
    return {k: Article(id=r["id"], text=r["text"], published=r.get("published")) for k, r in enumerate(rows)}


def _ids(articles: dict[int, Article], pair: tuple[int, int]) -> tuple[str, str]:
    return str(articles[pair[0]].id), str(articles[pair[1]].id)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_undated_page_of_a_dated_record_falls_before_a_later_copy(order: tuple[int, ...]) -> None:
    articles = _articles([ROWS[k] for k in order])
    pos = {str(a.id): p for p, a in articles.items()}
    record, page, copy = pos["wire-1"], pos["wire-1-page"], pos["farm-1"]
    firsts = _one_text_firsts(articles)
    dated = _one_text_dates(articles, firsts)
    assert dated == {record: record, page: record}
    # by its own stamp alone the page was undated, and the dated copy its guessed source
    assert _ids(articles, source_first(page, copy, articles, firsts)) == ("farm-1", "wire-1-page")
    for a, b in ((page, copy), (copy, page)):
        assert _ids(articles, source_first(a, b, articles, firsts, dated)) == ("wire-1-page", "farm-1")
    # within the text, the dated record stays before its undated page
    for a, b in ((page, record), (record, page)):
        assert _ids(articles, source_first(a, b, articles, firsts, dated)) == ("wire-1", "wire-1-page")


def test_the_text_is_dated_by_its_earliest_dated_copy_and_own_stamps_still_decide_first() -> None:
    rows = [
        {**ROWS[0], "id": "wire-9", "published": "2024-03-16"},  # a later dated copy of the text
        ROWS[1],
        {**ROWS[0], "id": "wire-0"},  # the earliest: RECORD_AT
        ROWS[2],
    ]
    articles = _articles(rows)
    firsts = _one_text_firsts(articles)
    dated = _one_text_dates(articles, firsts)
    assert dated == {0: 2, 1: 2, 2: 2}
    assert _ids(articles, source_first(3, 1, articles, firsts, dated)) == ("wire-1-page", "farm-1")
    # the copy dated after the farm's by its own stamp stays after it: a stamp is evidence, the text's date a guess
    assert _ids(articles, source_first(3, 0, articles, firsts, dated)) == ("farm-1", "wire-9")
    # a text with no dated copy is still undated: the dated copy first, as before
    undated = _articles([{**ROWS[0], "published": None}, ROWS[1], ROWS[2]])
    firsts = _one_text_firsts(undated)
    assert _one_text_dates(undated, firsts) == {}
    assert _ids(undated, source_first(1, 2, undated, firsts, {})) == ("farm-1", "wire-1-page")


def _meta(pos: int, row: dict[str, Any]) -> ArticleMeta:
    return ArticleMeta(
        pos, row["id"], row["outlet"], row.get("published"), {k: v for k, v in row.items() if k != "text"}
    )


def test_an_undecided_pair_a_known_pair_contradicts_through_a_repeat_counts_no_copy() -> None:
    meta = {k: _meta(k, r) for k, r in enumerate(ROWS)}
    record, page, copy = 0, 1, 2
    same = same_articles({(record, page)}, meta)
    assert same == {page: record}
    judged = [
        PairJudgement(record, copy, "derived", "as_given", 0.9, 0.9, "lexical", scores={"reuse": 0.98}),
        PairJudgement(record, page, "derived", "unclear", 0.5, 1.0, "lexical", scores={"reuse": 1.0}),
        # the guess before the fix: the page (read as the record) the copy of the farm's copy
        PairJudgement(copy, page, "derived", "unclear", 0.5, 0.9, "lexical", scores={"reuse": 0.98}),
    ]
    best = best_sources(judged, meta, same)
    assert {meta[d].id: meta[j.source].id for d, j in best.items()} == {"farm-1": "wire-1"}


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_scan_does_not_accuse_the_wire_of_copying_its_copier(tmp_path: Path, order: tuple[int, ...]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(ROWS[k]) + "\n" for k in order), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1"]) == 0
    with (out / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = {r["outlet"]: r for r in csv.DictReader(fh)}
    assert (outlets["Wire"]["derived"], outlets["Wire"]["from_outlets"]) == ("0", "")
    assert (outlets["Farm"]["derived"], outlets["Farm"]["from_outlets"]) == ("1", "Wire:1")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["derived_articles"], summary["same_article_pairs"]) == (1, 1)
    pairs = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((p["source_id"], p["derived_id"]) for p in pairs) == [
        ("wire-1", "farm-1"),
        ("wire-1", "wire-1-page"),
        ("wire-1-page", "farm-1"),
    ]


def test_a_repeat_dated_after_the_copy_does_not_outweigh_its_record_s_own_pair(tmp_path: Path) -> None:
    # the saved page carries a later stamp of its own (an update or the crawl): by the stamps the farm's copy is
    # the page's source, while the record, of which the page is a repeat, is known to be the farm's source. The
    # record's own pair speaks for the article the outlet figures count; its repeat's only stands in for it.
    rows = [ROWS[0], {**ROWS[1], "published": "2024-03-16"}, ROWS[2]]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1"]) == 0
    pairs = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ("farm-1", "wire-1-page") in {(p["source_id"], p["derived_id"]) for p in pairs}  # as the stamps say
    with (out / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = {r["outlet"]: r for r in csv.DictReader(fh)}
    assert (outlets["Wire"]["derived"], outlets["Farm"]["from_outlets"]) == ("0", "Wire:1")
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["derived_articles"] == 1
