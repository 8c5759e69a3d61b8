"""fixscan23 after review (rev23s): the order a corpus lists its articles in decides nothing (which side of an
undecided pair is the source, a best-source tie, the outlet figures); within a printed day stamps are taken by the
printed clock; one outlet by name or URL host; a resumed stage dir of an older storytrace keeps its skipped records
and says it is older; a rewrite judged only against its source's repeat counts as copying that source."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.cli import main
from storytrace.scan import families
from storytrace.scan.families import (
    ArticleMeta,
    best_sources,
    clusters,
    identical_texts,
    outlet_edges,
    outlet_rows,
    same_articles,
)
from storytrace.scan.judge import PairJudgement, published_key
from storytrace.scan.stages import StageDir

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _scan(*args: str) -> int:
    return main(["scan", *args, "--workers", "1"])


def _outlets(out: Path) -> dict[str, dict[str, str]]:
    with (out / "outlets.csv").open(encoding="utf-8") as fh:
        return {r["outlet"]: r for r in csv.DictReader(fh)}


def test_a_crawl_listed_newest_first_gives_the_pairs_and_figures_it_gives_listed_oldest_first(tmp_path: Path) -> None:
    rows = [
        # the wire's story dated, its word-for-word copy on an aggregator undated (id sorts first: the date decides)
        {"id": "wire", "text": ORIGINAL, "outlet": "Wire", "published": "2024-03-14T08:00:00+00:00"},
        {"id": "agg", "text": ORIGINAL, "outlet": "Aggregator"},
        {"id": "farm", "text": REWRITE, "outlet": "Farm", "published": "2024-03-15"},
    ]
    oldest, newest = tmp_path / "oldest", tmp_path / "newest"
    assert _scan(str(_write(tmp_path / "a.jsonl", rows)), "--out", str(oldest)) == 0
    assert _scan(str(_write(tmp_path / "b.jsonl", rows[::-1])), "--out", str(newest)) == 0
    pairs = [json.loads(line) for line in (oldest / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    copy = next(p for p in pairs if {p["source_id"], p["derived_id"]} == {"wire", "agg"})
    assert (copy["source_id"], copy["direction_confidence"]) == ("wire", 0.5)  # the dated side; a guess, said so
    for name in ("pairs.jsonl", "clusters.jsonl", "outlets.csv"):
        assert (oldest / name).read_bytes() == (newest / name).read_bytes(), name
    outlets = _outlets(oldest)
    assert (outlets["Aggregator"]["derived"], outlets["Aggregator"]["unclear_direction"]) == ("1", "1")
    assert outlets["Farm"]["unclear_direction"] == "0"


def _judged(src: int, der: int, reuse: float, direction: str = "as_given") -> PairJudgement:
    confidence = 0.9 if direction == "as_given" else 0.5
    return PairJudgement(src, der, "derived", direction, confidence, 0.5, "lexical", scores={"reuse": reuse})


def test_a_best_source_tie_reads_only_directed_copies_so_an_undecided_pair_does_not_follow_the_listing() -> None:
    # rev23s r1: the wire and its syndicated copy, one text, the copy dated by day alone: which copied the other is a
    # guess (unclear). Read as "the wire copies the copy" it once gave the rewrite's credit to the copy.
    stamps = {"wire": "2025-03-02T19:00:00+00:00", "a-copy": "2025-03-02", "rw": "2025-03-03T19:00:00+00:00"}
    outlets = {"wire": "Wire", "a-copy": "Buzz", "rw": "News"}
    for copy_first in (True, False):
        order = ["a-copy", "wire", "rw"] if copy_first else ["wire", "a-copy", "rw"]
        pos = {name: k for k, name in enumerate(order)}
        meta = {pos[n]: ArticleMeta(pos[n], n, outlets[n], stamps[n], {}) for n in order}
        guessed = (pos["a-copy"], pos["wire"]) if copy_first else (pos["wire"], pos["a-copy"])
        judged = [
            _judged(*guessed, 1.0, "unclear"),
            _judged(pos["a-copy"], pos["rw"], 0.87),
            _judged(pos["wire"], pos["rw"], 0.87),
        ]
        # a tie: then the earlier published (a timed stamp before a day alone of its day), then the smaller id
        assert meta[best_sources(judged, meta)[pos["rw"]].source].id == "wire", order
        rows = {r["outlet"]: r for r in outlet_rows(judged, meta)}
        assert rows["News"]["from_outlets"] == "Wire:1"


def test_from_outlets_ties_are_by_name_not_by_which_was_met_first() -> None:
    meta = {p: ArticleMeta(p, f"a{p}", o, "2025-03-02", {}) for p, o in enumerate(("Zeta", "Alpha", "News", "News"))}
    judged = [_judged(0, 2, 0.9), _judged(1, 3, 0.9)]
    assert {r["outlet"]: r for r in outlet_rows(judged, meta)}["News"]["from_outlets"] == "Alpha:1; Zeta:1"


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2025-03-10T10:10:00", "2025-03-10T23:10:00-05:00"),  # a naive 10:10 before 23:10 (04:10 UTC next day)
        ("2025-03-10T09:00:00+00:00", "2025-03-10T10:30:00"),  # the printed clock, naive or not
        ("2025-03-10T23:50:00+00:00", "2025-03-10"),  # a day alone after its day's times: it says no hour
        ("2025-03-10", "2025-03-11T00:30:00+05:00"),  # the printed day first
        ("2025-03-11T09:00:00", None),  # undated last
    ],
)
def test_published_key_takes_a_printed_day_by_its_printed_clock(earlier: str, later: str | None) -> None:
    assert published_key(Article(text="", published=earlier)) < published_key(Article(text="", published=later))


def test_a_clusters_first_published_and_original_read_the_printed_clock() -> None:
    # rev23s r9: the naive 10:10 was put after every offset time of its day
    meta = {
        0: ArticleMeta(0, "y", "News", "2025-03-10T10:10:00", {}),
        1: ArticleMeta(1, "z", "Pulse", "2025-03-10T23:10:00-05:00", {}),
    }
    (cluster,) = clusters([PairJudgement(0, 1, "sibling", "unclear", 0.5, 0.5, "sibling_check")], meta)
    assert (cluster["original_id"], cluster["first_published"]) == ("y", "2025-03-10T10:10:00")


def _url_meta(pos: int, outlet: str | None, url: str | None) -> ArticleMeta:
    # as ArticleMeta.of names an outlet: its own name, else its URL's host
    fields = {"url": url} if url else {}
    return ArticleMeta(pos, f"a{pos}", outlet or families.host_of(url), "2025-03-08T09:30:00+00:00", fields)


def test_one_outlet_by_name_or_by_url_host() -> None:
    record = _url_meta(0, None, "https://nordispatch.example/library-wire")
    page = _url_meta(1, "Northern Dispatch", "https://www.nordispatch.example/library-wire-page")
    other = _url_meta(2, "Buzz", "https://buzz.example/library")
    assert same_articles({(0, 1)}, {0: record, 1: page}) == {1: 0}
    assert same_articles({(0, 2)}, {0: record, 2: other}) == {}
    assert same_articles({(0, 1)}, {0: _url_meta(0, "Wire", None), 1: _url_meta(1, "Wire", None)}) == {1: 0}


def test_a_rewrite_judged_only_against_the_repeat_counts_as_copying_the_article_it_repeats() -> None:
    # rev23s r7: the farm's candidates held the wire's saved page, not its JSONL record
    meta = {
        0: ArticleMeta(0, "wire", "Wire", "2025-03-02T19:00:00+00:00", {}),
        1: ArticleMeta(1, "wire-page", "Wire", "2025-03-02T19:00:00+00:00", {}),
        2: ArticleMeta(2, "farm", "Farm", "2025-03-03T08:00:00+00:00", {}),
    }
    judged = [_judged(0, 1, 1.0), _judged(1, 2, 0.85)]
    same = same_articles({(0, 1)}, meta)
    rows = {r["outlet"]: r for r in outlet_rows(judged, meta, same)}
    assert (rows["Farm"]["derived"], rows["Farm"]["from_outlets"]) == (1, "Wire:1")  # was 0, ""
    assert (rows["Wire"]["articles"], rows["Wire"]["derived"], rows["Wire"]["originals_copied"]) == (1, 0, 1)
    assert outlet_edges(judged, meta, same) == {("Wire", "Farm"): 1}


def test_identical_texts_reads_the_articles_a_batch_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = {p: Article(text=ORIGINAL if p < 4 else REWRITE, id=f"a{p}") for p in range(6)}
    articles[3] = Article(text="  ".join(ORIGINAL.split()), id="a3")  # spacing aside, the same text
    asked: list[set[int]] = []

    def texts(positions: set[int]) -> Mapping[int, Article]:
        asked.append(positions)
        return {p: articles[p] for p in positions}

    monkeypatch.setattr(families, "IDENTICAL_BATCH", 2)
    judged = [_judged(0, 1, 1.0), _judged(0, 2, 1.0), _judged(0, 3, 1.0), _judged(0, 4, 1.0), _judged(4, 5, 0.5)]
    assert identical_texts(judged, texts) == {(0, 1), (0, 2), (0, 3)}
    assert [len(a) for a in asked] == [3, 3]  # two batches of two pairs; the pair below full reuse never read


def test_resuming_a_stage_dir_of_an_older_storytrace_keeps_its_skipped_records_and_says_it_is_older(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {"id": "wire", "text": ORIGINAL, "outlet": "Wire", "published": "2024-03-14T08:00:00+00:00"},
        {"id": "farm", "text": REWRITE, "outlet": "Farm", "published": "2024-03-15T12:00:00+00:00"},
        {"id": "wire", "text": "A repeated id, skipped."},
    ]
    corpus, out = _write(tmp_path / "c.jsonl", rows), tmp_path / "out"
    assert _scan(str(corpus), "--out", str(out), "--to", "pairs") == 3
    stages = StageDir(out)
    # what an older storytrace left: no skipped.json, no version in the manifest
    stages.skipped_path.unlink()
    manifest = json.loads(stages.manifest_path.read_text(encoding="utf-8"))
    del manifest["version"]
    stages.manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    capsys.readouterr()
    assert _scan(str(corpus), "--out", str(out), "--resume") == 3  # was 0
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["bad_records"] == 1
    assert "come from an older storytrace" in capsys.readouterr().err
    assert json.loads(stages.manifest_path.read_text(encoding="utf-8")).get("version") is None  # still older
    # a fresh directory records its version, and resuming it says nothing of age
    again = tmp_path / "again"
    assert _scan(str(corpus), "--out", str(again), "--to", "pairs") == 3
    capsys.readouterr()
    assert _scan(str(corpus), "--out", str(again), "--resume") == 3
    assert "older storytrace" not in capsys.readouterr().err


def test_an_older_stage_dirs_skipped_records_are_its_error_lines_but_the_pairs_too_long_to_judge(
    tmp_path: Path,
) -> None:
    (tmp_path / "errors.txt").write_text(
        "c.jsonl:3: duplicate id 'wire' (the first one is kept)\n"
        "c.jsonl:7: no text\n"
        "a and b: too long to compare sentence by sentence, not judged\n",
        encoding="utf-8",
    )
    assert StageDir(tmp_path).read_skipped() == 2
    assert StageDir(tmp_path / "none").read_skipped() == 0
