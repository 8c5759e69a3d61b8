"""rev27b 3: on a page dated only by its byline's words ("By Jo Reid, 7 December 2026", no publication markup), the
rev26b 3 rule took a <time> with a time of day in the story's own text (a kick-off, a meeting to come) for the
byline's, and the page was published days ahead: a same-day copy then looked older than it. Only the byline's own
<time>s stand in for a date no markup backs; a byline's in a plain <p> still does."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.article import Article, article_from_html
from storytrace.index import Index
from test_fixrev26b_related_date import CARD, HEAD, STORY

END = "</article></main></body></html>"
KICKOFF = (
    "<html><head><title>Harbour Town v Rovers | Herald</title></head><body><main><article>"
    "<h1>Harbour Town sign striker ahead of Rovers derby</h1><p class='meta'>By Jo Reid, 7 December 2026</p>"
    "<p>Harbour Town have signed striker Leon Barr on a two-year deal ahead of Saturday's derby against Rovers.</p>"
    "<p>Kick-off: <time datetime='2026-12-12T15:00:00+00:00'>Saturday 3pm</time>, Harbour Park.</p>"
    "<p>Barr, 27, scored 14 goals for Kingsport last season and had been a free agent since leaving the club in the "
    "summer.</p><p>Manager Paul Dean said the deal had been agreed on Friday after a medical.</p>" + END
)
PIER = (
    "<html><head><title>Pier rebuild | Harbour Herald</title></head><body><main><article class='post'>"
    "<h1>Harbour board approves £4.2m north pier rebuild</h1><div class='byline'>By Sam Patel · December 7, 2026</div>"
)
MEETING = "<p>The board meets again on <time datetime='2027-01-12T18:00:00+00:00'>12 January at 6pm</time> to pick a contractor.</p>"  # noqa: E501
PIER_BODY = [
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p>",
    "<p>Board chair Maria Lopez said the work would start in May and take 18 months, with the pier reopening to boats "
    "in late 2027.</p>",
    "<p>Fishing crews have had to use the smaller south quay for more than a year, and several skippers said they had "
    "lost thousands of pounds in landing fees.</p>",
]


@pytest.mark.parametrize(
    "page",
    [
        KICKOFF,
        PIER + MEETING + "".join(PIER_BODY) + END,  # the meeting's time opens the story
        PIER + PIER_BODY[0] + MEETING + "".join(PIER_BODY[1:]) + END,
    ],
)
def test_a_time_in_the_storys_text_is_not_its_publication_date(page: str) -> None:
    assert article_from_html(page, warn=lambda message: None).published == "2026-12-07"


@pytest.mark.parametrize(
    "byline",
    [
        "<p>By Sam Patel, <time datetime='2026-12-07T09:00:00+00:00'>9am</time></p>",
        "<p><time datetime='2026-12-07T09:00:00+00:00'>Monday 7 December 2026, 9am GMT</time></p>",
        "<p>7 December 2026, <time datetime='2026-12-07T09:00:00+00:00'>09:00</time></p>",
        "<p>Harbour Herald · Published <time datetime='2026-12-07T09:00:00+00:00'>9am</time></p>",
    ],
)
def test_a_byline_time_in_a_plain_paragraph_still_dates_the_page(byline: str) -> None:
    # rev26b 3's page: a related card's date after the story is htmldate's; the byline's time, in a <p>, is the page's
    story = STORY.replace(
        "<div class='byline'>By Sam Patel <time datetime='2026-12-07T09:00:00+00:00'>9am</time></div>", byline
    )
    assert story != STORY
    page = (
        f"{HEAD}<article class='post'>{story}</article><aside class='related'><h2>Related</h2><article "
        f"class='card'>{CARD}<time datetime='2025-02-16T08:00:00+00:00'>x</time></article></aside></main></body></html>"
    )
    assert article_from_html(page, warn=lambda message: None).published == "2026-12-07T09:00:00+00:00"


def test_a_same_day_copy_of_the_sports_page_traces_to_it(tmp_path: Path) -> None:
    page = article_from_html(KICKOFF, warn=lambda message: None)
    page = Article(text=page.text, id="herald-barr", published=page.published)
    copy = page.text.replace("Harbour Town have signed", "Harbour Town have completed the signing of")
    with Index(tmp_path / "i.db", lexical_only=True) as index:
        index.add([page])
        result = index.trace(Article(text=copy, id="copy", published="2026-12-07T16:00:00+00:00"), top=3)
    assert result.source == "herald-barr"
