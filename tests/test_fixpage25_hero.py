"""rev25g 5: a section's "page-banner" <h1> ("Local News") in <main>, then prose in a plain box (a support appeal, a
section intro), then the story's <article> with its own <h1> and a 09:00 byline. The story's <h1> was passed over as
"past the hero's story" (rev25b 1) and published dropped to the date alone. Only prose in another <article> is a
hero's story now; rev25b 1's page (the hero's story in an <article>, a next <article> after it) keeps its time."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

_TITLE = "Harbour board approves £4.2m north pier rebuild"
_NINE = "2026-12-07T09:00:00+00:00"
_SIX = "2026-12-07T06:10:00+00:00"
_STORY = (
    "<p>The harbour board approved a £4.2m plan on Tuesday to rebuild the north pier, which has been closed since "
    "storms damaged it in February 2025.</p><p>Board chair Maria Lopez said the work would start in May and take 18 "
    "months, with the pier reopening to boats in late 2027.</p><p>Fishing crews have had to use the smaller south "
    "quay for more than a year.</p>"
)
_BYLINE = f"<div class='byline'>By Sam Patel <time datetime='{_NINE}'>9am</time></div>"
_APPEAL_PROSE = (
    "<p>Independent local journalism needs your support. The Herald is owned by nobody but its readers, and every "
    "story we publish is free to read.</p><p>Every contribution, however big or small, helps us keep reporting on the "
    "councils, courts and schools that shape Riverside.</p>"
)
_NEXT = (
    "<article class='next-post'><h1><a href='/news/ferry-fares-rise'>Ferry fares to rise in January</a></h1>"
    f"<div class='byline'>By Jo Smith <time datetime='{_SIX}'>6.10am</time></div><p>Ferry operators said on Monday "
    "that fares on all routes would rise by 8% from January, blaming fuel costs and wages.</p><p>The council said it "
    "would ask the operators to freeze fares for residents and for school pupils on the island routes.</p></article>"
)


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Pier rebuild: board says yes | Harbour Herald</title>"
        f"</head><body><main>{body}</main></body></html>"
    )


@pytest.mark.parametrize(
    "between",
    [f"<div class='support-appeal'>{_APPEAL_PROSE}</div>", _APPEAL_PROSE, f"<section>{_APPEAL_PROSE}</section>"],
    ids=["appeal-box", "section-intro", "section"],
)
def test_a_section_banners_h1_over_a_plain_box_leaves_the_storys_h1_its_byline(between: str) -> None:
    """main: published "2026-12-07" (the story's <h1> passed over, its byline's 09:00 lost)."""
    body = f"<div class='page-banner'><h1>Local News</h1></div>{between}<article class='post'><h1>{_TITLE}</h1>"
    article = article_from_html(_page(body + f"{_BYLINE}{_STORY}</article>"))
    assert article.published == _NINE
    assert "The harbour board approved" in article.text


def test_the_heros_story_in_an_article_still_passes_the_next_articles_h1_over() -> None:
    """Counterpart (rev25b 1): the banner's <h1> is the story's, its prose in an <article>, a next <article> after
    it; a support appeal in a plain box before the story must not hide that prose either. The next story's 06:10
    stays out."""
    body = (
        f"<div class='page-banner'><h1>{_TITLE}</h1>{_BYLINE}</div><div class='support-appeal'>{_APPEAL_PROSE}</div>"
        f"<article class='post'>{_STORY}</article>{_NEXT}"
    )
    assert article_from_html(_page(body)).published == _NINE
