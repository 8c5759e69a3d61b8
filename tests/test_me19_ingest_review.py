"""Second review of the ingest fixes (rev19i2): two notes together at an end both go; a related story's headline
cut at a dash is no page's headline; a JSON-LD headline that is a list is no title and no crash."""

from __future__ import annotations

import json

import pytest

from storytrace.article import article_from_html

HEAD = "Harbour plan approved"
STORY = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
]


def _kept(paragraphs: list[str]) -> list[str]:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>{HEAD}</title></head><body><article><h1>{HEAD}</h1>{body}</article></body></html>"
    text = article_from_html(page).text.split("\n\n")
    return [p for p in paragraphs if p not in STORY and p in text]


@pytest.mark.parametrize(
    "notes",
    [
        (["This is a developing story.", "This story has been updated."], "top"),
        (["This story has been updated.", "Editor's note: This article is part of a series on the harbour."], "foot"),
        (["This article was corrected on March 5.", "Correction: An earlier version misstated the cost."], "foot"),
        (["This story has been updated with comment from the mayor.", "This is a developing story."], "foot"),
    ],
)
def test_two_notes_together_at_an_end_both_go(notes: tuple[list[str], str]) -> None:
    lines, where = notes
    assert _kept(lines + STORY if where == "top" else STORY + lines) == []


def test_a_lead_after_a_top_note_stays() -> None:
    lead = "Due to an editing error at the county clerk's office, 300 ballots were mailed to the wrong addresses."
    paragraphs = ["Editor's note: This article is part of a series on the harbour.", lead, *STORY]
    assert _kept(paragraphs) == [lead]


def test_a_related_storys_headline_cut_at_a_dash_dates_no_page() -> None:
    related = {
        "@type": "NewsArticle",
        "headline": "Ferry terminal \u2014 five things to know",
        "dateModified": "2024-03-15",
    }
    page = (
        "<html><head><script type='application/ld+json'>" + json.dumps(related) + "</script></head><body><article>"
        "<h2>Harbour news</h2><p>The city council approved the new harbour plan on Tuesday after a long debate.</p>"
        "<p>The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.</p>"
        "<p>Work is due to start in the autumn and last about two years, according to the council's timetable.</p>"
        "</article></body></html>"
    )
    assert article_from_html(page).published is None


def test_a_headline_that_is_a_list_is_no_title() -> None:
    obj = {"@type": "NewsArticle", "headline": ["a", 2], "datePublished": "2024-03-10T09:00:00Z"}
    paragraph = "The city council approved the new harbour plan on Tuesday after a long debate among its members. " * 3
    script = f"<script type='application/ld+json'>{json.dumps(obj)}</script>"
    page = f"<html><head>{script}</head><body><p>{paragraph}</p></body></html>"
    assert article_from_html(page).title is None
