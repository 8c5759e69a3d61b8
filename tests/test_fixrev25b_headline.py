"""rev25b 1 and 3: the story's <h1> lost again. 1: a WordPress "page-banner" or "hero-banner" inside <main> holds the
story's <h1> above its <article>, an infinite-scroll next <article> follows with its own <h1>, and the <title> is an
SEO title that names neither: the banner's <h1> was passed over for the next story's, whose 06:10 became the story's
time. 3: a logo <h1> and the story's plain <h1>, no og:title, and a <title> that is missing, the site's name alone or
"site - section": the title was the site's name."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

_TITLE = "Harbour board approves £4.2m north pier rebuild"
_SEO = "Pier rebuild: board says yes | Harbour Herald"
_NINE = "2026-12-07T09:00:00+00:00"
_SIX = "2026-12-07T06:10:00+00:00"
_SEVEN30 = "2026-12-07T07:30:00+00:00"
_STORY = (
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year.</p>"
)
_NEXT = (
    "<article class='next-post'><h1><a href='/news/ferry-fares-rise'>Ferry fares to rise in January</a></h1>"
    f"<div class='byline'>By Jo Smith <time datetime='{_SIX}'>6.10am</time></div><p>Ferry operators said on Monday "
    "that fares on all routes would rise by 8% from January, blaming fuel costs and wages.</p><p>The council said it "
    "would ask the operators to freeze fares for residents and for school pupils on the island routes.</p></article>"
)
_BYLINE = f"<div class='byline'>By Sam Patel <time datetime='{_NINE}'>9am</time></div>"
_LOGO = "<header class='site-header'><h1 class='site-title'><a href='/'>Harbour Herald</a></h1></header>"


def _page(body: str, head: str = f"<title>{_SEO}</title>") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}<meta name='date' content='2026-12-07'></head>"
        f"<body>{body}</body></html>"
    )


# --- 1: the story's <h1> in a layout banner inside <main> ------------------------------------------------------------


@pytest.mark.parametrize("box", ["page-banner", "hero-banner"])
def test_a_banner_h1_in_main_beats_the_next_articles_h1(box: str) -> None:
    """main read the next story's 06:10."""
    body = f"<main><div class='{box}'><h1>{_TITLE}</h1>{_BYLINE}</div><article class='post'>{_STORY}</article>{_NEXT}"
    assert article_from_html(_page(body + "</main>")).published == _NINE


@pytest.mark.parametrize("box", ["breaking-banner", "top-banner"])
def test_a_strips_h1_in_main_still_loses_to_the_storys_h1_before_a_next_article(box: str) -> None:
    """rev24b 1 holds with a next article after the story: the story's <h1> comes before its prose."""
    strip = (
        f"<div class='{box}'><h1>Breaking: <a href='/news/ferry-crash-40-rescued'>Ferry crash: 40 people rescued</a>"
        f"</h1> <time datetime='{_SEVEN30}'>7.30am</time></div>"
    )
    body = f"<main>{strip}<article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    assert article_from_html(_page(body)).published == _NINE


def test_a_modals_h1_never_takes_the_headline_from_a_story_after_a_teaser() -> None:
    """Only a layout banner's <h1> heads the prose after it: a subscribe modal's heads no story, so the story's <h1>
    after a teaser card's two paragraphs stays the headline."""
    modal = "<div class='subscribe-modal'><h1>Subscribe to the Herald</h1></div>"
    teaser = (
        "<article class='teaser'><p>Ferry operators said on Monday that fares on all routes would rise by 8% from "
        "January, blaming fuel costs and wages.</p><p>The council said it would ask the operators to freeze fares "
        f"for residents and for school pupils on the island routes.</p><time datetime='{_SIX}'>6.10am</time></article>"
    )
    body = f"{modal}<main>{teaser}<article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article></main>"
    assert article_from_html(_page(body)).published == _NINE


# --- 3: a logo <h1>, the story's <h1>, and a <title> that names only the site ----------------------------------------


@pytest.mark.parametrize("head", ["", "<title>Harbour Herald</title>", "<title>Harbour Herald - Local news</title>"])
def test_past_a_logo_the_storys_h1_is_the_title_when_the_title_element_names_only_the_site(head: str) -> None:
    """main's title was "Harbour Herald"."""
    body = f"{_LOGO}<main><article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article></main>"
    article = article_from_html(_page(body, head))
    assert (article.title, article.published) == (_TITLE, _NINE)


def test_past_a_logo_a_title_elements_headline_still_comes_first() -> None:
    body = f"{_LOGO}<main><article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article></main>"
    assert article_from_html(_page(body)).title == "Pier rebuild: board says yes"


def test_past_a_logo_a_next_articles_h1_after_the_story_is_no_title() -> None:
    """The story sets its headline in an <h2>; the page's other <h1> is the next story's, after this story's prose:
    its headline is no title of this page, whatever the <title> lacks (rev24b 2)."""
    body = f"{_LOGO}<main><article><h2>{_TITLE}</h2>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    assert article_from_html(_page(body, "<title>Harbour Herald</title>")).title != "Ferry fares to rise in January"
