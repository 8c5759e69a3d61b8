"""The second review of session 18's ingest change: a site-name title taken for a related story's headline, a
byline whose outlet follows a dash, a dated correction, and a story that loses a third of its paragraphs to the
large-page shortcut."""

from __future__ import annotations

import json

from storytrace.article import _boilerplate_note, article_from_html

PROSE = "".join(
    f"<p>The council voted on the new budget plan on Tuesday evening after a long debate, paragraph {i}.</p>"
    for i in range(5)
)
RELATED = {
    "@type": "NewsArticle",
    "headline": "Gazette readers pick their favourite beaches",
    "dateModified": "2019-06-01",
}


def _dated_page(head: str, h1: str) -> str:
    ld = f'<script type="application/ld+json">{json.dumps(RELATED)}</script>'
    return f"<html><head>{head}{ld}</head><body><article>{h1}{PROSE}</article></body></html>"


def test_a_site_name_title_is_not_a_related_storys_headline() -> None:
    page = _dated_page("<title>Gazette</title>", "<h1>Council passes budget</h1>")
    assert article_from_html(page).published is None  # was 2019-06-01: "gazette" is inside the related headline


def test_the_pages_own_headline_still_matches_in_whole_words() -> None:
    own = dict(RELATED, headline="Council passes budget after long debate")
    ld = f'<script type="application/ld+json">{json.dumps(own)}</script>'
    page = f"<html><head><title>Council passes budget</title>{ld}</head><body><article>{PROSE}</article></body></html>"
    assert article_from_html(page).published is not None


def test_a_byline_whose_outlet_follows_a_dash_is_left_out() -> None:
    for byline in ("By Law Kwan-yee - SCMP", "By March Fong - AP", "By Most Sharma - Reuters"):
        page = f"<html><body><article><p>{byline}</p>{PROSE}</article></body></html>"
        assert byline not in article_from_html(page).text


def test_a_dated_correction_is_still_a_note() -> None:
    note = "Correction: 14 March 2024. This article originally misstated the budget of the parks department."
    assert _boilerplate_note(note, at_an_end=True)
    assert not _boilerplate_note("Corrections: $9.8 million, up 6%, for overtime at the county jail.", at_an_end=True)
    assert not _boilerplate_note("Corrections: 12% more inmates than last year, the audit found.", at_an_end=True)


def test_a_large_page_keeps_the_paragraphs_the_main_extractor_drops_in_a_footer_div() -> None:
    nav = "".join(f"<div class='m'><div><a href='/s/{i}'>S{i}</a></div></div>" for i in range(700))
    story = [
        f"Paragraph {k}: the harbour plan was approved after a debate of {k + 2} hours, members said."
        for k in range(11)
    ]
    body = "".join(f"<p>{p}</p>" for p in story[:7])
    rest = "".join(f"<p>{p}</p>" for p in story[7:])
    page = (
        f"<html><head><title>Harbour plan approved</title></head><body><nav>{nav}</nav><h1>Harbour plan approved</h1>"
        f"<div class='entry-content'>{body}</div><div class='post-footer-content'>{rest}</div></body></html>"
    )
    text = article_from_html(page).text
    assert all(p in text for p in story)  # 7 of 11 (64% of the prose) was enough for the shortcut
