"""Session 23: a byline <time> after a standfirst paragraph (the story's first <p> of prose) gives the publication time
when it stands in the article's byline, dateline or meta element or in the <header> holding the <h1>, before the
story's second paragraph. Another story's time there (a card in the story, a "Latest" section beside a one-paragraph
article, a "Read more" line, a plain <div>) still leaves the day alone (session 22's rule, rev22i3)."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

STANDFIRST = (
    "Most of the service's 4.2 million UK customers will pay more from April, its second rise in eighteen months."
)
BODY = [
    "The streaming service said on Tuesday it would raise prices for most of its UK customers from April.",
    "Analysts at Ofcom said the move followed similar rises by rival services, which have struggled to keep viewers.",
]
DAY = "2026-03-05"
BYLINE_TIME = f'<time datetime="{DAY}T09:00:00Z">5 March 2026, 9:00am</time>'
OTHER_TIME = f'<time datetime="{DAY}T06:10:00Z">5 March 2026</time>'


def _page(header: str, after_first: str = "", body: list[str] = BODY, beside: str = "") -> str:
    """A news page whose date markup gives the day alone: the site's header and navigation, the story (its header
    with the <h1> and a standfirst paragraph, then ``header``), ``after_first`` between the story's first and second
    paragraphs, ``beside`` after the story's <article>, and a related rail and a footer."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        "<!doctype html><html><head><title>Streaming prices to rise again | Harbour Gazette</title>"
        f'<meta property="article:published_time" content="{DAY}"></head><body>'
        "<header class='site-header'><a href='/'>Harbour Gazette</a><nav><ul><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav></header><main><article class='story'><header>"
        f"<h1>Streaming prices to rise again</h1><p class='standfirst'>{STANDFIRST}</p>{header}</header>"
        f"{after_first}{paragraphs}</article>{beside}<aside class='rail'><h2>Most read</h2><ul><li><a href='/n/1'>"
        f"Council budget row deepens</a> {OTHER_TIME}</li></ul></aside></main>"
        "<footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    [
        f"<div class='byline'><span class='author'>By Jane Doe</span> {BYLINE_TIME}</div>",
        f"<div class='article-meta'><span>By Jane Doe</span> {BYLINE_TIME}</div>",
        f"<p class='dateline'>By Jane Doe, London {BYLINE_TIME}</p>",
        f"<div class='c-byline__info'><span>By Jane Doe</span><div>{BYLINE_TIME}</div></div>",
        f"<span>By Jane Doe</span> {BYLINE_TIME}",  # in the <header> that holds the <h1>
    ],
)
def test_a_byline_time_after_the_standfirst_is_the_publication_time(byline: str) -> None:
    article = article_from_html(_page(byline))
    assert article.published == f"{DAY}T09:00:00+00:00"
    assert article.text.split("\n\n") == [STANDFIRST, *BODY]


@pytest.mark.parametrize(
    "after_first",
    [
        # another story's card in the story, its meta classed as a card's or inside a card
        f"<div class='inline-card'><a href='/n/2'>Rail strike talks fail</a><div class='card-meta'>{OTHER_TIME}</div>"
        "</div>",
        f"<div class='related'><a href='/n/2'>Rail strike talks fail</a><div class='meta'>{OTHER_TIME}</div></div>",
        # a list of other stories
        f"<ul><li><div class='meta'>{OTHER_TIME}</div><a href='/n/2'>Rail strike talks fail</a></li></ul>",
        # a plain <div>, no byline's
        f"<div>{OTHER_TIME}</div>",
        # a "Read more" line
        f"<p><a href='/n/2'>Read more: Rail strike talks fail</a> {OTHER_TIME}</p>",
    ],
)
def test_another_time_after_the_first_paragraph_leaves_the_day_alone(after_first: str) -> None:
    article = article_from_html(_page("<span class='author'>By Jane Doe</span>", after_first))
    assert article.published == DAY


def test_a_latest_section_beside_a_one_paragraph_story_leaves_the_day_alone() -> None:
    latest = (
        f"<section><h2>Latest</h2><div class='story'><div class='meta'>{OTHER_TIME}</div>"
        "<p>Rail strike talks failed again on Thursday after union leaders rejected the latest pay offer.</p></div>"
        "</section>"
    )
    article = article_from_html(_page("<span class='author'>By Jane Doe</span>", body=[], beside=latest))
    assert article.published == DAY
