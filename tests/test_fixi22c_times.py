"""rev22i3: a page's fallback <time>s are its byline's, before the story's first paragraph; a later time (related
posts, a sidebar, an inline "Read more") is another story's, and an update stamp's byline is never the whole article."""

from __future__ import annotations

from storytrace.article import article_from_html

_STORY = (
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year, and several said they had lost up to a third of their catch income.</p><p>The council "
    "will contribute £1.5m, with the rest coming from a government coastal fund announced in the spring budget.</p>"
)
_TITLE = "Harbour board approves £4.2m north pier rebuild"
_RELATED = (
    "<div class='related-posts'><h3>Related</h3><article class='card'><h4><a href='/a'>Ferry fares to rise in "
    "January</a></h4><time datetime='2026-12-07T06:10:00+00:00'>06:10</time></article><article class='card'><h4>"
    "<a href='/b'>School closes after boiler fault</a></h4><time datetime='2026-12-07T05:40:00+00:00'>05:40</time>"
    "</article></div>"
)
_LATEST = (
    "<section class='latest'><h2>Latest</h2><ul><li><a href='/a'>Ferry fares to rise in January</a> "
    "<time datetime='2026-12-07T07:30:00+00:00'>07:30</time></li><li><a href='/b'>School closes after boiler "
    "fault</a> <time datetime='2026-12-07T06:10:00+00:00'>06:10</time></li></ul></section>"
)
_NINE = "2026-12-07T09:00:00+00:00"


def _page(body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{_TITLE}</title><meta name='date' content='2026-12-07'></head>"
        f"<body>{body}</body></html>"
    )


def _published(body: str) -> str | None:
    return article_from_html(_page(body)).published


def test_a_wordpress_entry_meta_list_gives_the_time() -> None:
    """d1: <ul class="entry-meta"><li><time class="entry-date published">: publication markup, in a list or not."""
    body = (
        f"<main><article class='post'><header class='entry-header'><h1 class='entry-title'>{_TITLE}</h1>"
        "<ul class='entry-meta'><li class='byline'>By Sam Patel</li><li class='posted-on'><time class='entry-date "
        f"published' datetime='{_NINE}'>December 7, 2026</time></li></ul></header><div class='entry-content'>{_STORY}"
        f"</div></article>{_RELATED}</main>"
    )
    assert _published(body) == _NINE


def test_a_plain_time_in_a_byline_list_gives_the_time() -> None:
    """d2: a plain <time> in a <ul class="meta"> byline, related cards after the story."""
    body = (
        f"<main><article><h1>{_TITLE}</h1><ul class='meta'><li><span class='author'>By Sam Patel</span></li><li>"
        f"<span class='date'><time datetime='{_NINE}'>7 Dec 2026, 09:00</time></span></li></ul>{_STORY}</article>"
        f"{_RELATED}</main>"
    )
    assert _published(body) == _NINE


def test_a_byline_in_a_section_without_the_h1_gives_the_time() -> None:
    """d3: <header><h1></header><section class="article-body"> with the byline time."""
    body = (
        f"<main><article><header><h1>{_TITLE}</h1></header><section class='article-body'><div class='byline'>By Sam "
        f"Patel, <time datetime='{_NINE}'>09:00</time></div>{_STORY}</section></article>{_RELATED}</main>"
    )
    assert _published(body) == _NINE


def test_a_byline_section_gives_the_time_not_the_sidebar() -> None:
    """d6: the byline in <section class="article-meta">, a sidebar <div> with another story's time after it."""
    body = (
        f"<section id='page'><article><h1>{_TITLE}</h1><section class='article-meta'>By Sam Patel <time "
        f"datetime='{_NINE}'>09:00</time></section>{_STORY}</article><div class='sidebar'><div class='latest-item'>"
        "<a href='/a'>Ferry fares to rise in January</a> <time datetime='2026-12-07T06:10:00+00:00'>06:10</time>"
        "</div></div></section>"
    )
    assert _published(body) == _NINE


def test_a_page_without_an_h1_gives_its_byline_time() -> None:
    """d7: the title as <h2>, the story and its byline <p> in a <section>."""
    body = (
        f"<main><section class='story'><h2 class='headline'>{_TITLE}</h2><p class='byline'>By Sam Patel <time "
        f"datetime='{_NINE}'>09:00</time></p>{_STORY}</section>{_RELATED}</main>"
    )
    assert _published(body) == _NINE


def test_an_update_stamp_in_the_article_keeps_the_day_alone() -> None:
    """d4: "Updated 14:02" in a byline right under <article>, an inline "Read more" with another story's 07:30: the
    day alone. On a page whose story is in no <p>, the byline is the stamp's parent, never the whole article."""
    related = (
        "<div class='inline-related'>Read more: <a href='/a'>Ferry fares to rise in January</a> "
        "<time datetime='2026-12-07T07:30:00+00:00'>07:30</time></div>"
    )
    paragraphs = _STORY.split("</p>")
    story = "</p>".join(paragraphs[:2]) + "</p>" + related + "</p>".join(paragraphs[2:])
    byline = "<div class='byline'>By Sam Patel | Updated <time datetime='2026-12-07T14:02:00+00:00'>14:02</time></div>"
    body = f"<main><article><h1>{_TITLE}</h1>{byline}{story}</article></main>"
    assert _published(body) == "2026-12-07"
    divs = story.replace("<p>", "<div>").replace("</p>", "</div>")
    assert _published(f"<main><article><h1>{_TITLE}</h1>{byline}{divs}</article></main>") == "2026-12-07"


def test_an_update_stamp_before_a_latest_list_keeps_the_day_alone() -> None:
    """rev22i2's p6 (the day alone) and p6c (a lone class=updated is the post's time) keep their answers."""
    p6 = (
        f"<main><article><h1>{_TITLE}</h1><div class='byline'>By Sam Patel <span class='sep'>|</span> Updated <time "
        f"datetime='2026-12-07T14:02:00+00:00'>14:02</time></div>{_STORY}</article>{_LATEST}</main>"
    )
    assert _published(p6) == "2026-12-07"
    p6c = (
        f"<main><article><h1>{_TITLE}</h1><div class='byline'>By Sam Patel <time class='updated' datetime='{_NINE}'>"
        f"7 December 2026, 9:00am</time></div>{_STORY}</article>{_LATEST}</main>"
    )
    assert _published(p6c) == _NINE


def test_without_a_paragraph_the_scan_stops_at_a_list() -> None:
    """A page whose story is in no <p>: the first time in a list of other stories stops the search (the day alone),
    never a later time past it."""
    divs = _STORY.replace("<p>", "<div>").replace("</p>", "</div>")
    body = (
        f"<main><article><h1>{_TITLE}</h1>{divs}</article>{_LATEST}<div><time datetime='{_NINE}'>x</time></div></main>"
    )
    assert _published(body) == "2026-12-07"


def test_marked_and_byline_times_are_judged_in_linear_time() -> None:
    """20,000 short <p>s with a time marked published in each, or such times 250 divs deep in an aside: each element is
    judged once (for the first paragraph, the furniture around a marked time)."""
    import time

    import lxml.html

    from storytrace.article import _publication_markup, _story_times

    stamp = "<time class='published' datetime='2026-12-07T07:30:00+00:00'>07:30</time>"
    bodies = (
        f"<p>short {stamp}</p>" * 20_000,
        "<aside>" + "<div>" * 250 + f"<div>{stamp}</div>" * 20_000 + "</div>" * 250 + "</aside>",
    )
    for body in bodies:
        tree = lxml.html.fromstring(f"<html><body>{body}</body></html>")
        start = time.process_time()
        _story_times(tree, "")
        _publication_markup(tree, "")
        assert time.process_time() - start < 1.0
