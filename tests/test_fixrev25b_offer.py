"""rev25b 7: "cut", "set", "put" and "hit" read as verbs before an object alone (rev24b 3), so a story's figure line
after its subject ("Premium membership hit 40,000 last year.") read as an offer's terms, and an offer-classed box
beside a Subscribe button that held it was dropped whole. Before a figure they are verbs again, unless an offer's own
noun stands before them ("every plan cut 50%")."""

from __future__ import annotations

import pytest

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
]


def _page(box: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in _LEAD) + box + "".join(f"<p>{p}</p>" for p in _REST)
    return (
        "<!doctype html><html><head><title>Streaming prices to rise again | Harbour Gazette</title>"
        '<meta property="article:published_time" content="2026-03-05T09:00:00+00:00"></head><body>'
        "<header class='site-header'><a class='logo' href='/'>Harbour Gazette</a></header><main><article>"
        f"<h1>Streaming prices to rise again</h1><p class='byline'>By Jane Doe</p>{paragraphs}</article></main></body>"
        "</html>"
    )


_STORY_LINES = ["Premium membership hit 40,000 last year.", "Premium membership cut 20% after the price rise."]


@pytest.mark.parametrize("line", _STORY_LINES)
def test_a_story_line_with_such_a_verb_before_a_figure_is_no_offer(line: str) -> None:
    assert not _offer_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Cyber Monday: every plan cut 50%, only $1 a week.",
        "Digital access cut 50% this week only.",
        "Introductory rate set at $1 a week, then $15.99 a month.",
        "Price cut to £1 a week.",
    ],
)
def test_an_offers_terms_after_its_own_noun_stay_an_offer_line(line: str) -> None:
    assert _offer_line(line)


@pytest.mark.parametrize("line", _STORY_LINES)
def test_an_offer_classed_box_holding_such_a_line_is_kept(line: str) -> None:
    """main dropped the box, and the story's line with it."""
    box = f'<div class="piano-offer"><h3>Join our members</h3><p>{line}</p><button>Subscribe</button></div>'
    assert line in article_from_html(_page(box)).text.split("\n\n")


def test_an_offer_box_of_such_terms_still_goes() -> None:
    box = (
        '<div class="piano-offer"><h3>Special offer</h3><p>Digital access cut 50% this week only.</p>'
        "<p>Cancel anytime.</p><button>Subscribe</button></div>"
    )
    assert article_from_html(_page(box)).text.split("\n\n") == [*_LEAD, *_REST]
