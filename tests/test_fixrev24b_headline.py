"""rev24b 1, 2 and 4: the story's <h1> lost to another. A "Breaking" strip's <h1> in a "breaking-banner",
"site-alert" or "top-notice" box in <main>, above the story's <article>, became the headline (its 07:30 the story's
time, and past a logo <h1> its headline the story's title); the story's <h1> in a WordPress "page-banner" before
<main> lost to an infinite-scroll next article's (its 06:10 and, past a logo <h1>, its headline); and a story <h1>
linking to its own permalink under a query key no list named ("/?q=node/123", "/?nid=123", "/?news=<slug>") was read
as a logo linking home, so the masthead's clock became the story's time."""

from __future__ import annotations

import lxml.html
import pytest

from storytrace.article import _home_link, _title_headline, article_from_html

_TITLE = "Harbour board approves £4.2m north pier rebuild"
_SEO_TITLE = "Pier rebuild: board says yes"
_NINE = "2026-12-07T09:00:00+00:00"
_SIX = "2026-12-07T06:10:00+00:00"
_SEVEN30 = "2026-12-07T07:30:00+00:00"
_CLOCK = "2026-12-07T13:39:00+00:00"
_STORY = (
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year.</p>"
)
_BYLINE = f"<div class='byline'>By Sam Patel <time datetime='{_NINE}'>9am</time></div>"
_LOGO = "<header class='site-header'><h1 class='site-title'><a href='/'>Harbour Herald</a></h1></header>"
_PLAIN_HEADER = "<header class='site-header'><a href='/'>Harbour Herald</a></header>"
_NEXT = (
    "<article class='next-post'><h1><a href='/news/ferry-fares-rise'>Ferry fares to rise in January</a></h1>"
    f"<div class='byline'>By Jo Smith <time datetime='{_SIX}'>6.10am</time></div><p>Ferry operators said on Monday "
    "that fares on all routes would rise by 8% from January, blaming fuel costs and wages.</p><p>The council said it "
    "would ask the operators to freeze fares for residents and for school pupils on the island routes.</p></article>"
)


def _page(body: str, title: str = f"{_TITLE} | Harbour Herald") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta name='date' content='2026-12-07'></head><body>{body}</body></html>"
    )


def _strip(box: str) -> str:
    return (
        f"<div class='{box}'><h1>Breaking: <a href='/news/2026/12/07/ferry-crash-40-rescued'>Ferry crash: 40 people "
        f"rescued</a></h1> <time datetime='{_SEVEN30}'>7.30am</time></div>"
    )


# --- 1: a strip's <h1> in <main>, above the story's <article> -------------------------------------------------------


@pytest.mark.parametrize("box", ["breaking-banner", "site-alert", "top-notice"])
@pytest.mark.parametrize("title", [f"{_TITLE} | Harbour Herald", f"{_SEO_TITLE} | Harbour Herald"])
def test_a_breaking_strips_h1_in_main_is_no_headline(box: str, title: str) -> None:
    """main read the strip's 07:30; with an SEO <title> too (no <h1> names the page), the box alone tells."""
    body = f"{_PLAIN_HEADER}<main>{_strip(box)}<article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article></main>"
    assert article_from_html(_page(body, title)).published == _NINE


def test_past_a_logo_h1_the_title_is_the_storys_not_the_strips() -> None:
    """main's title was "Breaking: Ferry crash: 40 people rescued"."""
    body = f"{_LOGO}<main>{_strip('breaking-banner')}<article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article></main>"
    article = article_from_html(_page(body))
    assert (article.title, article.published) == (_TITLE, _NINE)


def test_the_storys_hero_banner_in_its_article_is_still_its_own() -> None:
    """rev24i 3 holds: a layout banner inside the <article> that holds the <h1> is the story's hero box."""
    body = f"<main><article><div class='hero-banner'><h1>{_TITLE}</h1></div>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    assert article_from_html(_page(body, f"{_SEO_TITLE} | Harbour Herald")).published == _NINE


# --- 2: the story's <h1> in a page banner before <main> -------------------------------------------------------------


@pytest.mark.parametrize("box", ["page-banner", "hero-banner"])
def test_a_banner_h1_that_names_the_page_is_the_headline(box: str) -> None:
    """main read the infinite-scroll next article's 06:10."""
    body = (
        f"{_PLAIN_HEADER}<div class='{box}'><div class='wrap'><h1 class='entry-title'>{_TITLE}</h1></div></div>"
        f"<main><article>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    )
    assert article_from_html(_page(body)).published == _NINE


def test_past_a_logo_h1_the_title_is_not_the_next_storys() -> None:
    """main's title was the next story's "Ferry fares to rise in January"."""
    hero = f"<div class='hero-banner'><h1>{_TITLE}</h1></div>"
    body = f"{_LOGO}{hero}<main><article>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    article = article_from_html(_page(body))
    assert (article.title, article.published) == (_TITLE, _NINE)


def test_past_a_logo_h1_an_h1_that_does_not_name_the_page_gives_way_to_the_title_element() -> None:
    """The story sets its headline in an <h2>: the page's only other <h1> is the next story's, and its headline is no
    title of this page; the <title>'s headline part is."""
    body = f"{_LOGO}<main><article><h2>{_TITLE}</h2>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    assert article_from_html(_page(body, f"{_SEO_TITLE} | Harbour Herald")).title == _SEO_TITLE


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (f"{_SEO_TITLE} | Harbour Herald", _SEO_TITLE),
        (f"Harbour Herald | {_SEO_TITLE}", _SEO_TITLE),
        (f"{_TITLE} - News - Harbour Herald", _TITLE),
        ("Ferry - what next | Herald", "Ferry - what next"),
        (_TITLE, _TITLE),
        ("Harbour Herald - Local news", None),
    ],
)
def test_the_headline_part_of_a_title(title: str, headline: str | None) -> None:
    assert _title_headline(title) == headline


def test_a_promo_banners_h1_is_still_no_headline() -> None:
    """A banner <h1> that does not name the page stays a banner's."""
    clock = f"<div class='today'><time datetime='{_CLOCK}'>13:39</time></div>"
    body = f"<div class='page-banner'><h1>Winter sale: half price</h1></div>{clock}<main><article><h1>{_TITLE}</h1>"
    assert article_from_html(_page(body + f"{_BYLINE}{_STORY}</article></main>")).published == _NINE


# --- 4: a story <h1> linking to its own permalink -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "home"),
    [
        ("/?q=node/123", False),
        ("/?nid=123", False),
        ("/?news=harbour-board-approves-north-pier-rebuild", False),
        ("https://herald.example/?p=123", False),
        ("/?utm_source=masthead&lang=en", True),
        ("/?fbclid=abc&edition=uk", True),
        ("/?region=north&amp=1", True),
    ],
)
def test_a_query_key_leaves_a_link_home_only_when_it_tracks_or_sets_a_preference(href: str, home: bool) -> None:
    assert _home_link(lxml.html.fromstring(f"<a href='{href}'>x</a>")) is home


@pytest.mark.parametrize("href", ["/?q=node/123", "/?nid=123", "/?news=harbour-board-approves-north-pier-rebuild"])
def test_a_story_h1_linking_to_its_own_permalink_is_the_headline(href: str) -> None:
    """main read the masthead's 13:39 (the <title> is an SEO title, so the <h1> does not name the page)."""
    body = (
        f"<header><a href='/'><img alt='Harbour Herald'></a><span class='today'><time datetime='{_CLOCK}'>13:39"
        f"</time></span></header><div class='node'><h1 class='title'><a href='{href}'>{_TITLE}</a></h1><div "
        f"class='submitted'>By Sam Patel <time datetime='{_NINE}'>Mon 07/12/2026 09:00</time></div>"
        f"<div class='content'>{_STORY}</div></div>"
    )
    assert article_from_html(_page(body, f"{_SEO_TITLE} | Harbour Herald")).published == _NINE
