"""HTML pages that lost text or misread their date: a malformed date offset, a lone time of day in the story,
bylines with a role in lower case, editor's notes, and JSON-LD dates that read two ways, belong to another object,
sit in a block that is not strict JSON, or carry an offset no place has."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storytrace.article import article_from_html, load_article

HEADLINE = "Harbour plan approved after long debate"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]


def _page(head: str = "", body: str | None = None) -> str:
    body = body if body is not None else "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head>"
        f"<body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    )


def _ld(obj: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --- a malformed date no longer loses the article ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["2024-03-05T10:00:00+2400", "2024-03-05T10:00:00-2500"])
def test_a_page_whose_date_offset_is_malformed_keeps_its_text(value: str) -> None:
    article = article_from_html(_page(f'<meta property="article:published_time" content="{value}">'))
    assert article.text == "\n\n".join(PARAS)  # was "no article text found": htmldate raised inside trafilatura
    assert article.title == HEADLINE and article.published is None


def test_a_page_whose_date_offset_is_malformed_is_compared(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(_page('<meta property="article:published_time" content="2024-03-05T10:00:00+2400">'))
    good = tmp_path / "good.html"
    good.write_text(_page('<meta property="article:published_time" content="2024-03-06T10:00:00+01:00">'))
    proc = run_cli(["compare", str(good), str(bad), "--no-embeddings", "--format", "json"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["scores"]["reuse"] > 0.9


def test_the_date_is_read_from_elsewhere_on_a_page_whose_meta_date_is_malformed() -> None:
    head = '<meta property="article:published_time" content="2024-03-05T10:00:00+2400">' + _ld(
        {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2024-03-05T10:00:00+01:00"}
    )
    article = article_from_html(_page(head))
    assert article.text == "\n\n".join(PARAS) and article.published == "2024-03-05T10:00:00+01:00"


# --- time stamps --------------------------------------------------------------------------------------------------


def test_a_lone_time_of_day_in_a_story_is_kept() -> None:
    body = f"<p>{PARAS[0]}</p><p>5 AM</p><p>{PARAS[1]}</p><p>{PARAS[2]}</p>"
    assert article_from_html(_page(body=body)).text.split("\n\n") == [PARAS[0], "5 AM", PARAS[1], PARAS[2]]


def test_stamps_heading_live_blog_entries_are_left_out() -> None:
    stamps = ["9:05", "9:40", "10:15"]
    body = "".join(f'<div class="entry"><p>{t}</p><p>{p}</p></div>' for t, p in zip(stamps, PARAS, strict=True))
    assert article_from_html(_page(body=body)).text.split("\n\n") == PARAS


# --- bylines and editor's notes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe, staff writer",
        "By Jane Doe, senior correspondent",
        "BY JANE DOE, staff writer, Harbour Gazette",
        "Editor's note: this story was updated on March 6 to correct the number of piers.",
        "Editor\u2019s Note \u2014 This article has been updated with comment from the port authority.",
    ],
)
def test_a_byline_with_a_role_or_an_editors_note_is_left_out(line: str) -> None:
    body = f"<p>{line}</p>" + "".join(f"<p>{p}</p>" for p in PARAS)
    assert article_from_html(_page(body=body)).text.split("\n\n") == PARAS


@pytest.mark.parametrize(
    "prose",
    [
        "By Tuesday, staff writers at the paper had left the harbour for the southern channel.",
        "The editor's note to readers, published on Monday, drew hundreds of angry letters about the piers.",
    ],
)
def test_prose_that_opens_like_a_byline_or_note_is_kept(prose: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS) + f"<p>{prose}</p>"
    assert prose in article_from_html(_page(body=body)).text


# --- JSON-LD dates ------------------------------------------------------------------------------------------------


def test_a_json_ld_date_that_reads_two_ways_is_not_replaced_by_the_modified_date() -> None:
    ld = {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "04/03/2024", "dateModified": "2024-03-10"}
    article = article_from_html(_page(_ld(ld)))
    assert article.published is None  # was 2024-03-10, the modified date
    assert article.meta["published_raw"] == "04/03/2024"  # so every command says it reads two ways


def test_the_article_node_of_a_json_ld_graph_dates_the_page_not_the_website_node() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour Gazette", "datePublished": "2015-01-01"},
            {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2024-03-05T10:00:00+01:00"},
        ],
    }
    assert article_from_html(_page(_ld(graph))).published == "2024-03-05T10:00:00+01:00"  # was 2015-01-01


def test_a_website_nodes_date_alone_does_not_date_the_page() -> None:
    graph = {"@graph": [{"@type": "WebSite", "datePublished": "2015-01-01"}, {"@type": "NewsArticle"}]}
    assert article_from_html(_page(_ld(graph))).published is None


@pytest.mark.parametrize(
    "block",
    [
        '{"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00",}',  # a trailing comma
        '{"@type": "NewsArticle", "description": "Two\nlines", "datePublished": "2024-03-05T10:00:00+01:00"}',
        '<!--{"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"}-->',
        '{"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+01:00"};',
    ],
)
def test_a_json_ld_block_that_is_not_strict_json_still_gives_its_date(block: str) -> None:
    head = f'<script type="application/ld+json">{block}</script>'
    head += '<meta property="article:modified_time" content="2024-03-07T08:00:00+01:00">'
    assert article_from_html(_page(head)).published == "2024-03-05T10:00:00+01:00"  # was the modified date


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-03-05T10:00:00+0560">',
        _ld({"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+05:60"}),
        _ld({"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00+2400"}),
    ],
)
def test_a_date_with_an_offset_no_place_has_gives_no_date(head: str) -> None:
    article = article_from_html(_page(head))
    assert article.published is None  # "+0560" was read as +06:00
    assert article.text == "\n\n".join(PARAS)


def test_a_valid_offset_is_still_read() -> None:
    head = '<meta property="article:published_time" content="2024-03-05T10:00:00+0530">'
    assert article_from_html(_page(head)).published == "2024-03-05T10:00:00+05:30"


def test_a_file_with_a_malformed_date_loads(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page('<meta property="article:published_time" content="2024-03-05T10:00:00+2400">'))
    assert load_article(str(path)).text == "\n\n".join(PARAS)
