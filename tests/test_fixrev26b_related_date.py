"""rev26b 3: on a page with no publication meta or JSON-LD, htmldate's earliest date was another story's: a "Related"
card's after the story (in an <aside>, a list, or as a plain date) or the first of a strip of <article> cards above
it became the story's ``published``, and trace's date bound and scan's direction went wrong with it. A date no
publication markup backs gives way to the story's byline time."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

HEAD = "<html><head><title>Pier rebuild: board says yes | Harbour Herald</title></head><body><main>"
STORY = (
    "<h1>Harbour board approves £4.2m north pier rebuild</h1>"
    "<div class='byline'>By Sam Patel <time datetime='2026-12-07T09:00:00+00:00'>9am</time></div>"
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year, and several skippers said they had lost thousands of pounds in landing fees.</p>"
    "<p>The council will pay a third of the cost, with the rest from a government levelling-up grant.</p>"
)
CARD = (
    "<h2>North pier closed after storm damage</h2><p>The north pier was shut on Saturday after engineers found "
    "cracks in its supports following the weekend storms.</p>"
)
STRIP = "".join(
    f"<article class='card'><h2>Council {w} vote delayed again</h2><p>The {w} committee put off its decision on the "
    f"{w} plan for a third time on Monday, saying it needed more advice from officers before going ahead.</p>"
    f"<time datetime='2026-12-0{k + 1}T06:10:00+00:00'>x</time></article>"
    for k, w in enumerate(["parking", "library", "bus lane"])
)
END = "</main></body></html>"


@pytest.mark.parametrize(
    "page",
    [
        # a related card in an aside after the story
        f"{HEAD}<article class='post'>{STORY}</article><aside class='related'><h2>Related</h2><article "
        f"class='card'>{CARD}<time datetime='2025-02-16T08:00:00+00:00'>x</time></article></aside>{END}",
        # a list of related stories
        f"{HEAD}<article class='post'>{STORY}</article><h2>Related</h2><ul><li>{CARD}<time "
        f"datetime='2025-02-16T08:00:00+00:00'>16 Feb 2025</time></li></ul>{END}",
        # a strip of cards above the story
        f"{HEAD}<section class='top-stories'>{STRIP}</section><article class='post'>{STORY}</article>{END}",
    ],
)
def test_another_storys_date_is_not_the_pages_when_its_byline_gives_one(page: str) -> None:
    article = article_from_html(page, warn=lambda message: None)
    assert article.published == "2026-12-07T09:00:00+00:00"


def test_a_date_publication_markup_gives_is_kept() -> None:
    # the page's meta tag dates it a day before its byline's <time> (an update it does not mark as one): the markup
    # is the publication's, as before
    page = (
        HEAD.replace("</head>", "<meta property='article:published_time' content='2026-12-06T18:00:00+00:00'></head>")
        + f"<article class='post'>{STORY}</article>{END}"
    )
    assert article_from_html(page, warn=lambda message: None).published == "2026-12-06T18:00:00+00:00"
