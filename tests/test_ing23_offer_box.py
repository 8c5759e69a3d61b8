"""Session 23: a paywall-classed box of story lines that merely mention offers ("Subscribers on the standard plan will
pay £12.99 a month from 1 April.", "The company's offer to subscribers ... is unchanged.") beside a real Subscribe
button is the story's: such a line tells of others, it does not speak to the reader. Offer boxes that do speak to the
reader ("Get unlimited access ...", "Already a subscriber? Log in", "This article is for subscribers only.") still go.
"""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html
from storytrace.boxes import _offer_line

LEAD = [
    "The streaming service said on Tuesday it would raise prices for most of its 4.2 million UK customers from April, "
    "its second rise in eighteen months.",
    "Analysts at Ofcom said the move followed similar rises by rival services, which have struggled to keep viewers "
    "since the pandemic ended.",
]
REST = [
    "The company said the extra money would fund new drama and live sport, including the rights to two Premier League "
    "matches a week from next season.",
    "Consumer groups criticised the timing, coming as household budgets remain squeezed by energy bills and higher "
    "mortgage payments across the country.",
]
PRICE_LINES = [
    "Subscribers on the standard plan will pay £12.99 a month from 1 April.",
    "The premium tier rises to £18.99 a month, up from £15.99.",
    "The company's offer to subscribers who pay annually is unchanged.",
    "Members can cancel anytime before the change takes effect.",
]
SUBSCRIBE_LINK = '<div class="article-tools"><a class="btn" href="/subscribe">Subscribe</a></div>'
SUBSCRIBE_BUTTON = "<button>Subscribe</button>"
REAL_OFFER = (
    '<div class="paywall"><h2>Subscribe to keep reading</h2><p>Get unlimited access to the Harbour Gazette for just £1 '
    "a week for 3 months.</p><p>Cancel anytime.</p><a class='button' href='/subscribe'>Subscribe now</a>"
    "<p>Already a subscriber? <a href='/login'>Log in</a></p></div>"
)
SUBSCRIBERS_ONLY = (
    '<div class="subscription-prompt"><p>This article is for subscribers only.</p><p>You have reached your limit of '
    "free articles this month.</p><a class='btn' href='/subscribe'>Subscribe</a></div>"
)


def _ps(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _page(box: str) -> str:
    """A news page: site header with its own Subscribe button, navigation, the story, a related rail, a footer."""
    return (
        "<!doctype html><html><head><title>Streaming prices to rise again | Harbour Gazette</title>"
        '<meta property="article:published_time" content="2026-03-05T09:00:00+00:00"></head><body>'
        "<header class='site-header'><a class='logo' href='/'>Harbour Gazette</a><nav><ul><li><a href='/news'>News"
        "</a></li><li><a href='/sport'>Sport</a></li></ul></nav><a class='btn' href='/subscribe'>Subscribe</a>"
        "</header><main><article><h1>Streaming prices to rise again</h1><p class='byline'>By Jane Doe</p>"
        f"{_ps(LEAD)}{box}{_ps(REST)}</article><section class='related-stories'><h2>More news</h2><ul><li>"
        "<a href='/n/1'>Council budget row deepens</a></li><li><a href='/n/2'>Rail strike talks fail</a></li></ul>"
        "</section></main><footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


@pytest.mark.parametrize("action", [SUBSCRIBE_LINK, SUBSCRIBE_BUTTON])
def test_story_lines_that_mention_offers_stay_beside_a_subscribe_button(action: str) -> None:
    page = _page(f"<div class='paywall'>{_ps(PRICE_LINES)}{action}</div>")
    assert article_from_html(page).text.split("\n\n") == [*LEAD, *PRICE_LINES, *REST]


@pytest.mark.parametrize("offer", [REAL_OFFER, SUBSCRIBERS_ONLY])
def test_offers_that_speak_to_the_reader_still_go(offer: str) -> None:
    page = _page(_ps(PRICE_LINES) + offer)
    assert article_from_html(page).text.split("\n\n") == [*LEAD, *PRICE_LINES, *REST]


@pytest.mark.parametrize(
    "line",
    [
        "Get unlimited access to the Harbour Gazette for just £1 a week for 3 months.",
        "Already a subscriber? Log in",
        "Support local journalism. Subscribe from £1 a week.",
        "Unlimited digital access from £1 a week",
        "Introductory offer: £1 a week for 12 weeks.",
        "This content is for subscribers only.",
        "Sign up to our free daily newsletter for the latest news.",
        "Limited time offer: get 6 months for £1.",
    ],
)
def test_offer_lines(line: str) -> None:
    assert _offer_line(line)


@pytest.mark.parametrize(
    "line",
    [
        *PRICE_LINES,
        "The paper launched a free morning newsletter on Monday.",
        "Readers can sign up for it on the paper's website.",
        "Annual subscriptions rise to £129.",
    ],
)
def test_story_lines_with_offer_words(line: str) -> None:
    assert not _offer_line(line)
