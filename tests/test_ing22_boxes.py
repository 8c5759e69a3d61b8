"""Session 22: review rev21i2's pages. A marked box is dropped only when every line of it is page furniture, and an
embedded post reads the same whether its markup keeps the embed's class or not (no post cleaning runs)."""

from __future__ import annotations

import lxml.html

from storytrace.article import article_from_html
from storytrace.boxes import without_boxes
from storytrace.comparison import compare
from storytrace.settings import Settings

TITLE = "Man charged after A38 crash"
LEAD = "A man has been charged after a crash that closed the A38 for six hours."
SHORT = [
    "Police were called to the Marsh Mills junction at 6.40am on Tuesday.",
    "A 34-year-old woman was taken to Derriford Hospital with serious injuries.",
    "Daniel Hart, 41, of Plympton, will appear before magistrates on Friday.",
    "Anyone with dashcam footage is asked to contact police quoting log 112.",
]


def _page(body: str, title: str = TITLE) -> str:
    return (
        f"<!doctype html><html><head><title>{title} | Plymouth Herald</title>"
        '<meta property="article:published_time" content="2026-03-03"></head><body><main><article>'
        f"<h1>{title}</h1>{body}</article></main></body></html>"
    )


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _paragraphs(html: str) -> list[str]:
    return article_from_html(html).text.split("\n\n")


def test_a_paywall_box_of_short_story_paragraphs_with_a_share_button_is_the_story() -> None:
    """rev21i2's b1: four short paragraphs (under 80 characters each) and a "Gift this article" button in a
    ``paywall`` box were taken for an offer; a faithful copy then got four high claim_added."""
    box = f'<div class="paywall">{_ps(SHORT)}<div class="share-tools"><button>Gift this article</button></div></div>'
    page = _page(f"<p>{LEAD}</p>{box}")
    assert _paragraphs(page) == [LEAD, *SHORT]
    copy = "\n\n".join([TITLE, LEAD, *SHORT])
    report = compare(article_from_html(page), copy, settings=Settings(use_embeddings=False))
    assert [(f.type, f.severity) for f in report.findings if f.severity in ("high", "medium")] == []
    # one story line among offer lines keeps the box: when unsure, the text stays
    mixed = (
        f'<div class="premium-paywall"><p>Subscribe to keep reading.</p><p>{SHORT[0]}</p>'
        '<a class="button" href="/subscribe">Subscribe now</a></div>'
    )
    assert SHORT[0] in _paragraphs(_page(f"<p>{LEAD}</p>{mixed}"))


def test_an_offer_box_whose_every_line_is_furniture_still_goes() -> None:
    offer = (
        '<div class="paywall"><h2>Subscribe to keep reading</h2>'
        "<p>Get unlimited access to the Plymouth Herald for just £1 a week for 3 months.</p><p>Cancel anytime.</p>"
        '<a class="button" href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Log in</a>'
        "</p></div>"
    )
    newsletter = (
        "<div class='newsletter-signup'><h3>Morning Briefing</h3><p>Sign up for our newsletter and get the day's news "
        "in your inbox.</p><form><input type='email'><button>Sign up</button></form></div>"
    )
    assert _paragraphs(_page(f"<p>{LEAD}</p>{offer}{_ps(SHORT)}{newsletter}")) == [LEAD, *SHORT]


def test_a_story_line_with_an_offer_word_but_a_speaker_is_the_story() -> None:
    said = "Subscribers will pay £2 a month more from June, the company said."
    box = f'<div class="paywall"><p>{said}</p><button>Gift this article</button></div>'
    assert _paragraphs(_page(f"<p>{LEAD}</p>{_ps(SHORT)}{box}")) == [LEAD, *SHORT, said]


def test_a_call_out_with_a_story_line_is_the_story() -> None:
    # a box classed "callout" that holds a story sentence and a police address is the story's appeal, not the site's
    appeal = "Officers are trying to trace the driver of a grey van seen on the A38 at 6.30am on Tuesday."
    box = f'<div class="callout"><p>{appeal}</p><p>Email <a href="mailto:tips@police.example">tips</a></p></div>'
    assert appeal in _paragraphs(_page(f"<p>{LEAD}</p>{box}"))


MORLEY_TITLE = "Striker Dean Morley leaves Rovers after eight seasons"
MORLEY = [
    "Rovers striker Dean Morley has left the club after eight seasons, the Championship side confirmed on Monday.",
    "The 31-year-old scored 94 goals in 287 appearances and was the club's top scorer in four of those seasons.",
    "Morley said goodbye to supporters within minutes of the announcement.",
]
MORLEY_END = [
    "Manager Sue Harte thanked the striker and said the club would not stand in the way of a move abroad.",
    "Rovers are 14th in the Championship table, nine points clear of the relegation places with 11 games to play.",
]
SIGNATURE = "— Dean Morley (@deanmorley9) March 2, 2026"


def _tweet(text: str, classed: bool) -> str:
    attribute = ' class="twitter-tweet"' if classed else ""
    return (
        f'<blockquote{attribute}><p lang="en" dir="ltr">{text} <a href="https://t.co/x1">pic.twitter.com/x1</a></p>'
        '&mdash; Dean Morley (@deanmorley9) <a href="https://twitter.com/deanmorley9/status/1">March 2, 2026</a>'
        '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'
    )


def _morley(post: str) -> str:
    return _page(_ps(MORLEY) + post + _ps(MORLEY_END), title=MORLEY_TITLE)


def test_a_post_reads_the_same_with_or_without_its_embed_class() -> None:
    """rev21i2's copyD: the copy's CMS stripped the embed's class, the post was cleaned in the original only, and the
    faithful copy got two high claim_added."""
    text = "Eight years, 94 goals and memories I will never forget. Thank you Rovers, you will always be my club."
    classed, plain = _morley(_tweet(text, True)), _morley(_tweet(text, False))
    assert _paragraphs(classed) == _paragraphs(plain) == [*MORLEY, text, SIGNATURE, *MORLEY_END]
    report = compare(article_from_html(classed), article_from_html(plain), settings=Settings(use_embeddings=False))
    assert list(report.findings) == []


def test_a_posts_own_words_are_kept_whole() -> None:
    """rev21i2's e5 (the post's words cut at an em dash taken for a signature) and e6 (a leading @handle dropped)."""
    dash = "Some personal news — Dean Morley (@deanmorley9) is joining Ajax on a three-year deal. Thank you Rovers."
    handle = "@RoversFC gave me eight years, 94 goals and memories I will never forget. You will always be my club."
    for text in (dash, handle):
        assert _paragraphs(_morley(_tweet(text, True)))[len(MORLEY)] == text


def test_a_copy_that_keeps_the_signature_line_or_leaves_the_post_out_gets_no_high_finding() -> None:
    """rev21i2's copyA (a text copy keeping the post's signature line: high claim_added on ing21) and copyC (the post
    left out: high fact_omitted on ing21, medium on main). A post a copy leaves out is a dropped paragraph at the
    ordinary severity, not a dropped quotation: the page shows it, the story need not quote it."""
    text = "Eight years, 94 goals and memories I will never forget. Thank you Rovers, you will always be my club."
    original = article_from_html(_morley(_tweet(text, True)))
    kept = "\n\n".join([MORLEY_TITLE, *MORLEY, text, SIGNATURE, *MORLEY_END])
    left_out = "\n\n".join([MORLEY_TITLE, *MORLEY, *MORLEY_END])
    settings = Settings(use_embeddings=False)
    assert list(compare(original, kept, settings=settings).findings) == []
    severities = [f.severity for f in compare(original, left_out, settings=settings).findings]
    assert "high" not in severities


def test_only_a_bare_picture_address_in_a_quote_goes() -> None:
    words = "The fire service shared a picture at pic.twitter.com/Ab12 of the scene on Tuesday evening, officers said."
    page = _page(
        f"<p>{LEAD}</p><p>{words}</p><blockquote><p>{SHORT[0]} <a href='/x'>pic.twitter.com/Zz9</a></p></blockquote>"
    )
    tree = lxml.html.fromstring(page)
    found = without_boxes(tree)
    assert [el.text for el in found] == ["pic.twitter.com/Zz9"]
    assert _paragraphs(page) == [LEAD, words, SHORT[0]]


def test_reading_a_boxs_lines_is_linear() -> None:
    """Each box's lines are read in the one walk, each only up to the length that decides it: 15,000 nested paywall
    boxes around a story line (none taken out, so every one is judged) and one box of 100,000 spans read in time."""
    import time

    line = "<p>Police were called to the junction at 6.40am on Tuesday.</p><button>Gift this article</button>"
    nest = ("<div class='paywall'>" * 250 + line + "</div>" * 250) * 60
    wide = "<div class='paywall'>" + "<span>word </span>" * 100_000 + "<button>Go</button></div>"
    for body in (nest, wide):
        tree = lxml.html.fromstring(f"<html><body>{body}</body></html>")
        start = time.process_time()
        found = without_boxes(tree)
        assert time.process_time() - start < 3.0
        assert found == []
