"""fixrev24c (review rev24c, item 1): "the earliest published" across two printed days near midnight. A London
wire stamped 2025-03-04T01:00Z comes 3.5 hours before a New York rewrite stamped 2025-03-03T23:30-05:00, as
compare's ``published_order`` reads the two; a family's original, its first_published and a best-source tie said
the rewrite, by the printed day."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

from storytrace.article import Article
from storytrace.audit import publication_stamp, published_order, unpreceded
from storytrace.cli import main
from storytrace.scan.families import ArticleMeta, best_sources, clusters
from storytrace.scan.judge import PairJudgement, published_key

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")

LONDON, NEW_YORK = "2025-03-04T01:00:00+00:00", "2025-03-03T23:30:00-05:00"  # 01:00 UTC and 04:30 UTC, Mar 4

# stamps on two printed days around midnight: times with offsets, naive times, days alone, undated
STAMPS = [
    *(
        f"2025-03-0{d}T{c}{o}"
        for d in (3, 4)
        for c in ("00:30:00", "01:00:00", "23:30:00")
        for o in ("+05:00", "+00:00", "-05:00")
    ),
    "2025-03-03T22:00:00",
    "2025-03-04T00:10:00",
    "2025-03-03",
    "2025-03-04",
    None,
]


def _article(published: str | None) -> Article:
    return Article(text="x", published=published)


def _preceded_by_some_other(stamps: list[str | None]) -> list[int]:
    """The definition ``unpreceded`` is a linear reading of: no other published before, pair by pair."""
    arts = [_article(s) for s in stamps]
    return [
        k
        for k, a in enumerate(arts)
        if not any(published_order(b, a) == "as_given" for j, b in enumerate(arts) if j != k)
    ]


def test_the_key_alone_takes_the_new_york_rewrite_first() -> None:
    # why unpreceded is asked first: the printed day orders these two the other way round from their instants
    assert published_order(_article(LONDON), _article(NEW_YORK)) == "as_given"
    assert published_key(_article(NEW_YORK)) < published_key(_article(LONDON))
    assert unpreceded([publication_stamp(_article(NEW_YORK)), publication_stamp(_article(LONDON))]) == [1]


def test_unpreceded_agrees_with_published_order_pair_by_pair() -> None:
    assert unpreceded([publication_stamp(_article(s)) for s in STAMPS]) == _preceded_by_some_other(STAMPS)
    rng = random.Random(24)
    for size in (2, 3, 4, 6):
        for _ in range(150):
            stamps = rng.sample(STAMPS, size)
            assert unpreceded([publication_stamp(_article(s)) for s in stamps]) == _preceded_by_some_other(stamps), (
                stamps
            )
    for a, b in itertools.permutations(STAMPS, 2):
        assert unpreceded([publication_stamp(_article(a)), publication_stamp(_article(b))]) == _preceded_by_some_other(
            [a, b]
        ), (a, b)


def _meta(pos: int, name: str, outlet: str, published: str) -> ArticleMeta:
    return ArticleMeta(pos, name, outlet, published, {})


def test_a_sibling_familys_original_and_first_published_across_midnight() -> None:
    for order in ((0, 1), (1, 0)):
        meta = {0: _meta(0, "london", "Wire UK", LONDON), 1: _meta(1, "ny", "NY Daily", NEW_YORK)}
        (cluster,) = clusters([PairJudgement(*order, "sibling", "unclear", 0.5, 0.5, "sibling_check")], meta)
        assert (cluster["original_id"], cluster["first_published"]) == ("london", LONDON)


def test_the_same_day_rules_still_choose_where_the_stamps_order_nothing() -> None:
    # a naive 10:10 and 23:10-05:00 of one printed day: published_order orders nothing, the printed clock decides
    meta = {0: _meta(0, "y", "News", "2025-03-10T10:10:00"), 1: _meta(1, "z", "Pulse", "2025-03-10T23:10:00-05:00")}
    (cluster,) = clusters([PairJudgement(1, 0, "sibling", "unclear", 0.5, 0.5, "sibling_check")], meta)
    assert (cluster["original_id"], cluster["first_published"]) == ("y", "2025-03-10T10:10:00")
    # a day alone before the next printed day's time whose instant is on the first day
    meta = {0: _meta(0, "b", "News", "2025-03-11T00:30:00+05:00"), 1: _meta(1, "c", "Pulse", "2025-03-10")}
    (cluster,) = clusters([PairJudgement(0, 1, "sibling", "unclear", 0.5, 0.5, "sibling_check")], meta)
    assert (cluster["original_id"], cluster["first_published"]) == ("c", "2025-03-10")


def test_a_best_source_tie_across_midnight_goes_to_the_earlier_instant() -> None:
    meta = {
        0: _meta(0, "a-ny", "NY Daily", NEW_YORK),  # the smaller id and the earlier printed day, 3.5 h later
        1: _meta(1, "b-london", "Wire UK", LONDON),
        2: _meta(2, "rw", "Farm", "2025-03-04T10:00:00+00:00"),
    }
    judged = [PairJudgement(s, 2, "derived", "as_given", 0.9, 0.5, "lexical", scores={"reuse": 0.8}) for s in (0, 1)]
    assert meta[best_sources(judged, meta)[2].source].id == "b-london"


def test_scan_names_the_london_wire_first_published_across_midnight(tmp_path: Path) -> None:
    rows = [
        {"id": "farm", "text": REWRITE, "outlet": "NY Buzz", "published": NEW_YORK},
        {"id": "wire", "text": ORIGINAL, "outlet": "Wire UK", "published": LONDON},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["scan", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    (cluster,) = [json.loads(line) for line in (tmp_path / "out" / "clusters.jsonl").read_text().splitlines()]
    assert (cluster["original_id"], cluster["first_published"]) == ("wire", LONDON)
