"""Session 23: embedded posts read as a reader sees them. An old-style Instagram embed (its caption one link in a <p>,
"A post shared by Sam Hill (@samhill) on <time>...</time>" in a <p> styled "overflow:hidden") was lost whole; Reddit's
embed code "by<a>u/rfan88</a> in<a>unitedkingdom</a>" was read "byu/rfan88 inunitedkingdom". The same with the embed
classes stripped (a copy's CMS); a wordless new-style Instagram embed, a hidden element in a quote and a short link
line in a quote read as before."""

from __future__ import annotations

import re

import pytest

from storytrace.article import article_from_html

LEAD = (
    "The county council said on Tuesday it would close the harbour road until the sea wall is repaired, which could "
    "take until the summer."
)
MIDDLE = "Residents shared pictures of the water on social media as the tide rose through the morning."
LAST = "The council said a full inspection of the wall would begin once the water had gone down."
CAPTION = "What a day it has been. Thank you all for coming out in the rain to fill sandbags. #harbourtown"
SHARED = "A post shared by Sam Hill (@samhill) on Mar 4, 2026 at 10:04am PST"
REDDIT_TITLE = "Flooding on the harbour road this morning"

REDDIT = (
    '<blockquote class="reddit-embed-bq" style="height:500px" data-embed-height="740"><a href="https://www.reddit.com'
    f'/r/unitedkingdom/comments/1b2c3d/flooding/">{REDDIT_TITLE}</a><br> by<a href="https://www.reddit.com/user/rfan88/'
    '">u/rfan88</a> in<a href="https://www.reddit.com/r/unitedkingdom/">unitedkingdom</a></blockquote><script async="" '
    'src="https://embed.reddit.com/widgets.js" charset="UTF-8"></script>'
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/'
    'BxYz12AbC/" data-instgrm-version="12" style=" background:#FFF; border:0; margin: 1px; max-width:540px;"><div '
    'style="padding:8px;"> <div style=" background:#F8F8F8; line-height:0; margin-top:40px; padding:50.0% 0; '
    'text-align:center; width:100%;"> <div style=" display:block; height:44px; margin:0 auto -44px; position:relative; '
    'top:-22px; width:44px;"></div></div> <p style=" margin:8px 0 0 0; padding:0 4px;"> <a href="https://www.instagram'
    '.com/p/BxYz12AbC/" style=" color:#000; font-family:Arial,sans-serif; font-size:14px; text-decoration:none; '
    f'word-wrap:break-word;" target="_blank">{CAPTION}</a></p> <p style=" color:#c9c8cd; font-family:Arial,sans-serif; '
    "font-size:14px; line-height:17px; margin-bottom:0; margin-top:8px; overflow:hidden; padding:8px 0 7px; "
    'text-align:center; text-overflow:ellipsis; white-space:nowrap;">A post shared by <a href="https://www.instagram.com'
    '/samhill/" style=" color:#c9c8cd; font-family:Arial,sans-serif;" target="_blank"> Sam Hill</a> (@samhill) on '
    '<time style=" font-family:Arial,sans-serif; font-size:14px; line-height:17px;" '
    'datetime="2026-03-04T18:04:11+00:00">'
    'Mar 4, 2026 at 10:04am PST</time></p></div></blockquote> <script async defer src="//www.instagram.com/embed.js">'
    "</script>"
)
INSTAGRAM_NO_CAPTION = (
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C4xYz/" '
    'data-instgrm-version="14"><div style="padding:16px;"> <a href="https://www.instagram.com/p/C4xYz/" '
    'target="_blank"><div style="padding: 19% 0;"></div><div style="padding-top: 8px;"><div style="color:#3897f0;">'
    'View this post on Instagram</div></div></a><p style="margin-top:8px; overflow:hidden; white-space:nowrap;">'
    '<a href="https://www.instagram.com/p/C4xYz/" target="_blank">A post shared by Harbour Lifeboat (@harbourlifeboat)'
    "</a></p></div></blockquote>"
)


def _page(embeds: list[str]) -> str:
    """A news page: site header and navigation, the story with its byline time and ``embeds`` between its paragraphs,
    a related rail, a footer."""
    first, second = embeds if len(embeds) == 2 else (embeds[0], "")
    return (
        "<!doctype html><html><head><title>Sea wall breach floods harbour road | Harbour Gazette</title></head><body>"
        "<header class='site-header'><a href='/'>Harbour Gazette</a><nav><ul><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav></header><main><article><header>"
        "<h1>Sea wall breach floods harbour road</h1><div class='byline'>By Ana Ruiz "
        "<time datetime='2026-03-05T09:00:00Z'>5 March 2026</time></div></header>"
        f"<p>{LEAD}</p><p>{MIDDLE}</p>{first}<p>{LAST}</p>{second}</article>"
        "<section class='related-stories'><h2>More news</h2><ul><li><a href='/n/1'>Council budget row deepens</a></li>"
        "</ul></section></main><footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


def _unclassed(markup: str) -> str:
    return re.sub(r' class="[^"]*"', "", markup)


@pytest.mark.parametrize("strip", [False, True])
def test_posts_read_as_shown(strip: bool) -> None:
    embeds = [REDDIT, INSTAGRAM]
    article = article_from_html(_page([_unclassed(e) for e in embeds] if strip else embeds))
    assert article.text.split("\n\n") == [
        LEAD,
        MIDDLE,
        f"{REDDIT_TITLE}\nby u/rfan88 in unitedkingdom",
        LAST,
        CAPTION,
        SHARED,
    ]
    assert article.published == "2026-03-05T09:00:00+00:00"  # the byline's, not the post's <time>


def test_a_wordless_instagram_embed_adds_nothing() -> None:
    assert article_from_html(_page([INSTAGRAM_NO_CAPTION])).text.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_hidden_line_in_a_quote_stays_hidden() -> None:
    quote = (
        "<blockquote><p>The sea wall has held for ninety years and it will hold again, the harbour master said.</p>"
        '<p style="display:none; overflow:hidden">Tracking pixel text that no reader sees at all here.</p></blockquote>'
    )
    text = article_from_html(_page([quote])).text
    assert "Tracking pixel" not in text
    assert "ninety years" in text


def test_a_short_link_line_in_a_quote_is_still_a_control() -> None:
    quote = (
        "<blockquote><p>The sea wall has held for ninety years and it will hold again, the harbour master said.</p>"
        "<p><a href='/report'>Read the report</a></p></blockquote>"
    )
    assert "Read the report" not in article_from_html(_page([quote])).text
