"""rev23old: session 22's byline-time rules read other stories' and comments' times (a "Latest" list or ticker above
the <h1> or between it and the byline, "entry-date published" times in a trending list, related cards or comments),
and the day alone past a standfirst, a lead image's caption or a long byline <p>. A page's byline area is after its
<h1> and before the story's first run of two paragraphs; a time in an item that links to another story, or in the
comments, is none of the story's; a time marked published counts only from the byline area; a time labelled
"Published" after the story, in the story's own article, is the last resort."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

_STORY = (
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year, and several said they had lost up to a third of their catch income.</p>"
)
_TITLE = "Harbour board approves £4.2m north pier rebuild"
_NINE = "2026-12-07T09:00:00+00:00"
_DAY = "2026-12-07"
_BYLINE = f"<div class='byline'>By Sam Patel <time datetime='{_NINE}'>09:00</time></div>"
_LATEST = (
    "<section class='latest'><h2>Latest</h2><ul><li><a href='/a'>Ferry fares to rise in January</a> "
    "<time datetime='2026-12-07T07:30:00+00:00'>07:30</time></li><li><a href='/b'>School closes after boiler "
    "fault</a> <time datetime='2026-12-07T06:10:00+00:00'>06:10</time></li></ul></section>"
)
_TICKER = (
    "<div class='ticker'><ul><li><a href='/a'>Ferry fares to rise in January</a> "
    "<time datetime='2026-12-07T07:30:00+00:00'>07:30</time></li></ul></div>"
)
_TRENDING = (
    "<div class='trending'><ul><li><a href='/x'>Ferry fares to rise</a> <time class='entry-date published' "
    "datetime='2026-12-07T06:10:00+00:00'>06:10</time></li></ul></div>"
)
_CARDS = (
    "<div class='related-posts'><h3>Related</h3><article class='card'><h4><a href='/a'>Ferry fares</a></h4>"
    "<time class='entry-date published' datetime='2026-12-07T06:10:00+00:00'>06:10</time></article></div>"
)
_COMMENTS = (
    "<section id='comments'><ol><li><time class='comment-date published' datetime='2026-12-07T07:05:00+00:00'>07:05"
    "</time> nice</li></ol></section>"
)


def _published(body: str) -> str | None:
    page = (
        f"<!DOCTYPE html><html><head><title>{_TITLE}</title><meta name='date' content='{_DAY}'></head>"
        f"<body>{body}</body></html>"
    )
    return article_from_html(page).published


def _story(before: str = "", byline: str = _BYLINE, after: str = "", *, above: str = "", beside: str = "") -> str:
    return f"{above}<main><article><h1>{_TITLE}</h1>{before}{byline}{_STORY}{after}</article>{beside}</main>"


@pytest.mark.parametrize(
    "body",
    [
        _story(above=f"<header class='site'>Harbour News</header>{_LATEST}"),
        _story(above=_TICKER),
        _story(before=_LATEST),
        _story(before=_TICKER),
    ],
    ids=["latest-above-h1", "ticker-above-h1", "latest-between", "ticker-between"],
)
def test_a_latest_list_or_ticker_near_the_headline_is_not_the_storys(body: str) -> None:
    """main read 07:30 from each (fallback times from the top of the page; lists no longer passed over)."""
    assert _published(body) == _NINE


@pytest.mark.parametrize(
    "body",
    [_story(above=_TRENDING), _story(beside=_CARDS), _story(after=_COMMENTS)],
    ids=["trending-above", "related-cards-after", "comments"],
)
def test_a_time_marked_published_outside_the_byline_is_not_the_storys(body: str) -> None:
    """main read 06:10 or 07:05: a class that says "published" made any time on the page publication markup."""
    assert _published(body) == _NINE


def test_a_time_marked_published_in_the_byline_comes_first() -> None:
    marked = f"<div class='byline'>By Sam Patel <time class='published' datetime='{_NINE}'>09:00</time></div>"
    assert _published(_story(byline=marked, above=_TRENDING, beside=_CARDS)) == _NINE
    # the WordPress permalink around it, and an author's link, are no other story's
    wordpress = (
        "<div class='entry-meta'>By <a href='/author/sam-patel'>Sam Patel and the Harbour Team</a> <a "
        f"href='/2026/12/07/harbour-board-approves-pier/' rel='bookmark'><time class='entry-date published' "
        f"datetime='{_NINE}'>7 December 2026</time></a> <a href='https://www.facebook.com/sharer/sharer.php'>Share "
        "this story on Facebook</a></div>"
    )
    assert _published(_story(byline=wordpress)) == _NINE


@pytest.mark.parametrize(
    ("before", "byline"),
    [
        (
            "<p class='standfirst'>The £4.2m rebuild of the storm-damaged north pier will start in May and take 18 "
            "months, the board said.</p>",
            _BYLINE,
        ),
        (
            "<figure><img src='pier.jpg'><figcaption><p>The north pier has been closed since the February storms. "
            "Photograph: Jo Smith</p></figcaption></figure>",
            _BYLINE,
        ),
        (
            "",
            "<p class='byline'>By Sam Patel, Political Correspondent, Harbour News</p><p class='date'><time "
            f"datetime='{_NINE}'>09:00</time></p>",
        ),
    ],
    ids=["standfirst", "lead-image-caption", "long-byline-p"],
)
def test_a_lone_paragraph_over_the_byline_is_not_where_the_story_starts(before: str, byline: str) -> None:
    """main read the day alone: any <p> of 40 characters was taken for the story's first paragraph."""
    assert _published(_story(before=before, byline=byline)) == _NINE


def test_a_time_labelled_published_after_the_story_is_the_last_resort() -> None:
    published = f"<div class='meta'>Published <time datetime='{_NINE}'>09:00</time></div>"
    assert _published(_story(byline="", after=published)) == _NINE
    # the byline's own time comes first
    earlier = "<div class='byline'>By Sam Patel <time datetime='2026-12-07T08:15:00+00:00'>08:15</time></div>"
    assert _published(_story(byline=earlier, after=published)) == "2026-12-07T08:15:00+00:00"


@pytest.mark.parametrize(
    "after",
    [
        f"<div class='meta'><time datetime='{_NINE}'>09:00</time></div>",  # no label
        f"<p class='note'>First published <time datetime='{_NINE}'>09:00</time> by the Coastal Times.</p>",
        f"<div class='meta'>Updated <time datetime='{_NINE}'>09:00</time></div>",
        f"<div class='related'><h3><a href='/a'>Ferry fares</a></h3>Published <time datetime='{_NINE}'>09:00</time>"
        "</div>",
    ],
    ids=["unlabelled", "first-published", "updated", "related-card"],
)
def test_another_time_after_the_story_leaves_the_day_alone(after: str) -> None:
    assert _published(_story(byline="", after=after)) == _DAY
    # nor outside the story's own article
    assert _published(_story(byline="", beside=after.replace("First published", "Published"))) == _DAY


def test_other_stories_times_alone_leave_the_day_alone() -> None:
    """A byline with no time, other stories' times above, between and after: the day alone, as session 22 meant."""
    byline = "<div class='byline'>By Sam Patel</div>"
    body = _story(before=_LATEST, byline=byline, after=_COMMENTS, above=_TRENDING + _TICKER, beside=_CARDS)
    assert _published(body) == _DAY


def test_byline_areas_are_judged_in_linear_time() -> None:
    """Thousands of other stories' items between the headline and the story, 250 divs deep, and thousands of prose
    paragraphs never side by side: each element is judged once, and at most a hundred other stories' times looked at."""
    import time

    import lxml.html

    from storytrace.article import _publication_markup, _story_times

    stamp = "<time class='published' datetime='2026-12-07T07:30:00+00:00'>07:30</time>"
    prose = "<p>" + "The harbour board met again on Tuesday evening. " * 2 + "</p>"
    bodies = (
        "<h1>T</h1>" + "<div>" * 250 + f"<div><a href='/x'>Another story of the day</a>{stamp}</div>" * 20_000,
        "<h1>T</h1><ul>" + f"<li><a href='/x'>Another story of the day</a> {stamp}</li>" * 20_000 + "</ul>",
        "<h1>T</h1>" + f"{prose}<div>x</div>" * 20_000,
        "<h1>T</h1>" + "<div>" * 250 + f"<div><a href='/x'>a b c</a>{stamp}</div>" * 20_000,
    )
    for body in bodies:
        tree = lxml.html.fromstring(f"<html><body>{body}</body></html>")
        start = time.process_time()
        _story_times(tree, "")
        _publication_markup(tree, "")
        assert time.process_time() - start < 1.5


# --- rev23t: the second round ---------------------------------------------------------------------------------------


def _t(at: str = _NINE, cls: str = "") -> str:
    return f"<time {cls} datetime='{at}'>7 December 2026</time>"


_WP_PUBLISHED = 'class="entry-date published"'


@pytest.mark.parametrize(
    "body",
    [
        f"<main><article><h1>{_TITLE}</h1><div class='byline'><a href='https://herald.example/by/sam-patel'>Sam "
        f"Patel, Political Correspondent</a> {_t()}</div>{_STORY}</article></main>",
        f"<main><article><h1>{_TITLE}</h1><div class='byline'>By <a href='/reporters/sam-patel-and-jane-doe'>Sam "
        f"Patel and Jane Doe</a> · {_t()}</div>{_STORY}</article></main>",
        f"<main><article><h1>{_TITLE}</h1><div class='meta'><span>By Sam Patel</span> {_t()} <a "
        f"href='/newsletters/morning'>Sign up to our morning briefing</a></div>{_STORY}</article></main>",
        f"<main><article><h1>{_TITLE}</h1><div class='lead'><figure><img src='p.jpg'><figcaption>The north pier. <a "
        "href='/gallery/storm-damage'>See more pictures of the storm damage</a></figcaption></figure><div "
        f"class='byline'>By Sam Patel {_t()}</div></div>{_STORY}</article></main>",
        # a link to another story in a plain byline block (no list, card or rail) leaves the byline its time
        f"<main><article><h1>{_TITLE}</h1><div class='byline'>By Sam Patel {_t()} <a href='/news/pier-history'>The "
        f"pier's history in pictures</a></div>{_STORY}</article></main>",
        # a Next.js page wraps everything in <div id="__next">: no box of other stories
        f"<div id='__next'><div class='layout'><h1>{_TITLE}</h1><div class='byline'>By Sam Patel {_t()}</div>"
        f"{_STORY}</div></div>",
    ],
    ids=[
        "by-author-page",
        "two-authors-one-link",
        "newsletter-link",
        "hero-caption-gallery-link",
        "plain-block-link",
        "nextjs-wrapper",
    ],
)
def test_a_byline_with_a_long_link_keeps_its_time(body: str) -> None:
    """main read the day alone: any element around the time holding a link of four words was taken for another
    story's item."""
    assert _published(body) == _NINE


@pytest.mark.parametrize(
    "body",
    [
        "<header id='masthead'><p class='site-title'><a href='/' rel='home'>Harbour Herald</a></p></header><article "
        "class='post hentry'><header class='entry-header'><div class='entry-meta'><span class='posted-on'><span "
        "class='screen-reader-text'>Posted on</span> <a href='https://herald.example/2026/12/07/pier/' "
        f"rel='bookmark'>{_t(cls=_WP_PUBLISHED)}<time class='updated' datetime='2026-12-07T14:00:00+00:00'>x</time>"
        f"</a></span></div><h1 class='entry-title'>{_TITLE}</h1></header><div class='entry-content'>{_STORY}</div>"
        "</article>",
        f"<main><article><header><div class='kicker'><a href='/news/local'>Local</a> | {_t()}</div><h1>{_TITLE}</h1>"
        f"<p class='byline'>By Sam Patel</p></header>{_STORY}</article></main>",
        f"<div id='primary'><article><h2 class='entry-title'>{_TITLE}</h2><div class='entry-meta'>Posted on {_t()}"
        f"</div><div class='entry-content'>{_STORY}</div></article></div><div id='secondary'><aside class='widget'>"
        "<h1 class='widget-title'>Recent posts</h1><ul><li><a href='/a'>Ferry fares</a></li></ul></aside></div>",
        # the page's only <h1> after the story, in no aside: the story started before it
        f"<main><article><h2>{_TITLE}</h2><div class='byline'>By Sam Patel {_t()}</div>{_STORY}</article><div "
        "class='widgets'><h1>Recent posts</h1></div></main>",
        # a logo <h1> and a ticker over the headline's <h1>
        "<header><h1 class='logo'><a href='/'>Harbour Herald</a></h1><div class='ticker'><a href='/news/ferry'>Ferry "
        "fares rise</a> <time datetime='2026-12-07T07:30:00+00:00'>07:30</time></div></header><main><article>"
        f"<h1>{_TITLE}</h1><div class='byline'>By Sam Patel {_t()}</div>{_STORY}</article></main>",
    ],
    ids=["wp2017-entry-meta-above-h1", "kicker-above-h1", "h1-in-sidebar-widget", "h1-after-story", "logo-h1-ticker"],
)
def test_a_time_in_the_headlines_header_or_without_a_story_h1_is_read(body: str) -> None:
    """main read the day alone from the first four (the byline area started at the page's first <h1>), the last
    read the ticker's 07:30."""
    assert _published(body) == _NINE


def test_the_headlines_header_still_passes_over_other_stories() -> None:
    """A "Latest" list inside the headline's <header>, above the <h1>, gives none of its times."""
    body = f"<main><article><header>{_LATEST}<h1>{_TITLE}</h1></header><div class='byline'>By Sam Patel</div>{_STORY}"
    assert _published(body + "</article></main>") == _DAY
    assert _published(body.replace("By Sam Patel", f"By Sam Patel {_t()}") + "</article></main>") == _NINE


def test_a_standfirst_beside_a_long_byline_p_is_no_first_paragraph() -> None:
    body = (
        f"<main><article><h1>{_TITLE}</h1><p class='standfirst'>The £4.2m rebuild of the storm-damaged north pier "
        "will start in May and take 18 months.</p><p>By Sam Patel and Jane Doe, Harbour Herald reporters</p><div "
        f"class='date'>{_t()}</div>{_STORY}</article></main>"
    )
    assert _published(body) == _NINE


def test_a_wordpress_entry_footer_gives_the_time() -> None:
    """Twenty Twenty-One: "Published <time>" in the article's own <footer class="entry-footer">."""
    body = (
        f"<main><article class='post'><header class='entry-header'><h1 class='entry-title'>{_TITLE}</h1></header>"
        f"<div class='entry-content'>{_STORY}</div><footer class='entry-footer'><div class='posted-by'><span "
        f"class='posted-on'>Published {_t(cls=chr(34) + 'entry-date published updated' + chr(34))}</span></div>"
        "</footer></article></main>"
    )
    assert _published(body) == _NINE
    # the page's own footer is no article's
    page_footer = body.replace("<footer class='entry-footer'>", "</article><footer class='site-footer'>").replace(
        "</footer></article>", "</footer>"
    )
    assert _published(page_footer) == _DAY


_SIX = "2026-12-07T06:10:00+00:00"


@pytest.mark.parametrize(
    "after",
    [
        f"<p class='credit'>This story was originally\n    published <time datetime='{_SIX}'>06:10</time> by the "
        "Harbour Wire.</p>",
        f"<p class='credit'>Originally  published <time datetime='{_SIX}'>06:10</time></p>",
        "<p class='credit'>This article was first published on harbourwire.example. Published <time "
        f"datetime='{_SIX}'>06:10</time></p>",
        f"<div class='read-next'><a href='/news/ferry-fares'>Ferry fares rise</a><span>Published <time "
        f"datetime='{_SIX}'>06:10</time></span></div>",
        # two times so labelled after the story (a live blog's posts): neither is known to be the story's
        "".join(
            f"<div class='post'><p class='meta'>Posted at <time datetime='2026-12-07T{h}:00:00+00:00'>{h}:00</time>"
            f"</p><p>Live update number {h} from the harbour board meeting in the town hall.</p></div>"
            for h in ("14", "12")
        ),
    ],
    ids=["originally-newline-published", "originally-two-spaces", "first-published-on", "read-next-card", "live-posts"],
)
def test_a_labelled_time_after_the_story_that_is_not_its_own_is_passed_over(after: str) -> None:
    """main read 06:10 (the source's time: a copy made older than its source) or the newest post's 14:00."""
    assert _published(_story(byline="<div class='byline'>By Sam Patel</div>", after=after)) == _DAY


def test_a_live_blogs_update_stamp_keeps_the_day_alone() -> None:
    byline = "<div class='byline'>By Sam Patel | Updated <time datetime='2026-12-07T14:30:00+00:00'>14:30</time></div>"
    post = (
        "<div class='post'><p class='meta'>Posted at <time datetime='2026-12-07T14:00:00+00:00'>14:00</time></p><p>"
        "Live update from the harbour board meeting in the town hall.</p></div>"
    )
    assert _published(_story(byline=byline, after=post)) == _DAY


def test_a_related_cards_microdata_is_not_the_storys() -> None:
    """A related card marked up as a schema.org NewsArticle: main read its datePublished, 06:10, over the byline."""
    card = (
        "<div class='related'><h3>Related</h3><article class='card' itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h4 itemprop='headline'><a href='/news/ferry-fares'>Ferry fares to rise in January</a></h4><time "
        f"itemprop='datePublished' datetime='{_SIX}'>06:10</time></article></div>"
    )
    assert _published(_story(beside=card)) == _NINE
    # the story's own microdata still comes first
    own = f"<div class='byline'>By Sam Patel <time itemprop='datePublished' datetime='{_NINE}'>09:00</time></div>"
    late = "<div class='byline'>x <time datetime='2026-12-07T11:00:00+00:00'>11:00</time></div>"
    assert _published(_story(byline=own + late, beside=card)) == _NINE


def test_the_second_rounds_rules_are_judged_in_linear_time() -> None:
    """Thousands of <h1>s in asides before the story, of labelled times after it 250 elements deep in one line of
    empty elements, of microdata times in cards, of lone byline-like <p>s: each bounded."""
    import time

    import lxml.html

    from storytrace.article import _byline_area, _publication_markup, _published_after_story, _story_times

    prose = "<p>" + "The harbour board met again on Tuesday evening. " * 2 + "</p>"
    labelled = "Published <time datetime='2026-12-07T07:30:00+00:00'>07:30</time>"
    card = "<div class='card'><time itemprop='datePublished' datetime='2026-12-07T07:30:00+00:00'>x</time></div>"
    bodies = (
        "<aside><h1>Recent</h1></aside>" * 20_000 + f"<h1>T</h1>{prose}{prose}",
        f"<article><h1>T</h1>{prose}{prose}<div>" + "<span></span>" * 20_000 + "<div>" * 250 + labelled * 20_000,
        f"<h1>T</h1>{card * 20_000}{prose}{prose}",
        "<h1>T</h1>" + "<p>By Sam Patel and Jane Doe, Harbour Herald reporters</p><div>x</div>" * 20_000,
    )
    for body in bodies:
        tree = lxml.html.fromstring(f"<html><body>{body}</body></html>")
        start = time.process_time()
        area = _byline_area(tree)
        _story_times(tree, "", area)
        _publication_markup(tree, "", area)
        _published_after_story(tree, area)
        assert time.process_time() - start < 2.0


def test_a_plain_block_holding_a_headline_is_another_storys() -> None:
    """A <div> item with no list or class to tell it, but a heading around its link, between the <h1> and the byline:
    its 07:30 is another story's."""
    item = (
        "<div class='x'><h3><a href='/news/ferry'>Ferry fares</a></h3><time datetime='2026-12-07T07:30:00+00:00'>"
        "07:30</time></div>"
    )
    assert _published(_story(before=item)) == _NINE
    assert _published(_story(before=item, byline="<div class='byline'>By Sam Patel</div>")) == _DAY


def test_a_logo_h1_is_no_headline() -> None:
    """A masthead's logo <h1> and its clock over the story's <h1>: the byline area starts at the story's header."""
    masthead = (
        "<header class='site-header'><h1 class='logo'><a href='/'>Harbour Herald</a></h1><div class='clock'><time "
        "datetime='2026-12-07T06:45:00+00:00'>06:45</time></div></header>"
    )
    assert _published(_story(above=masthead)) == _NINE
    assert _published(_story(above=masthead.replace(" class='logo'", ""))) == _NINE
    assert _published(_story(above=masthead, byline="<div class='byline'>By Sam Patel</div>")) == _DAY


# --- round three (rev23t2): a wrong time is worse than the day alone ---

_SEVEN_THIRTY = "2026-12-07T07:30:00+00:00"
_STRIP_LINK = "<a href='/news/ferry-fares-rise'>Ferry fares to rise in January</a>"
_COOKIE = (
    "<div id='cookie-banner'><p>We use cookies and similar technologies to improve your experience, to show you "
    "personalised content and to measure how our site is used.</p><p>You can change your choices at any time by "
    "visiting the privacy settings linked at the bottom of every page.</p><button>Accept</button></div>"
)
_SUBSCRIBE = (
    "<div class='subscribe-banner'><p>Support independent local journalism in the harbour towns: subscribe today for "
    "just £1 a week.</p><p>Subscribers get unlimited access to every story, our daily newsletter and the digital "
    "edition of the paper.</p></div>"
)
_MASTHEAD_CLOCK = (
    "<header class='site-header'><div class='logo'><a href='/'>Harbour Herald</a></div><div class='clock'><time "
    "datetime='2026-12-07T06:45:00+00:00'>06:45</time></div></header>"
)


@pytest.mark.parametrize(
    "body",
    [
        _story(before=f"<div class='breaking-strip'><span>Breaking</span> {_STRIP_LINK} {_t(_SEVEN_THIRTY)}</div>"),
        f"<article class='page'><div class='just-in'><div class='item'>{_STRIP_LINK} {_t(_SEVEN_THIRTY)}</div></div>"
        f"<h1>{_TITLE}</h1>{_BYLINE}{_STORY}</article>",
        f"<main><article><div class='news-strip'>{_STRIP_LINK} {_t(_SEVEN_THIRTY)}</div><header><h1>{_TITLE}</h1>"
        f"</header>{_BYLINE}{_STORY}</article></main>",
        # a related box whose class names its author is still a box of other stories
        _story(before=f"<div class='more-from-author'>{_STRIP_LINK} {_t(_SEVEN_THIRTY)}</div>"),
    ],
    ids=["div-strip-between", "page-wide-article-just-in", "div-strip-above", "more-from-author"],
)
def test_a_headline_link_in_a_plain_div_marks_another_storys_time(body: str) -> None:
    """React/Next/Tailwind pages give "Breaking" strips and "Just in" lists as plain <div>s: round two read 07:30."""
    assert _published(body) == _NINE
    assert _published(body.replace(_BYLINE, "<div class='byline'>By Sam Patel</div>")) == _DAY


@pytest.mark.parametrize(
    "body",
    [
        _story(byline=f"<div class='author-card'><img src='a.jpg'><span>By Sam Patel</span> {_t()}</div>"),
        _story(
            byline=f"<section class='article-meta'><a href='/sam-patel'>Sam Patel, Political Correspondent</a> {_t()}"
            "</section>"
        ),
        # a byline block known by its words alone, with a link to the story's own gallery
        _story(
            byline=f"<div>By Sam Patel {_t()} <a href='/news/pier-history'>The pier's history in pictures</a></div>"
        ),
    ],
    ids=["author-card", "article-meta-section", "by-words"],
)
def test_a_byline_block_keeps_its_time(body: str) -> None:
    """round two read the day alone from an "author-card" (a card) and a <section> with a four-word author link."""
    assert _published(body) == _NINE


@pytest.mark.parametrize("banner", [_COOKIE, _SUBSCRIBE], ids=["cookie", "subscribe"])
def test_a_banners_paragraphs_over_the_headline_do_not_hide_it(banner: str) -> None:
    """Two paragraphs of a cookie or subscribe banner over the <h1>: round two took the page for one without a
    headline, read the byline area from the top of the page, and gave the masthead's clock, 06:45."""
    assert _published(_story(above=_MASTHEAD_CLOCK + banner)) == _NINE
    byline = "<div class='byline'>By Sam Patel</div>"
    assert _published(_story(above=_MASTHEAD_CLOCK + banner, byline=byline)) == _DAY


def test_a_page_with_a_headline_is_never_read_from_its_top() -> None:
    """The story's prose before its <h1> in no article or main: the masthead's clock is still no byline's time."""
    body = f"{_MASTHEAD_CLOCK}<div class='content'>{_STORY}<h1>{_TITLE}</h1></div>"
    assert _published(body) == _DAY
    # with an article around the story, its byline above the prose is read as before
    assert _published(f"{_MASTHEAD_CLOCK}<article>{_BYLINE}{_STORY}<h1>Recent posts</h1></article>") == _NINE


@pytest.mark.parametrize("home", ["https://herald.example/", "https://herald.example", "/?ref=logo"])
def test_a_logo_h1_linking_to_an_absolute_home_url_is_no_headline(home: str) -> None:
    masthead = (
        f"<header class='site-header'><h1><a href='{home}'>Harbour Herald</a></h1><div class='edition'>"
        f"{_t(_SEVEN_THIRTY)}</div></header>"
    )
    assert _published(_story(above=masthead)) == _NINE
    # a headline that links to its own story is a headline
    own = f"<main><article><h1><a href='https://herald.example/news/pier'>{_TITLE}</a></h1>{_BYLINE}{_STORY}"
    assert _published(_MASTHEAD_CLOCK + own + "</article></main>") == _NINE


def test_a_related_cards_body_meta_is_not_the_storys() -> None:
    """A related card's <meta itemprop="datePublished">: round two read its 06:10 over the byline."""
    card = (
        "<aside class='related'><div itemscope itemtype='https://schema.org/NewsArticle'><h3 itemprop='headline'><a "
        f"href='/a'>Ferry fares</a></h3><meta itemprop='datePublished' content='{_SIX}'></div></aside>"
    )
    assert _published(_story(beside=card)) == _NINE
    in_body = f"<div class='related-x'><div>{_STRIP_LINK}<meta itemprop='datePublished' content='{_SIX}'></div></div>"
    assert _published(_story(beside=in_body)) == _NINE
    # the story's own body <meta> is still read
    own = f"<div class='byline'>By Sam Patel<meta itemprop='datePublished' content='{_NINE}'></div>"
    assert _published(_story(byline=own)) == _NINE


@pytest.mark.parametrize(
    "line",
    [
        f"<p class='correction'>Correction published {_t('2026-12-07T15:00:00+00:00')}: an earlier version misnamed "
        "the chair.</p>",
        f"<p>Correction <span>published</span> {_t('2026-12-07T15:00:00+00:00')}</p>",
    ],
    ids=["correction-published", "correction-published-span"],
)
def test_a_label_after_a_word_is_no_publication_label(line: str) -> None:
    """A footer's "Correction published 15:00": round two read it as the story's time."""
    byline = "<div class='byline'>By Sam Patel</div>"
    assert _published(_story(byline=byline, after=f"<footer>{line}</footer>")) == _DAY
    # a label that opens its line, or follows a byline's separator, is still read
    for ok in (f"<p>— Published {_t()}</p>", f"<p>By Sam Patel · Published {_t()}</p>"):
        assert _published(_story(byline=byline, after=f"<footer>{ok}</footer>")) == _NINE


# --- round four (rev23t3): where round three gave a wrong time and the code before it the page's own ---

_EP = "class='entry-date published'"
_PUB = "class='published'"

_VIDEO_LD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject","name":"Pier storm",'
    f'"uploadDate":"{_SIX}","datePublished":"{_SIX}"}}</script>'
)
_NEXT_DATA = (
    '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"latest":[{"title":"Ferry fares",'
    f'"datePublished":"{_SIX}"}}]}}}}}}</script>'
)


@pytest.mark.parametrize("extra", [_VIDEO_LD, _NEXT_DATA], ids=["video-object-json-ld", "next-data-latest"])
def test_the_storys_body_meta_comes_before_the_pages_json_text(extra: str) -> None:
    """The story's <meta itemprop="datePublished"> in its microdata <article>, and an earlier "datePublished" in a
    VideoObject or a Next.js data blob: round three read the blob's 06:10."""
    body = (
        f"<main><article itemscope itemtype='https://schema.org/NewsArticle'><meta itemprop='datePublished' "
        f"content='{_NINE}'><h1 itemprop='headline'>{_TITLE}</h1><div class='byline'>By Sam Patel</div>{extra}"
        f"{_STORY}</article></main>"
    )
    assert _published(body) == _NINE


_NEXT_ARTICLE = (
    f"<article><div class='byline'>By Jo Smith {_t(_SIX, 'itemprop=datePublished')}</div><h2><a "
    "href='/news/ferry-fares-rise'>Ferry fares to rise in January</a></h2><p>Ferry operators said fares would rise."
    "</p></article>"
)


@pytest.mark.parametrize(
    "byline",
    [f"<div class='entry-meta'>By Sam Patel {_t(cls=_EP)}</div>", _BYLINE],
    ids=["entry-date-published", "plain-time"],
)
def test_an_infinite_scroll_next_article_opening_with_its_byline_is_another_storys(byline: str) -> None:
    """The next story's <article> opens "By Jo Smith" over its headline: round three took the whole article for a
    byline block and read its 06:10."""
    assert _published(_story(byline=byline, beside=_NEXT_ARTICLE)) == _NINE
    assert _published(_story(byline="<div class='byline'>By Sam Patel</div>", beside=_NEXT_ARTICLE)) == _DAY


@pytest.mark.parametrize("box", ["card-meta", "author-latest"])
def test_a_byline_class_beside_an_other_stories_part_is_no_byline_block(box: str) -> None:
    """A related box whose class says "meta" or "author" too, holding another story's link and time: round three
    read its 06:10."""
    item = f"<div class='{box}'>{_STRIP_LINK} {_t(_SIX, 'itemprop=datePublished')}</div>"
    byline = f"<div class='byline'>By Sam Patel {_t(cls=_PUB)}</div>"
    assert _published(_story(byline=byline, beside=item)) == _NINE
    assert _published(_story(byline=byline, after="") + item) == _NINE
    assert _published(_story(byline="<div class='byline'>By Sam Patel</div>", beside=item)) == _DAY


_HEADER_CLOCK = (
    f"<div id='header'><div class='date'>{_t('2026-12-07T13:39:00+00:00')}</div><a href='/'><img alt='Herald'></a>"
    "</div>"
)


@pytest.mark.parametrize("href", ["https://herald.example/?p=123", "/?p=123"])
def test_a_headline_linking_to_its_plain_permalink_is_no_logo(href: str) -> None:
    """A WordPress theme's story <h1> links to its own "/?p=123": round three took it for a home link (a logo) and
    read the header's clock, 13:39."""
    body = (
        f"{_HEADER_CLOCK}<div id='content'><div class='post'><h1 class='entry-title'><a href='{href}' rel='bookmark'>"
        f"{_TITLE}</a></h1><div class='entry-meta'>Posted by Sam Patel {_t()}</div><div class='entry-content'>{_STORY}"
        "</div></div></div>"
    )
    assert _published(body) == _NINE
    assert _published(body.replace(f"Posted by Sam Patel {_t()}", "Posted by Sam Patel")) == _DAY


def test_a_headline_naming_the_page_is_no_logo_even_linking_home() -> None:
    """An <h1> that links to "/" but whose text is the page's <title> is the story's headline."""
    body = (
        f"{_HEADER_CLOCK}<div id='content'><div class='post'><h1><a href='/'>{_TITLE}</a></h1><div class='entry-meta'>"
        f"Posted by Sam Patel {_t()}</div><div class='entry-content'>{_STORY}</div></div></div>"
    )
    assert _published(body) == _NINE
    # a site-name <h1> that links home with tracking is still a logo
    logo = f"<div id='header'><h1><a href='/?ref=logo'>Harbour Herald</a></h1>{_t(_SIX)}</div>"
    assert _published(_story(above=logo, byline="<div class='byline'>By Sam Patel</div>")) == _DAY


_LISTEN = "<a href='/audio/pier-rebuild'>Listen to this article</a>"
_CAPTION = f"<figure><img src='pier.jpg'><figcaption>The north pier, photographed {_t(_SIX)}</figcaption></figure>"


def test_a_listen_link_beside_the_time_keeps_it() -> None:
    """ "Listen to this article" (four words) beside the time: round three took it for a headline's link and read the
    day alone, or past it a lead image caption's 06:10."""
    row = f"<div class='timestamp-row'>{_t()} {_LISTEN}</div>"
    assert _published(_story(byline=row)) == _NINE
    assert _published(_story(byline=row + _CAPTION)) == _NINE


def test_a_lead_images_caption_time_is_not_the_storys() -> None:
    """A caption's time between the headline and the story is the photograph's: the day alone, never 06:10."""
    assert _published(_story(byline="<div class='byline'>By Sam Patel</div>" + _CAPTION)) == _DAY
    assert _published(_story(byline=_CAPTION + _BYLINE)) == _NINE


def test_a_banners_own_h1_is_no_headline() -> None:
    """A subscribe modal's <h1> over the masthead clock: round three took it for the headline and read 06:45."""
    modal = "<div class='modal subscribe'><h1>Subscribe to the Herald</h1><p>Just £1 a week.</p></div>"
    assert _published(_story(above=modal + _MASTHEAD_CLOCK)) == _NINE
    byline = "<div class='byline'>By Sam Patel</div>"
    assert _published(_story(above=modal + _MASTHEAD_CLOCK, byline=byline)) == _DAY
    # a page wrapped whole in a banner-named class still has its headline
    wrapped = f"<div class='has-cookie-banner'>{_MASTHEAD_CLOCK}{_story()}</div>"
    assert _published(wrapped) == _NINE
    assert _published(wrapped.replace(_BYLINE, byline)) == _DAY
