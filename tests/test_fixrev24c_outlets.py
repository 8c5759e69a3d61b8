"""fixrev24c (review rev24c, item 2): one outlet spelled two ways on its own site ("BBC News" in its feed, "BBC"
as its saved page's og:site_name, one bbc.co.uk URL, one text) is one outlet, not a copy of itself; two outlets
named apart on an aggregator's host (Reuters and The Independent on msn.com) stay two (rev24o)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from storytrace.cli import main
from storytrace.scan.families import ArticleMeta, same_articles

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
REWRITE = (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8")


def _meta(pos: int, outlet: str, url: str) -> ArticleMeta:
    return ArticleMeta(pos, f"a{pos}", outlet, "2025-03-03T09:00:00+00:00", {"url": url, "outlet": outlet})


@pytest.mark.parametrize(
    ("first", "second", "url", "one_outlet"),
    [
        ("BBC News", "BBC", "https://www.bbc.co.uk/news/articles/c4g0dunmarsh", True),
        ("Yahoo News", "Yahoo", "https://news.yahoo.com/fire-in-dunmarsh-120000.html", True),
        ("Reuters", "The Independent", "https://www.msn.com/en-gb/news/uk/fire/ar-AA1", False),
        # a name that is not the host's keeps the two apart even when the other's is
        ("Reuters", "Yahoo News", "https://news.yahoo.com/fire-in-dunmarsh-120000.html", False),
        ("BBC", "Reuters", "https://www.bbc.co.uk/news/articles/c4g0dunmarsh", False),
    ],
)
def test_two_names_on_one_host_are_one_outlet_only_when_both_are_the_hosts(
    first: str, second: str, url: str, one_outlet: bool
) -> None:
    meta = {0: _meta(0, first, url), 1: _meta(1, second, url)}
    assert same_articles({(0, 1)}, meta) == ({1: 0} if one_outlet else {})


def test_scan_counts_a_feed_record_and_its_saved_page_as_one_bbc_article(tmp_path: Path) -> None:
    url = "https://www.bbc.co.uk/news/articles/c4g0dunmarsh"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [
        {
            "id": "bbc-feed",
            "text": ORIGINAL,
            "outlet": "BBC News",
            "url": url,
            "published": "2025-03-03T09:00:00+00:00",
        },
        {
            "id": "farm",
            "text": REWRITE,
            "outlet": "NewsNow24",
            "url": "https://newsnow24.example/fire",
            "published": "2025-03-03T14:30:00+00:00",
        },
    ]
    (corpus / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in ORIGINAL.split("\n\n") if p.strip())
    (corpus / "bbc-page.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Story - BBC News</title>'
        f'<meta property="og:site_name" content="BBC"><meta property="og:url" content="{url}">'
        '<meta property="article:published_time" content="2025-03-03T09:00:00+00:00"></head>'
        f"<body><article>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    assert main(["scan", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    with (tmp_path / "out" / "outlets.csv").open(encoding="utf-8") as fh:
        outlets = {r["outlet"]: r for r in csv.DictReader(fh)}
    bbc = {name: row for name, row in outlets.items() if name.startswith("BBC")}
    assert bbc, outlets.keys()
    # no BBC spelling is said to derive from the other: nothing was copied
    assert all(row["derived"] == "0" for row in bbc.values()), bbc
    assert sum(int(row["articles"]) for row in bbc.values()) == 1
    assert outlets["NewsNow24"]["from_outlets"].startswith("BBC")
