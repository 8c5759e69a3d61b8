"""HTML pages left undated without a word: a publication date with an impossible UTC offset, and a page whose only
datePublished is its WebSite node's while its article object gives a dateModified."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.article import article_from_html, unread_published

HEADLINE = "Harbour plan approved after long debate"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]
BAD_OFFSET = "2024-03-05T10:00:00+2400"


def _page(head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head>"
        f"<body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    )


def _ld(obj: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- 1. an impossible offset: undated, and said so ------------------------------------------------------------------


def test_a_date_with_an_impossible_offset_is_kept_as_the_unread_value() -> None:
    article = article_from_html(_page(f'<meta property="article:published_time" content="{BAD_OFFSET}">'))
    assert article.published is None and article.text == "\n\n".join(PARAS)
    assert unread_published(article) == BAD_OFFSET  # was None: undated without a warning


def test_compare_warns_about_a_page_whose_date_offset_is_impossible(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(_page(_ld({"@type": "NewsArticle", "datePublished": BAD_OFFSET})))
    good = tmp_path / "good.html"
    good.write_text(_page('<meta property="article:published_time" content="2024-03-06T10:00:00+01:00">'))
    proc = run_cli(["compare", str(good), str(bad), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "bad.html" in warnings[0] and BAD_OFFSET in warnings[0]
    assert "treated as undated" in warnings[0]


def test_index_add_counts_a_page_whose_date_offset_is_impossible(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bad.html").write_text(_page(f'<meta property="article:published_time" content="{BAD_OFFSET}">'))
    proc = run_cli(["index", "add", "--db", str(tmp_path / "x.db"), "--lexical-only", str(pages)])
    assert proc.returncode == 0, proc.stderr
    assert "1 article has a publication date that could not be read" in proc.stderr


def test_a_readable_date_beside_an_impossible_one_is_used_without_a_warning() -> None:
    head = f'<meta property="article:published_time" content="{BAD_OFFSET}">' + _ld(
        {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}
    )
    article = article_from_html(_page(head))
    assert article.published == "2024-03-05T10:00:00+01:00" and unread_published(article) is None


def test_a_modified_date_does_not_stand_in_for_a_publication_date_with_an_impossible_offset() -> None:
    head = _ld({"@type": "NewsArticle", "datePublished": BAD_OFFSET, "dateModified": "2024-03-07T08:00:00+01:00"})
    article = article_from_html(_page(head))
    assert article.published is None and unread_published(article) == BAD_OFFSET


# --- 2. the article's dateModified beside a WebSite node's datePublished ----------------------------------------------

MODIFIED = "2024-03-07T08:00:00+01:00"
WEBSITE = {"@type": "WebSite", "name": "Harbour News", "datePublished": "2019-01-01T00:00:00Z"}


def test_the_articles_modified_date_is_used_beside_a_website_nodes_date_in_a_graph() -> None:
    head = _ld(
        {"@context": "https://schema.org", "@graph": [WEBSITE, {"@type": "NewsArticle", "dateModified": MODIFIED}]}
    )
    article = article_from_html(_page(head))
    # the day alone, as for a page whose only date is a modified one (htmldate's reading of it)
    assert article.published == "2024-03-07"  # was None: the WebSite date disowned, nothing in its place


def test_the_articles_modified_date_is_used_beside_a_website_node_in_another_block() -> None:
    head = _ld(WEBSITE) + _ld({"@type": "NewsArticle", "dateModified": MODIFIED})
    assert article_from_html(_page(head)).published == "2024-03-07"


def test_a_modified_date_alone_still_reads_as_the_day() -> None:
    assert article_from_html(_page(_ld({"@type": "NewsArticle", "dateModified": MODIFIED}))).published == "2024-03-07"
    meta = f'<meta property="article:modified_time" content="{MODIFIED}">'
    assert article_from_html(_page(meta)).published == "2024-03-07"


def test_the_articles_publication_date_still_wins_over_its_modified_date() -> None:
    head = _ld(WEBSITE) + _ld(
        {"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00", "dateModified": MODIFIED}
    )
    assert article_from_html(_page(head)).published == "2024-03-05T10:00:00+01:00"


def test_a_website_date_alone_still_gives_no_date() -> None:
    article = article_from_html(_page(_ld(WEBSITE)))
    assert article.published is None and unread_published(article) is None


def test_a_modified_date_of_another_object_does_not_date_the_story() -> None:
    head = _ld({"@graph": [{**WEBSITE, "dateModified": MODIFIED}, {"@type": "NewsArticle", "headline": HEADLINE}]})
    assert article_from_html(_page(head)).published is None
