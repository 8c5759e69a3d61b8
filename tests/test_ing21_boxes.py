"""Boxes a page marks as no part of its story are left out; story text that only reads like them is kept (session 21).

Session 20's attempt dropped story sentences that read like offers, appeals or captions, and embedded posts a story
quotes; these tests hold both sides: the marked box goes, the look-alike prose stays.
"""

from __future__ import annotations

import json

import lxml.html

from storytrace.article import article_from_html
from storytrace.boxes import without_boxes
from storytrace.comparison import compare
from storytrace.settings import Settings

STORY = [
    "The Harbour Council approved a new flood levy on Tuesday after a three-hour debate that ran late into the night.",
    "Under the plan, the council will raise £4.2m over two years to repair the Eastbay sea wall, officials say.",
    "Opponents said the levy fell hardest on pensioners, and the mayor, Ana Ruiz, promised a review in June.",
    "Work on the wall is due to start in September and to last eighteen months, the council's engineer told members.",
]
TITLE = "Harbour council approves flood levy"

OFFER_BOX = (
    '<div class="paywall tp-container" id="piano-offer"><h2>Subscribe to keep reading</h2>'
    "<p>Get unlimited access to the Harbour Gazette for just £1 a week for 3 months.</p><p>Cancel anytime.</p>"
    '<a class="button" href="/subscribe">Subscribe now</a>'
    '<p>Already a subscriber? <a href="/login">Log in</a></p></div>'
)
OFFER_LIKE = "All households will pay £3 a month for six months, and customers can cancel anytime, the council said."
APPEAL_LIKE = "Have you been affected? Police asked witnesses to call 101, quoting incident 245 of 3 March."
CAPTION_LIKE = "A photo shared by police shows the damaged car on the A30 near Exeter."


def _page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{TITLE} | Harbour Gazette</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><main><article><h1>{TITLE}</h1>{body}</article></main>"
        "<footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _paragraphs(html: str) -> list[str]:
    return article_from_html(html).text.split("\n\n")


def test_an_offer_box_goes_and_offer_like_story_sentences_stay() -> None:
    story = [STORY[0], OFFER_LIKE, STORY[1], STORY[2]]
    got = _paragraphs(_page(_ps(story[:2]) + OFFER_BOX + _ps(story[2:])))
    assert got == story


def test_look_alike_story_sentences_in_free_prose_stay() -> None:
    story = [STORY[0], APPEAL_LIKE, STORY[1], CAPTION_LIKE, STORY[2], OFFER_LIKE, STORY[3]]
    assert _paragraphs(_page(_ps(story))) == story


def test_a_paywall_classed_container_of_the_story_is_the_story() -> None:
    # Google asks paywalled pages to class the subscribers' part and name it in JSON-LD; many class it so without
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": TITLE,
            "isAccessibleForFree": False,
            "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywall"},
        }
    )
    head = f'<script type="application/ld+json">{ld}</script>'
    short = "Read the <a href='/report'>council report</a>: all households will pay £3 a month."
    body = _ps(STORY[:2]) + f"<div class='paywall'><p>{short}</p>{_ps(STORY[2:])}</div>"
    got = _paragraphs(_page(body, head))
    assert got == [*STORY[:2], "Read the council report: all households will pay £3 a month.", *STORY[2:]]
    # unnamed in JSON-LD, the story's paragraphs are prose: a box of them is no offer
    assert _paragraphs(_page(_ps(STORY[:2]) + f"<div class='paywall'>{_ps(STORY[2:])}</div>")) == STORY


def test_a_call_out_box_goes_and_an_appeal_in_the_story_stays() -> None:
    callout = (
        '<div class="callout"><p><strong>Have you been affected by the issues in this story?</strong></p>'
        "<p>Share your story: email yourstory@harbourgazette.example or use the form below.</p></div>"
    )
    story = [STORY[0], APPEAL_LIKE, STORY[1], STORY[2]]
    assert _paragraphs(_page(_ps(story) + callout)) == story
    # a fact box classed the same way, with no address to write to, is the story's
    facts = '<div class="callout"><p>The sea wall was built in 1911 and last repaired in 1987.</p></div>'
    assert "The sea wall was built in 1911" in article_from_html(_page(_ps(STORY) + facts)).text


def test_a_related_list_goes_but_a_related_classed_paragraph_of_prose_stays() -> None:
    related = (
        '<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise again</a></li>'
        '<li><a href="/b">Mayor faces questions over contract</a></li></ul></div>'
    )
    assert _paragraphs(_page(_ps(STORY[:2]) + related + _ps(STORY[2:]))) == STORY
    # a box so classed that is prose, not links, is not taken for one (the extractor judges it on its own after)
    prose = f'<div class="related-context"><p>{STORY[2]} <a href="/levy">The levy</a> is new.</p></div>'
    tree = lxml.html.fromstring(_page(_ps(STORY[:2]) + prose + _ps(STORY[3:])))
    assert without_boxes(tree) == []
    found = without_boxes(lxml.html.fromstring(_page(related)))
    assert [b.get("class") for b in found] == ["related-stories"]


def _tweet(text: str, handle: str = "CityPolice") -> str:
    return (
        f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text} '
        '<a href="https://t.co/x1">pic.twitter.com/Ab12Cd34</a></p>&mdash; City Police '
        f'(@{handle}) <a href="https://twitter.com/{handle}/status/1">March 3, 2026</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>'
    )


POST = "Roads around the sea wall will stay closed until at least 6pm. Please avoid the area."


def test_an_embedded_post_is_read_as_the_page_shows_it_less_its_picture_link() -> None:
    # session 22: a post is kept whether or not the story introduces it, with its signature line (the story's
    # attribution of the quote), as a copy whose CMS strips the embed's class reads it (tests/test_ing22_boxes.py)
    got = _paragraphs(_page(_ps(STORY[:2]) + _tweet(POST) + _ps(STORY[2:])))
    assert got == [*STORY[:2], POST, "— City Police (@CityPolice) March 3, 2026", *STORY[2:]]


def test_a_faithful_copy_of_a_page_with_look_alike_sentences_stays_quiet() -> None:
    """The harm session 20 did: a look-alike sentence dropped from the page made a faithful copy's sentence 'added'.
    (Session 22: the post this test also quoted is left out of it; a copy that sets an embedded post's words in
    quotation marks gets a quote_fabricated, as on main, see benchmarks/RESULTS.md.)"""
    story = [STORY[0], OFFER_LIKE]
    rest = [APPEAL_LIKE, STORY[1], STORY[2], STORY[3]]
    page = _page(_ps(story) + OFFER_BOX + _ps(rest))
    copy = "\n\n".join([*story, *rest])
    report = compare(article_from_html(page), copy, settings=Settings(use_embeddings=False))
    assert report.verdict.relation == "derived"
    assert [(f.type, f.severity) for f in report.findings if f.severity in ("high", "medium")] == []
