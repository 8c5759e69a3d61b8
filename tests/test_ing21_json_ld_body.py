"""A page cut short (a paywall shows its first paragraphs) is read whole from its own JSON-LD ``articleBody``; a
complete page, another story's body and a body that does not hold what the page shows are not read (session 21)."""

from __future__ import annotations

import json
from typing import Any

from storytrace.article import article_from_html

TITLE = "Harbour council approves flood levy"
STORY = [
    "The Harbour Council approved a new flood levy on Tuesday after a three-hour debate that ran late into the night.",
    "Under the plan, the council will raise £4.2m over two years to repair the Eastbay sea wall, officials say.",
    "Opponents said the levy fell hardest on pensioners, and the mayor, Ana Ruiz, promised a review in June.",
    "Work on the wall is due to start in September and to last eighteen months, the council's engineer told members.",
    "The levy will appear on council tax bills from April, and households on benefits are exempt, the council said.",
]
OTHER = "Ferry fares will rise by eight per cent in May, the operator said, blaming the cost of fuel and of new crews."


def _ld(**fields: Any) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _page(shown: list[str], *scripts: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in shown)
    return (
        f"<!doctype html><html><head><title>{TITLE}</title>{''.join(scripts)}</head><body><article><h1>{TITLE}</h1>"
        f"{body}<div class='paywall'><h2>Subscribe to keep reading</h2><a href='/subscribe'>Subscribe</a></div>"
        "</article></body></html>"
    )


def test_a_cut_page_is_read_whole_from_its_own_article_body() -> None:
    # only a page whose object says it is paywalled (isAccessibleForFree false) is cut: a paywall box alone is not
    # enough (session 22: a free page with a subscribe box had its body's author bio read in)
    page = _page(STORY[:2], _ld(headline=TITLE, articleBody="\n\n".join(STORY)))
    assert article_from_html(page).text.split("\n\n") == STORY[:2]
    for shown in (STORY[:2], STORY[:4]):
        page = _page(shown, _ld(headline=TITLE, isAccessibleForFree=False, articleBody="\n\n".join(STORY)))
        assert article_from_html(page).text.split("\n\n") == STORY


def test_a_body_given_as_markup_is_read_for_its_text() -> None:
    markup = "".join(f"<p>{p}</p>" for p in STORY) + "<figure><img src='x.jpg'><figcaption>Photo: Eastbay</figcaption>"
    page = _page(STORY[:2], _ld(headline=TITLE, isAccessibleForFree=False, articleBody=markup + "</figure>"))
    assert article_from_html(page).text.split("\n\n") == STORY


def test_another_storys_body_is_never_read() -> None:
    related = _ld(headline="Ferry fares to rise in May", articleBody=" ".join([OTHER] * 12))
    page = _page(STORY[:2], _ld(headline=TITLE), related)
    assert article_from_html(page).text.split("\n\n") == STORY[:2]
    # nor when it holds the page's paragraphs, as a live page's "more on this" object may
    related = _ld(headline="Levy: what it means for you", articleBody="\n\n".join([*STORY, OTHER]))
    page = _page(STORY[:2], _ld(headline=TITLE), related)
    assert article_from_html(page).text.split("\n\n") == STORY[:2]


def test_a_complete_page_keeps_its_own_paragraphs() -> None:
    # the body as one run of text, a sentence more (a credit): the page's paragraphs are the story
    body = " ".join(STORY) + " Reporting by Sam Kerr."
    page = _page(STORY, _ld(headline=TITLE, articleBody=body))
    assert article_from_html(page).text.split("\n\n") == STORY


MORE = [
    "Councillors from the opposition group voted against the levy, saying the sea wall should be paid for nationally.",
    "The Environment Agency said last year that the Eastbay wall was among the most at risk on the whole coast.",
    "A public meeting on the plan will be held at the town hall on March 14, and residents can ask questions there.",
]


def test_a_body_that_does_not_hold_what_the_page_shows_is_not_read() -> None:
    # the page shows a paragraph the body lacks, or shows them in another order: not a cut copy of it
    body = _ld(headline=TITLE, isAccessibleForFree=False, articleBody="\n\n".join(STORY + MORE))
    standfirst = "Pensioners' groups say they will challenge the levy in the courts before it takes effect."
    shown = [*STORY[:2], standfirst, STORY[2]]
    assert article_from_html(_page(shown, body)).text.split("\n\n") == shown
    shown = [STORY[1], STORY[0], STORY[2]]
    assert article_from_html(_page(shown, body)).text.split("\n\n") == shown
    # shown in order, it is the body's start
    assert article_from_html(_page(STORY[:3], body)).text.split("\n\n") == STORY + MORE


def test_a_page_that_shows_a_line_is_its_own_body_not_a_related_storys() -> None:
    """The extractor, finding little text on the page, read every JSON-LD body in: a related story's too."""
    related = _ld(headline="Ferry fares to rise in May", articleBody=" ".join([OTHER] * 6))
    page = _page([STORY[0]], _ld(headline=TITLE, articleBody="\n\n".join(STORY)), related)
    assert article_from_html(page).text.split("\n\n") == STORY
