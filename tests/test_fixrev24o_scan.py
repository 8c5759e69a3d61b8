"""fixrev24o (review rev24o, items 1-2): within a printed day two stamps with UTC offsets keep their instants' order
(Tokyo 09:00+09:00 before New York 08:00-05:00), as compare's ``published_order`` reads them; and two outlets named
apart stay two on one aggregator's URL host (Reuters and The Independent on msn.com)."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import Article
from storytrace.audit import published_order
from storytrace.cli import main
from storytrace.scan.families import ArticleMeta, best_sources, clusters, host_of, same_articles
from storytrace.scan.judge import PairJudgement, published_key

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")

TOKYO, NEW_YORK = "2025-03-05T09:00:00+09:00", "2025-03-05T08:00:00-05:00"  # 00:00 UTC and 13:00 UTC


def _key(published: str | None) -> tuple[int, int, int, float]:
    return published_key(Article(text="", published=published))


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # session 23's cases (test_fixscan23_review) still hold
        ("2025-03-10T10:10:00", "2025-03-10T23:10:00-05:00"),  # a naive 10:10 before 23:10 (04:10 UTC next day)
        ("2025-03-10T09:00:00+00:00", "2025-03-10T10:30:00"),  # a naive time by its printed clock
        ("2025-03-10T23:50:00+00:00", "2025-03-10"),  # a day alone after its day's times: it says no hour
        ("2025-03-10T23:10:00-05:00", "2025-03-10"),  # ... even a time whose instant is the next day's
        ("2025-03-10", "2025-03-11T00:30:00+05:00"),  # the printed day first
        ("2025-03-11T09:00:00", None),  # undated last
        # two offsets on one printed day: by the instant, not the printed clock (rev24o)
        (TOKYO, NEW_YORK),
        ("2025-03-05T08:00:00-05:00", "2025-03-05T08:30:00-05:00"),
        ("2025-03-05T20:00:00+09:00", "2025-03-05T07:30:00-05:00"),  # 11:00 UTC before 12:30 UTC
    ],
)
def test_published_key_orders_a_printed_day_by_its_seconds_in_utc(earlier: str, later: str | None) -> None:
    assert _key(earlier) < _key(later)


def test_published_key_agrees_with_published_order_on_every_pair_of_offset_stamps_of_one_day() -> None:
    clocks = ("01:00", "08:00", "09:00", "12:30", "20:00", "23:10")
    offsets = ("+09:00", "+05:30", "+00:00", "-05:00", "-08:00")
    stamps = [f"2025-03-05T{c}:00{o}" for c in clocks for o in offsets]
    for a, b in itertools.permutations(stamps, 2):
        order = published_order(Article(text="x", published=a), Article(text="y", published=b))
        if order == "as_given":
            assert _key(a) < _key(b), (a, b)
        elif order == "reversed":
            assert _key(b) < _key(a), (a, b)


def _meta(pos: int, name: str, outlet: str, published: str) -> ArticleMeta:
    return ArticleMeta(pos, name, outlet, published, {})


def test_a_clusters_original_and_first_published_are_the_earlier_instant() -> None:
    for order in ((0, 1), (1, 0)):  # whichever is listed first
        meta = {0: _meta(0, "tokyo", "Kyodo", TOKYO), 1: _meta(1, "ny", "NY Daily", NEW_YORK)}
        (cluster,) = clusters([PairJudgement(*order, "sibling", "unclear", 0.5, 0.5, "sibling_check")], meta)
        assert (cluster["original_id"], cluster["first_published"]) == ("tokyo", TOKYO)


def test_a_best_source_tie_goes_to_the_earlier_instant() -> None:
    meta = {
        0: _meta(0, "a-ny", "NY Daily", NEW_YORK),  # the smaller id and the earlier printed clock, 13 h later
        1: _meta(1, "b-tokyo", "Kyodo", TOKYO),
        2: _meta(2, "rw", "Farm", "2025-03-06T10:00:00+00:00"),
    }
    judged = [PairJudgement(s, 2, "derived", "as_given", 0.9, 0.5, "lexical", scores={"reuse": 0.8}) for s in (0, 1)]
    assert meta[best_sources(judged, meta)[2].source].id == "b-tokyo"


def _scan(corpus: Path, out: Path) -> None:
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1"]) == 0


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_scan_names_the_tokyo_wire_first_published_of_its_family(tmp_path: Path) -> None:
    rows = [
        {"id": "wire", "text": ORIGINAL, "outlet": "Kyodo Wire", "published": TOKYO},
        {"id": "farm", "text": REWRITE, "outlet": "NY Buzz", "published": NEW_YORK},
    ]
    _scan(_write(tmp_path / "c.jsonl", rows), tmp_path / "out")
    (cluster,) = [json.loads(line) for line in (tmp_path / "out" / "clusters.jsonl").read_text().splitlines()]
    assert (cluster["original_id"], cluster["first_published"]) == ("wire", TOKYO)


def _url_meta(pos: int, outlet: str | None, url: str) -> ArticleMeta:
    # as ArticleMeta.of names an outlet: its own name, else its URL's host
    fields = {"url": url, **({"outlet": outlet} if outlet else {})}
    return ArticleMeta(pos, f"a{pos}", outlet or host_of(url), "2025-03-08T09:30:00+00:00", fields)


def test_two_named_outlets_on_one_aggregator_host_are_two_outlets() -> None:
    reuters = _url_meta(0, "Reuters", "https://www.msn.com/en-gb/news/world/fire/ar-AA1")
    independent = _url_meta(1, "The Independent", "https://www.msn.com/en-gb/news/uk/fire/ar-AA2")
    assert same_articles({(0, 1)}, {0: reuters, 1: independent}) == {}
    # one side named by its host alone, or spelling its host as its outlet: one outlet, as before
    unnamed = _url_meta(1, None, "https://msn.com/en-gb/news/uk/fire/ar-AA2")
    host_named = _url_meta(1, "www.MSN.com", "https://www.msn.com/en-gb/news/uk/fire/ar-AA2")
    assert same_articles({(0, 1)}, {0: reuters, 1: unnamed}) == {1: 0}
    assert same_articles({(0, 1)}, {0: reuters, 1: host_named}) == {1: 0}
    # and one name is one outlet whatever the hosts
    page = _url_meta(1, "Reuters", "https://reuters.example/fire")
    assert same_articles({(0, 1)}, {0: reuters, 1: page}) == {1: 0}


def test_scan_counts_another_outlets_copy_on_an_aggregator_as_derived(tmp_path: Path) -> None:
    rows = [
        {
            "id": "msn-reuters",
            "text": ORIGINAL,
            "outlet": "Reuters",
            "url": "https://www.msn.com/en-gb/news/world/story/ar-AA1",
            "published": "2025-03-02T19:00:00+00:00",
        },
        {
            "id": "msn-independent",
            "text": ORIGINAL,
            "outlet": "The Independent",
            "url": "https://www.msn.com/en-gb/news/uk/story/ar-AA2",
            "published": "2025-03-02T22:00:00+00:00",
        },
    ]
    _scan(_write(tmp_path / "c.jsonl", rows), tmp_path / "out")
    with (tmp_path / "out" / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = {r["outlet"]: r for r in csv.DictReader(fh)}
    independent = outlets["The Independent"]
    assert (independent["articles"], independent["derived"], independent["from_outlets"]) == ("1", "1", "Reuters:1")
    assert outlets["Reuters"]["originals_copied"] == "1"
