"""rev24i: session 23's last byline-time rules read the wrong time. A logo <h1> linking home ("/?lang=en", or named
by a <title> that is or opens with the site's name) became the headline and the masthead clock the story's time; an
embedded video's microdata outranked the page's NewsArticle JSON-LD; the story's <h1> in a "hero-banner" box was
passed over for an infinite-scroll next article's; a "Breaking" strip's link whose slug says "listen" or "people"
was taken for an author's or the story's audio link; and a byline in a heading, a list item or a hero figure lost
its time."""

from __future__ import annotations

import time

import lxml.html
import pytest

from storytrace.article import _home_link, _title_heading, article_from_html

_TITLE = "Harbour board approves £4.2m north pier rebuild"
_NINE = "2026-12-07T09:00:00+00:00"
_SIX = "2026-12-07T06:10:00+00:00"
_CLOCK = "2026-12-07T13:39:00+00:00"
_SEVEN30 = "2026-12-07T07:30:00+00:00"
_DAY = "2026-12-07"
_STORY = (
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year.</p>"
)


def _t(when: str = _NINE, text: str = "7 December 2026") -> str:
    return f"<time datetime='{when}'>{text}</time>"


_BYLINE = f"<div class='byline'>By Sam Patel {_t()}</div>"
_ARTICLE = f"<main><article><h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article></main>"


def _page(body: str, head: str = "", title: str = _TITLE) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title><meta name='date' content='{_DAY}'>{head}</head>"
        f"<body>{body}</body></html>"
    )


def _masthead(h1: str) -> str:
    return (
        f"<header class='site-header'>{h1}<div class='today'>{_t(_CLOCK, 'Monday 7 December 2026, 13:39')}</div>"
        "<nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
    )


def _published(html: str) -> str | None:
    return article_from_html(html).published


# --- 1: a logo <h1> linking home is no headline ---------------------------------------------------------------------

_LOGO = "<h1><a href='/'>Harbour Herald</a></h1>"
_LOGO4 = "<h1><a href='https://www.harbourtownherald.example/'>The Harbour Town Herald</a></h1>"


@pytest.mark.parametrize(
    ("h1", "head", "title"),
    [
        (_LOGO, "", "Harbour Herald"),
        (_LOGO, "<meta property='og:title' content='Harbour Herald'>", _TITLE),
        (_LOGO4, "", "The Harbour Town Herald | " + _TITLE),
        (_LOGO4, "<meta property='og:site_name' content='The Harbour Town Herald'>", "The Harbour Town Herald"),
        ("<h1><a href='/?lang=en'>Harbour Herald</a></h1>", "", _TITLE),
        ("<h1><a href='/?edition=uk'>Harbour Herald</a></h1>", "", _TITLE),
    ],
    ids=["title-is-site", "og-title-is-site", "title-opens-with-site", "title-is-og-site-name", "lang", "edition"],
)
def test_a_logo_h1_named_by_the_title_or_with_a_query_is_no_headline(h1: str, head: str, title: str) -> None:
    """main read the masthead's 13:39 from each."""
    assert _published(_page(_masthead(h1) + _ARTICLE, head=head, title=title)) == _NINE


def test_a_headline_h1_linking_home_that_names_the_page_is_still_the_headline() -> None:
    """The headline part of the <title>, before or after the site's name, still names the page's <h1>."""
    clock = f"<div id='header'><div class='date'>{_t(_CLOCK)}</div></div>"
    story = f"<div class='post'><h1><a href='/'>{_TITLE}</a></h1><div class='meta'>Posted {_t()}</div>{_STORY}</div>"
    for title in (f"{_TITLE} | Harbour Herald", f"Harbour Herald | {_TITLE}", f"{_TITLE} - News - Harbour Herald"):
        assert _published(_page(clock + story, title=title)) == _NINE, title


@pytest.mark.parametrize(
    ("href", "home"),
    [
        ("/", True),
        ("/?lang=en", True),
        ("/?ref=logo", True),
        ("/?p=123", False),
        ("/?page_id=7", False),
        ("https://herald.example/?story=4", False),
        ("/news/", False),
    ],
)
def test_a_query_leaves_a_link_home_unless_it_names_a_post(href: str, home: bool) -> None:
    assert _home_link(lxml.html.fromstring(f"<a href='{href}'>x</a>")) is home


def test_the_page_titles_are_read_once_for_all_logo_h1s() -> None:
    """Each home-linked <h1> re-read the <title> and 200 metas: 5,000 of them took 5.5 s beside 0.3 s."""

    def cost(metas: int) -> float:
        head = "".join(f"<meta property='og:x{i}' content='v{i}'>" for i in range(metas))
        tree = lxml.html.fromstring(
            f"<html><head><title>A B C D</title>{head}</head><body>"
            + "<h1><a href='/'>Herald</a></h1>" * 5000
            + "<p>x</p></body></html>"
        )
        start = time.process_time()
        _title_heading(tree)
        return time.process_time() - start

    assert cost(200) < 3 * cost(0) + 0.5


# --- 2: an embedded item's microdata is its own ---------------------------------------------------------------------

_VIDEO = (
    "<div class='video-embed' itemprop='video' itemscope itemtype='https://schema.org/VideoObject'>"
    f"<meta itemprop='name' content='Pier storm damage'><meta itemprop='datePublished' content='{_SIX}'></div>"
)
_LD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"'
    + _TITLE
    + f'","datePublished":"{_NINE}"}}</script>'
)


def test_an_embedded_videos_microdata_does_not_outrank_the_article_json_ld() -> None:
    """main read the video's 06:10."""
    body = f"<main><article><h1>{_TITLE}</h1><div class='byline'>By Sam Patel</div>{_VIDEO}{_STORY}</article></main>"
    assert _published(_page(body, head=_LD)) == _NINE


def test_an_embedded_videos_microdata_is_never_the_storys() -> None:
    body = f"<main><article><h1>{_TITLE}</h1>{_BYLINE}{_VIDEO}{_STORY}</article></main>"
    assert _published(_page(body)) == _NINE
    no_time = body.replace(_BYLINE, "<div class='byline'>By Sam Patel</div>")
    assert _published(_page(no_time)) == _DAY
    # the story's own microdata item still dates it
    own = no_time.replace("<article>", "<article itemscope itemtype='https://schema.org/NewsArticle'>").replace(
        _VIDEO, f"<meta itemprop='datePublished' content='{_NINE}'>"
    )
    assert _published(_page(own)) == _NINE


# --- 3: the story's <h1> in its hero box ----------------------------------------------------------------------------

_NEXT = (
    f"<article><h1><a href='/news/ferry-fares-rise'>Ferry fares to rise in January</a></h1><div class='byline'>By Jo "
    f"Smith {_t(_SIX)}</div><p>Ferry operators said on Monday that fares on all routes would rise by 8% from January, "
    "blaming fuel costs and wages.</p><p>The council said it would ask the operators to freeze fares for residents "
    "and for school pupils on the island routes.</p></article>"
)


@pytest.mark.parametrize("box", ["hero-banner", "page-banner", "article-hero__overlay"])
def test_the_storys_h1_in_a_hero_banner_is_its_headline(box: str) -> None:
    """main passed it over for the next article's <h1> and read its 06:10."""
    body = f"<main><article><div class='{box}'><h1>{_TITLE}</h1></div>{_BYLINE}{_STORY}</article>{_NEXT}</main>"
    assert _published(_page(body)) == _NINE


def test_a_dialogs_or_a_page_banners_h1_is_still_no_headline() -> None:
    clock = f"<div class='today'>{_t(_CLOCK)}</div>"
    for box in (
        "<div role='dialog'><h1>Subscribe to the Herald</h1></div>",
        "<div class='page-banner'><h1>Winter sale: half price</h1></div>",
        "<main><div class='newsletter-overlay'><h1>Get our newsletter</h1></div></main>",
    ):
        assert _published(_page(box + clock + _ARTICLE)) == _NINE, box


# --- 4: a link's slug word is no author's or audio link's -----------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "text"),
    [
        ("listen-mayor-full-statement-on-ferry-crash", "Listen: mayor's full statement on ferry crash"),
        ("audio-of-ferry-mayday-call-released", "Audio of ferry mayday call released"),
        ("ferry-crash-people-rescued", "Ferry crash: 40 people rescued"),
    ],
)
def test_a_strip_links_slug_word_does_not_exempt_it(slug: str, text: str) -> None:
    """main read the "Breaking" strip's 07:30."""
    strip = (
        f"<div class='strip'><div><span>Breaking</span> <a href='/news/2026/12/07/{slug}'>{text}</a> {_t(_SEVEN30)}"
        "</div></div>"
    )
    assert _published(_page(f"<main><article><h1>{_TITLE}</h1>{strip}{_BYLINE}{_STORY}</article></main>")) == _NINE


@pytest.mark.parametrize(
    "link",
    [
        "<a href='/audio/pier-rebuild'>Listen to this article</a>",
        "<a class='listen-button' href='/news/pier-rebuild#player'>Listen to this article now</a>",
        "<a href='https://audio.herald.example/pier-rebuild'>Listen to this article now</a>",
        "<a href='/people/sam-patel'>Sam Patel, Harbour Herald reporter</a>",
    ],
)
def test_an_audio_or_author_link_beside_the_byline_still_keeps_its_time(link: str) -> None:
    byline = f"<div class='byline'>By Sam Patel {_t()} {link}</div>"
    assert _published(_page(f"<main><article><h1>{_TITLE}</h1>{byline}{_STORY}</article></main>")) == _NINE


# --- 6: a byline in a heading, a list item, a hero figure -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/contributors/sam-patel", "/journalists/sam-patel", "/team/sam-patel", "/sam-patel"])
def test_a_byline_whose_author_link_is_in_a_heading_keeps_its_time(path: str) -> None:
    """main read the day alone."""
    byline = f"<div class='byline'><h4><a href='{path}'>Sam Patel</a></h4>{_t()}</div>"
    assert _published(_page(f"<main><article><h1>{_TITLE}</h1>{byline}{_STORY}</article></main>")) == _NINE


def test_a_list_item_byline_with_a_desk_link_keeps_its_time() -> None:
    byline = f"<ul><li>By Sam Patel, <a href='/business'>Harbour Herald Business Desk</a> {_t()}</li></ul>"
    assert _published(_page(f"<main><article><h1>{_TITLE}</h1>{byline}{_STORY}</article></main>")) == _NINE


def test_a_hero_figure_holding_the_h1_and_byline_keeps_its_time() -> None:
    hero = f"<figure class='hero'><img src='a.jpg'><figcaption><h1>{_TITLE}</h1>{_BYLINE}</figcaption></figure>"
    assert _published(_page(f"<main><article>{hero}{_STORY}</article></main>")) == _NINE
    # a lead image's caption time is still the photograph's
    caption = f"<figure><img src='a.jpg'><figcaption>The north pier, photographed {_t(_SIX)}</figcaption></figure>"
    body = f"<main><article><h1>{_TITLE}</h1><div class='byline'>By Sam Patel</div>{caption}{_STORY}</article></main>"
    assert _published(_page(body)) == _DAY


def test_a_related_items_heading_link_still_marks_its_time_as_another_storys() -> None:
    """A "meta" block whose heading links to a story (no person's page) is no byline; nor a "Latest" item by its
    class or an item that opens with another story's headline."""
    plain = "<div class='byline'>By Sam Patel</div>"
    for item in (
        f"<div class='post-meta'><h4><a href='/news/ferry'>Ferry fares</a></h4>{_t(_SIX)}</div>",
        f"<ul><li class='author-latest'><a href='/news/ferry'>Ferry fares to rise in January</a> {_t(_SIX)}</li></ul>",
        f"<section class='latest'><ul><li>By Jo Smith <a href='/news/ferry'>Ferry fares to rise in January</a> "
        f"{_t(_SIX)}</li></ul></section>",
    ):
        body = f"<main><article><h1>{_TITLE}</h1>{item}{plain}{_STORY}</article></main>"
        assert _published(_page(body)) == _DAY, item


# --- 9: a logo <h1> is no title -------------------------------------------------------------------------------------


def test_a_logo_h1_is_not_the_title_on_a_page_without_og_title() -> None:
    """main's title was the logo's "Harbour Herald" (trafilatura's first <h1>)."""
    logo = "<h1 class='site-title'><a href='/'>Harbour Herald</a></h1>"
    page = _page(_masthead(logo) + _ARTICLE, title=f"{_TITLE} | Harbour Herald")
    assert article_from_html(page).title == _TITLE
    # a page whose only <h1> is the logo keeps the title it is given
    alone = _page(_masthead(logo) + f"<main><article>{_BYLINE}{_STORY}</article></main>", title="Harbour Herald")
    assert article_from_html(alone).title == "Harbour Herald"
