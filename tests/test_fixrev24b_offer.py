"""rev24b 3: "cut", "set", "put" and "hit" read as a story's verbs before "at", "to" or a figure, so an offer's passive
terms ("Introductory rate set at $1 a week") read as a sentence that tells of others: a real paywall box holding one
stayed in the text, and a faithful copy without it got a HIGH claim_added. They are verbs before an object only."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import article_from_html
from storytrace.boxes import _offer_line

_LEAD = [
    "The streaming service said on Tuesday it would raise prices for most of its 4.2 million UK customers from April, "
    "its second rise in eighteen months.",
    "Analysts at Ofcom said the move followed similar rises by rival services, which have struggled to keep viewers "
    "since the pandemic ended.",
]
_REST = [
    "The company said the extra money would fund new drama and live sport, including the rights to two Premier League "
    "matches a week from next season.",
    "Consumer groups criticised the timing, coming as household budgets remain squeezed by energy bills and higher "
    "mortgage payments across the country.",
]
_OFFER_TERMS = [
    "Introductory rate set at $1 a week, then $15.99 a month.",
    "Cyber Monday: every plan cut 50%, only $1 a week.",
    "Special rate put at just $1 a week for new readers.",
    "Price cut to £1 a week.",
]


def _page(box: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in _LEAD) + box + "".join(f"<p>{p}</p>" for p in _REST)
    return (
        "<!doctype html><html><head><title>Streaming prices to rise again | Harbour Gazette</title>"
        '<meta property="article:published_time" content="2026-03-05T09:00:00+00:00"></head><body>'
        "<header class='site-header'><a class='logo' href='/'>Harbour Gazette</a></header><main><article>"
        f"<h1>Streaming prices to rise again</h1><p class='byline'>By Jane Doe</p>{paragraphs}</article></main>"
        "<footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


@pytest.mark.parametrize("line", _OFFER_TERMS)
def test_an_offers_passive_term_is_an_offer_line(line: str) -> None:
    assert _offer_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The paper cut its subscription price to £1 a week.",
        "The Herald set a new price for its app in March.",
        "Rivals hit their subscriber targets in the spring.",
        "Premium membership fell to 40,000 last year.",
    ],
)
def test_a_story_line_with_a_verb_before_its_object_is_no_offer(line: str) -> None:
    assert not _offer_line(line)


@pytest.mark.parametrize("line", _OFFER_TERMS[:3])
def test_a_paywall_box_with_such_a_term_goes_and_a_faithful_copy_is_quiet(line: str) -> None:
    """main kept the box as story: the copy without it got a HIGH claim_added."""
    box = (
        f'<div class="piano-offer"><h3>Special offer</h3><p>{line}</p><p>Cancel anytime.</p>'
        "<button>Subscribe</button></div>"
    )
    page = article_from_html(_page(box))
    assert page.text.split("\n\n") == [*_LEAD, *_REST]
    report = compare(article_from_html(_page("")), page)
    assert not [f for f in report.findings if f.severity in ("medium", "high")]
