"""HTML ingest after review: a date only on a JSON-LD WebPage or VideoObject node, editor's notes with news in them,
a lone time of day in a story beside a "Latest" rail, JSON-LD with JavaScript comments, and a page with no text
extracted once."""

from __future__ import annotations

import json
from typing import Any

import pytest
import trafilatura

from storytrace.article import article_from_html
from storytrace.errors import InputError

HEADLINE = "Harbour council votes on ferries"
PARAS = [
    "The harbour council voted on the new ferry timetable on Tuesday after a long debate about its costs.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
    "Residents of the island said the new timetable would leave them without a late boat on weekdays.",
]
DAY = "2024-03-05T10:00:00+00:00"
RAIL = (
    "<aside class='latest'><h2>Latest</h2><ul>"
    + "".join(f"<li><time>{h}:15</time> <a href='/x{h}'>Storm closes schools in area {h}</a></li>" for h in (9, 10, 11))
    + "</ul></aside>"
)


def _page(head: str = "", body: str | None = None, extra: str = "") -> str:
    body = body if body is not None else "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head>"
        f"<body>{extra}<article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    )


def _ld(obj: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _paras(*extra: tuple[int, str]) -> str:
    out = [f"<p>{p}</p>" for p in PARAS]
    for at, html in sorted(extra, reverse=True):
        out.insert(at, html)
    return "".join(out)


# --- JSON-LD dates on nodes other than the article's -------------------------------------------------------------


@pytest.mark.parametrize(
    "ld",
    [
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "datePublished": DAY}]},
        {"@context": "https://schema.org", "@type": "VideoObject", "name": HEADLINE, "datePublished": DAY},
        {
            "@graph": [
                {"@type": "WebSite", "name": "Harbour Gazette"},
                {"@type": "WebPage", "datePublished": DAY, "dateModified": "2024-03-06T10:00:00+00:00"},
            ]
        },
    ],
)
def test_a_date_only_on_a_webpage_or_video_node_dates_the_page(ld: dict[str, Any]) -> None:
    assert article_from_html(_page(_ld(ld))).published == DAY  # was None


def test_a_website_or_organization_date_still_does_not_date_the_page() -> None:
    ld = {
        "@graph": [
            {"@type": "WebSite", "datePublished": "2010-01-01T00:00:00+00:00"},
            {"@type": "Organization", "datePublished": "2009-01-01T00:00:00+00:00"},
        ]
    }
    assert article_from_html(_page(_ld(ld))).published is None


def test_the_article_nodes_date_wins_over_a_webpage_nodes_earlier_one() -> None:
    ld = {
        "@graph": [
            {"@type": "WebPage", "datePublished": "2024-03-04T10:00:00+00:00"},
            {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2024-03-05T10:00:00+00:00"},
        ]
    }
    assert article_from_html(_page(_ld(ld))).published == "2024-03-05T10:00:00+00:00"


def test_json_ld_with_javascript_comments_is_read() -> None:
    block = (
        '<script type="application/ld+json">{"@type": "NewsArticle", /* the CMS\'s note, "quoted" */ '
        '"url": "https://news.example/a//b", // the story\'s own date\n'
        '"datePublished": "March 12, 2024 9:05 PM", "dateModified": "2024-03-13T10:00:00+00:00"}</script>'
    )
    assert article_from_html(_page(block)).published == "2024-03-12T21:05:00"  # was the modified day, 2024-03-13


# --- editor's notes -----------------------------------------------------------------------------------------------

NEWS_NOTE = (
    "Editor's note: The council's own figures, released after this story was first published, show ferry use fell "
    "by 40 per cent."
)


def test_an_editors_note_with_news_mid_story_is_kept() -> None:
    text = article_from_html(_page(body=_paras((2, f"<p>{NEWS_NOTE}</p>")))).text
    assert text.split("\n\n") == [*PARAS[:2], NEWS_NOTE, *PARAS[2:]]  # was dropped


@pytest.mark.parametrize(
    ("at", "note"),
    [
        (0, NEWS_NOTE),
        (4, "Editor's note: Jane Doe is a member of the council's advisory board on ferries."),
        (2, "Editor's note: This story has been updated to include comment from the port authority."),
        (2, "Editor\u2019s Note \u2014 This article contains descriptions of a serious accident at sea."),
        (2, "Editor's note: This story originally appeared in the Island Courier."),
    ],
)
def test_a_boilerplate_editors_note_is_left_out(at: int, note: str) -> None:
    assert article_from_html(_page(body=_paras((at, f"<p>{note}</p>")))).text.split("\n\n") == PARAS


# --- a lone time of day beside a "Latest" rail --------------------------------------------------------------------


def test_a_lone_time_of_day_is_kept_beside_a_rail_of_timed_links() -> None:
    text = article_from_html(_page(body=_paras((1, "<h2>5 PM</h2>")), extra=RAIL)).text
    assert text.split("\n\n") == [PARAS[0], "5 PM", *PARAS[1:]]  # was dropped as a live blog's stamp


def test_live_blog_stamps_are_still_left_out_beside_a_rail() -> None:
    stamps = ["9:05", "9:40", "10:15"]
    body = "".join(f'<div class="entry"><p>{t}</p><p>{p}</p></div>' for t, p in zip(stamps, PARAS, strict=False))
    assert article_from_html(_page(body=body, extra=RAIL)).text.split("\n\n") == PARAS[:3]


# --- one extraction for a page with no text -----------------------------------------------------------------------


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []
    real = trafilatura.bare_extraction

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(bool(kwargs.get("with_metadata")))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    return calls


def test_a_page_with_no_text_is_extracted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _calls(monkeypatch)
    page = (
        "<!doctype html><html><head><title>Tag page</title>"
        "<meta property='article:published_time' content='2024-03-05T10:00:00Z'></head><body><div></div></body></html>"
    )
    with pytest.raises(InputError, match="no article text found"):
        article_from_html(page)
    assert len(calls) == 1  # was 2: the re-run without metadata ran for every page with no text


def test_a_page_whose_metadata_step_fails_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _calls(monkeypatch)
    article = article_from_html(_page('<meta property="article:published_time" content="2024-03-05T10:00:00+2400">'))
    assert article.text == "\n\n".join(PARAS) and article.title == HEADLINE and article.published is None
    assert calls == [True, False]
