"""Subscription offer boxes ("Subscribe to keep reading", "£1 a week for 3 months", "Already a subscriber? Log in")
are no story text, whether the box is marked (paywall, Piano's tp-container) or not; a story about a paywall keeps
every line of its own."""

from __future__ import annotations

import pytest

from storytrace.article import _is_junk, article_from_html

STORY = [
    "The city council voted 7-2 on Tuesday to build a flood barrier across the mouth of the harbour, ending a decade "
    "of debate over how to protect the old town from storm surges.",
    "The barrier will cost an estimated £48 million and is due to be finished by 2029, the council's infrastructure "
    "chief, Mark Ellis, told the meeting.",
    '"We cannot keep sandbagging the high street every winter," Ellis said.',
    "Opponents said the money would be better spent on moving homes away from the shore.",
]


def page(box: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    head, tail = paragraphs.split("</p>", 2)[:2], paragraphs.split("</p>", 2)[2]
    return (
        "<!doctype html><html><head><title>Council approves harbour flood barrier | Harbour Gazette</title>"
        '<meta property="og:title" content="Council approves harbour flood barrier"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
        f"<h1>Council approves harbour flood barrier</h1>{'</p>'.join(head)}</p>{box}{tail}</article></main>"
        "<footer><p>© 2026 Harbour Gazette. All rights reserved.</p></footer></body></html>"
    )


PIANO_BOX = (
    '<div class="paywall tp-container" id="piano-offer"><h2>Subscribe to keep reading</h2>'
    "<p>Get unlimited access to the Harbour Gazette for just £1 a week for 3 months.</p>"
    "<p>Cancel anytime.</p><p>Offer ends soon. Terms apply.</p><a class='button' href='/subscribe'>Subscribe now</a>"
    "<p>Already a subscriber? <a href='/login'>Log in</a></p></div>"
)
UNMARKED_BOX = (
    "<section><p>This article is for subscribers only. Subscribe to continue reading.</p>"
    "<p>Unlimited digital access: £1 a week for 3 months, then £7.99 a month. Cancel anytime.</p>"
    "<p>Already a subscriber? Log in</p></section>"
)


@pytest.mark.parametrize("box", [PIANO_BOX, UNMARKED_BOX], ids=["piano-box", "unmarked-box"])
def test_paywall_box_is_dropped_and_the_story_kept(box: str) -> None:
    article = article_from_html(page(box))
    assert article.text.split("\n\n") == STORY


def test_story_paragraphs_classed_paywall_are_kept() -> None:
    # Sites class the part of the story shown to subscribers "paywall": that is story text, not an offer.
    box = f'<div class="article-body paywall"><p>{STORY[2]}</p><p>Subscribe to keep reading</p></div>'
    html = page(box).replace(f"<p>{STORY[2]}</p>", "", 1)
    article = article_from_html(html)
    assert STORY[2] in article.text.split("\n\n")
    assert "Subscribe" not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to keep reading",
        "Already a subscriber? Sign in here.",
        "You've reached your free article limit.",
        "To continue reading, please log in or subscribe.",
        "Only $1 a week for your first year. Cancel anytime.",
        "Try 4 weeks for £1, then £6.99 a month",
    ],
)
def test_offer_lines_are_junk(line: str) -> None:
    assert _is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers to the service will pay £1 a week for 3 months, the company said.",
        "The newspaper said its paywall had 300,000 subscribers, each paying £1 a week for three months.",
        "Unlimited access to the park will be granted to residents, the council said.",
        "The firm said it would charge £5 a month for the service, rising to £8 next year.",
        "Log in problems hit the bank's app on Tuesday.",
        "Subscribe, the advert urged.",
    ],
)
def test_news_about_subscriptions_is_not_junk(line: str) -> None:
    assert not _is_junk(line)
