"""ux15: an HTML page's publication time is kept when its date markup gives one.

htmldate gives the day only, so a page published at 14:00 was read as published at midnight: in a scan, the lag
from a wire story at 08:00 to a copy at 14:00 the next day came out 16 hours, not 30.
"""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html, article_from_record
from storytrace.scan.families import ArticleMeta, lag_hours

BODY = (
    "<article><h1>Harbour board approves ferry terminal plan</h1>"
    "<p>The harbour board approved a $40 million plan for the ferry terminal on Monday, after a debate that "
    "ran late into the evening and drew more than two hundred residents to the council chamber.</p>"
    "<p>Board chair Ines Molloy said the vote was long overdue and that work would start in May. The terminal "
    "handles 2,000 passengers a day, and the board expects that number to double within ten years.</p></article>"
)


def page(head: str, body_extra: str = "") -> str:
    head = f'<meta charset="utf-8"><title>Ferry plan</title>{head}'
    return f"<html><head>{head}</head><body>{body_extra}{BODY}</body></html>"


@pytest.mark.parametrize(
    ("head", "extra", "published"),
    [
        (
            '<meta property="article:published_time" content="2024-01-02T14:00:00+00:00">',
            "",
            "2024-01-02T14:00:00+00:00",
        ),
        ('<meta itemprop="datePublished" content="2024-01-02T09:30:00-05:00">', "", "2024-01-02T09:30:00-05:00"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-02T23:30:00-05:00"}'
            "</script>",
            "",
            "2024-01-02T23:30:00-05:00",
        ),
        ("", '<time datetime="2024-01-02T09:30" itemprop="datePublished">2 January 2024</time>', "2024-01-02T09:30:00"),
    ],
)
def test_the_time_of_publication_is_kept(head: str, extra: str, published: str) -> None:
    assert article_from_html(page(head, extra)).published == published


def test_a_page_that_gives_the_day_only_stays_date_only() -> None:
    head = '<meta property="article:published_time" content="2024-01-02">'
    assert article_from_html(page(head)).published == "2024-01-02"


def test_a_time_on_another_day_than_the_publication_date_is_not_taken() -> None:
    # a modification time is not the publication's, nor a time stamp the page gives for another day
    head = (
        '<meta property="article:published_time" content="2024-01-02">'
        '<meta property="article:modified_time" content="2024-01-05T10:00:00+00:00">'
    )
    extra = '<time datetime="2024-01-04T08:00:00+00:00">updated</time>'
    assert article_from_html(page(head, extra)).published == "2024-01-02"


def test_a_scan_lag_from_an_html_copy_counts_its_hours() -> None:
    wire = article_from_record({"id": "wire", "text": "x", "published": "2024-01-01T08:00:00+00:00"})
    head = '<meta property="article:published_time" content="2024-01-02T14:00:00+00:00">'
    copy = article_from_html(page(head), id="copy")
    assert lag_hours(ArticleMeta.of(0, wire), ArticleMeta.of(1, copy)) == 30.0
