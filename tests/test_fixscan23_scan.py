"""fixscan23 (qa23b): which side of an undirected pair is the source, read from parsed stamps as compare reads them
(an undated side or a naive time orders nothing: then a dated side, else the smaller id, is the source); lag hours
only between two offset times; an order-free best source; a resumed scan keeps its skipped records and writes
pairs.jsonl as a fresh one; Ctrl-C says how to go on; the same article under two ids is marked and counted once."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.audit import published_order
from storytrace.cli import main
from storytrace.scan.families import ArticleMeta, best_sources, lag_hours, outlet_edges, outlet_rows
from storytrace.scan.judge import PairJudgement, judge_component

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _copy_pair(
    first: str | None, second: str | None, ids: tuple[str, str] = ("listed-first", "listed-second")
) -> PairJudgement:
    """A word-for-word copy (no sign in the text of which came first) listed second, with the given stamps."""
    articles = {
        0: Article(text=ORIGINAL, id=ids[0], outlet="Wire", published=first),
        1: Article(text=ORIGINAL, id=ids[1], outlet="Farm", published=second),
    }
    (judged,) = judge_component(articles, [(0, 1, 0.9, 0)])
    assert judged.relation == "derived"
    return judged


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (None, "2025-03-05T10:00:00+00:00"),  # an undated side sorted after every dated one
        ("2025-03-05T14:30:00+00:00", "2025-03-05 10:30"),  # a naive time sorted before an offset one as a string
        ("2025-03-05T14:30:00+00:00", "2025-03-05"),  # a day alone, the same day
        ("2025-03-05T10:00:00+00:00", "2025-03-05T10:20:00+00:00"),  # under an hour apart
    ],
)
def test_stamps_that_do_not_order_the_two_leave_the_smaller_id_the_source_whatever_the_order(
    first: str | None, second: str | None
) -> None:
    assert published_order(Article(text="x", published=first), Article(text="x", published=second)) is None
    judged = _copy_pair(first, second)
    expected = (1, 0) if first is None else (0, 1)  # a dated side before an undated one, else the smaller id
    assert (judged.source, judged.derived, judged.direction) == (*expected, "unclear")
    # listed the other way round (ids with their articles): the same article the source
    judged = _copy_pair(second, first, ("listed-second", "listed-first"))
    assert (judged.source, judged.derived) == ((0, 1) if first is None else (1, 0))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("2025-03-06", "2025-03-05T23:00:00+00:00"),  # days apart as printed
        ("2025-03-05T16:00:00+02:00", "2025-03-05T12:00:00+00:00"),  # offsets read: 14:00 UTC is after 12:00 UTC
        ("Published 6 March 2025", "2025-03-05"),  # a stamp parsed, not sorted as a string ("P" > "2")
    ],
)
def test_stamps_that_order_the_two_make_the_earlier_published_the_source(first: str, second: str) -> None:
    judged = _copy_pair(first, second)
    assert (judged.source, judged.derived) == (1, 0)


def _meta(pos: int, published: str | None, outlet: str = "O") -> ArticleMeta:
    return ArticleMeta(pos, f"a{pos}", outlet, published, {})


@pytest.mark.parametrize(
    ("source", "derived", "lag"),
    [
        # a time without its offset is read as compare reads it: no time, so whole days (was 4.0, as UTC)
        ("2025-03-05T14:30:00+00:00", "2025-03-05 10:30", 0.0),
        ("2025-03-05 10:30", "2025-03-06 09:00", 24.0),
        ("2025-03-05T14:30:00+00:00", "2025-03-05T18:30:00+02:00", 2.0),
        ("Published 5 March 2025", "2025-03-07", 48.0),
    ],
)
def test_a_lag_reads_stamps_as_the_direction_does(source: str, derived: str, lag: float) -> None:
    assert lag_hours(_meta(0, source), _meta(1, derived)) == lag


def _pair(src: int, der: int, reuse: float) -> PairJudgement:
    return PairJudgement(src, der, "derived", "as_given", 0.9, 0.5, "lexical", scores={"reuse": reuse})


def test_a_tie_on_reuse_goes_to_the_source_a_syndicated_copy_copies_whatever_the_order() -> None:
    stamps = {"wire": "2025-03-02T19:00:00+00:00", "copy": "2025-03-02T21:00:00+00:00", "rw": "2025-03-03"}
    outlets = {"wire": "Wire", "copy": "Buzz", "rw": "News"}
    for order in (["copy", "rw", "wire"], ["wire", "copy", "rw"], ["rw", "copy", "wire"]):
        pos = {name: k for k, name in enumerate(order)}
        meta = {pos[n]: ArticleMeta(pos[n], n, outlets[n], stamps[n], {}) for n in order}
        judged = [
            _pair(pos["wire"], pos["copy"], 1.0),
            _pair(pos["copy"], pos["rw"], 0.871),  # the copy listed before the wire: once its credit
            _pair(pos["wire"], pos["rw"], 0.871),
        ]
        best = best_sources(judged, meta)
        assert meta[best[pos["rw"]].source].id == "wire", order
        rows = {r["outlet"]: r for r in outlet_rows(judged, meta)}
        assert rows["News"]["from_outlets"] == "Wire:1"
        assert rows["News"]["median_lag_hours"] == 24.0


def test_a_tie_between_unrelated_sources_goes_to_the_earlier_published_then_the_smaller_id() -> None:
    for first, second in ((0, 1), (1, 0)):
        meta = {
            first: ArticleMeta(first, "b", "B", "2025-03-02", {}),
            second: ArticleMeta(second, "a", "A", "2025-03-03", {}),
            2: ArticleMeta(2, "c", "C", "2025-03-04", {}),
        }
        assert best_sources([_pair(0, 2, 0.8), _pair(1, 2, 0.8)], meta)[2].source == first
        undated = {p: ArticleMeta(p, m.id, m.outlet, None, {}) for p, m in meta.items()}
        assert undated[best_sources([_pair(0, 2, 0.8), _pair(1, 2, 0.8)], undated)[2].source].id == "a"


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _scan(*args: str) -> int:
    return main(["scan", *args, "--workers", "1"])


def test_a_resumed_scan_keeps_its_skipped_records_and_writes_the_pairs_a_fresh_one_does(tmp_path: Path) -> None:
    rows = [
        {"id": "wire", "text": ORIGINAL, "outlet": "Wire", "published": "2024-03-14T08:00:00+00:00"},
        {"id": "farm", "text": REWRITE, "outlet": "Farm", "published": "2024-03-15T12:00:00+00:00"},
        {"id": "wire", "text": "A repeated id, skipped."},
    ]
    corpus = _write(tmp_path / "c.jsonl", rows)
    fresh, resumed = tmp_path / "fresh", tmp_path / "resumed"
    assert _scan(str(corpus), "--out", str(fresh)) == 3
    assert _scan(str(corpus), "--out", str(resumed), "--to", "pairs") == 3
    assert _scan(str(corpus), "--out", str(resumed), "--resume") == 3  # was 0: the skipped record forgotten
    summary = json.loads((resumed / "summary.json").read_text(encoding="utf-8"))
    assert summary["bad_records"] == 1 == len((resumed / "errors.txt").read_text(encoding="utf-8").splitlines())
    assert "<b>1</b>skipped records" in (resumed / "report.html").read_text(encoding="utf-8")
    # judged.jsonl keeps sorted keys: read back, the scores come in the order a fresh judgement gives them
    assert (fresh / "pairs.jsonl").read_bytes() == (resumed / "pairs.jsonl").read_bytes()
    assert list(json.loads((resumed / "pairs.jsonl").read_text(encoding="utf-8"))["scores"]) == [
        "reuse",
        "verbatim",
        "coverage",
        "similarity",
        "candidate",
    ]


def test_ctrl_c_during_a_scan_says_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import storytrace.scan

    def interrupted(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyboardInterrupt  # the user's key press, which no scan part stands in for

    monkeypatch.setattr(storytrace.scan, "scan", interrupted)
    corpus = _write(tmp_path / "c.jsonl", [{"id": "a", "text": ORIGINAL}])
    assert _scan(str(corpus), "--out", str(tmp_path / "out")) == 130
    err = capsys.readouterr().err
    assert err.strip() == "storytrace: error: interrupted; run the same command with --resume"


def test_the_same_article_under_two_ids_is_marked_and_no_copy_of_its_outlet(tmp_path: Path) -> None:
    stamp = "2024-03-14T08:00:00+00:00"
    rows = [
        {"id": "wire", "text": ORIGINAL, "outlet": "Wire", "published": stamp},
        # the saved page of the same story: other line breaks, the same text
        {"id": "wire-page", "text": "\n\n".join(ORIGINAL.split("\n")), "outlet": "Wire", "published": stamp},
        {"id": "farm", "text": REWRITE, "outlet": "Farm", "published": "2024-03-15T12:00:00+00:00"},
    ]
    out = tmp_path / "out"
    assert _scan(str(_write(tmp_path / "c.jsonl", rows)), "--out", str(out)) == 0
    pairs = {
        (p["source_id"], p["derived_id"]): p
        for p in map(json.loads, (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines())
    }
    twin = pairs[("wire", "wire-page")]
    assert twin["identical_text"] is True and twin["relation"] == "derived"
    assert not any(p.get("identical_text") for key, p in pairs.items() if "farm" in key)
    with (out / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = {r["outlet"]: r for r in csv.DictReader(fh)}
    # once: one article, not derived from itself (was articles 2, derived 1, from "Wire:1")
    assert (outlets["Wire"]["articles"], outlets["Wire"]["derived"], outlets["Wire"]["from_outlets"]) == ("1", "0", "")
    assert outlets["Farm"]["from_outlets"] == "Wire:1"


def test_an_identical_text_from_another_outlet_is_still_a_copy_in_the_outlet_figures() -> None:
    # a word-for-word syndicated copy is copying: only the same outlet's twin leaves the figures
    meta = {0: _meta(0, "2025-03-02", "Wire"), 1: _meta(1, "2025-03-03", "Buzz"), 2: _meta(2, "2025-03-02", "Wire")}
    judged = [_pair(0, 1, 1.0), _pair(0, 2, 1.0)]
    edges = outlet_edges(judged, meta, same={2: 0})
    assert edges == {("Wire", "Buzz"): 1}
