"""rev27f R1: rev27b 3 took any <p> whose words are not all a date's for story prose, so ordinary byline lines
("Reuters · <time>", "<time> · 4 min read", "Posted by Sam Patel on <time>") no longer dated the page and it took a
related card's date, 22 months off. A <p> is story prose only when it reads like a sentence; a byline's separator, a
reading time or a "by <Name>" credit always makes it a byline."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html
from test_fixrev26b_related_date import CARD, HEAD, STORY
from test_fixrev27b_byline_time import END, PIER, PIER_BODY

OLD = "<div class='byline'>By Sam Patel <time datetime='2026-12-07T09:00:00+00:00'>9am</time></div>"
T = "<time datetime='2026-12-07T09:00:00+00:00'>"


def _page(byline: str) -> str:
    story = STORY.replace(OLD, byline)
    assert story != STORY
    return (
        f"{HEAD}<article class='post'>{story}</article><aside class='related'><h2>Related</h2><article "
        f"class='card'>{CARD}<time datetime='2025-02-16T08:00:00+00:00'>x</time></article></aside></main></body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    [
        f"<p>{T}7 December 2026, 9:00am</time> · 4 min read</p>",
        f"<p>Sam Patel, Harbour Herald · {T}9am</time></p>",
        f"<p>Reuters · {T}Monday 7 December 2026 09:00 GMT</time></p>",
        f"<p>Posted by Sam Patel on {T}7 December 2026 at 9am</time></p>",
        f"<p>Sam Patel and Jo Reid · {T}December 7, 2026 9:00 AM</time></p>",
        f"<p>Herald staff | {T}Dec. 7, 2026, 9:00 a.m.</time></p>",
        f"<p>Herald staff, {T}Dec 7</time>.</p>",  # a full stop after the time alone makes no sentence
        f"<p>Words and photos by Sam Patel, Harbour Herald chief reporter {T}9am</time></p>",
    ],
)
def test_an_ordinary_byline_line_dates_the_page(byline: str) -> None:
    assert article_from_html(_page(byline), warn=lambda message: None).published == "2026-12-07T09:00:00+00:00"


@pytest.mark.parametrize(
    "sentence",
    [
        # "By <weekday>" opens a sentence, not a credit
        "<p>By Saturday at <time datetime='2027-01-12T18:00:00+00:00'>6pm</time> the board must pick a contractor.</p>",
        # a name credited with "by" deep in a sentence is no byline
        "<p>The vote, called by Maria Lopez, is set for <time datetime='2027-01-12T18:00:00+00:00'>12 January at "
        "6pm</time> at the harbour office.</p>",
        # a sentence that lost its full stop but runs too long for a byline
        "<p>The board meets again on <time datetime='2027-01-12T18:00:00+00:00'>12 January at 6pm</time> to pick a "
        "contractor for the rebuild</p>",
    ],
)
def test_a_time_in_a_sentence_of_the_story_still_does_not_date_the_page(sentence: str) -> None:
    page = PIER + sentence + "".join(PIER_BODY) + END
    assert article_from_html(page, warn=lambda message: None).published == "2026-12-07"
