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
