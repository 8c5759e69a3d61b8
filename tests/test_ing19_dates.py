"""On a page that shows no title (no <title>, <h1> or og:title), a lone article object's JSON-LD dateModified dates the
page only when its headline stands in the page's text outside links, or its address is the page's: a related
story's object alone had dated such a page."""

from __future__ import annotations

import json
from typing import Any

import pytest

from storytrace.article import article_from_html

HEADLINE = "Harbour plan approved after long debate"
PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]
RELATED = {"@type": "NewsArticle", "headline": "Ferry fares to rise in spring", "dateModified": "2019-01-01"}
OWN = {"@type": "NewsArticle", "headline": HEADLINE, "dateModified": "2024-03-15"}
URL = "https://harbour.example/news/harbour-plan-approved"


def _published(obj: dict[str, Any], *, head: str = "", before: str = "", heading: str = "") -> str | None:
    script = f'<script type="application/ld+json">{json.dumps(obj)}</script>'
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}{script}</head>"
        f"<body>{before}<article>{heading}{body}</article></body></html>"
    )
    return article_from_html(page).published


@pytest.mark.parametrize(
    "before",
    ["", '<aside><a href="/ferry-fares">Ferry fares to rise in spring</a></aside>'],
    ids=["headline-nowhere", "headline-in-a-link"],
)
def test_a_related_storys_object_alone_leaves_a_page_with_no_title_undated(before: str) -> None:
    assert _published(RELATED, before=before) is None  # was 2019-01-01, the related story's date


@pytest.mark.parametrize(
    ("kwargs"),
    [
        {"heading": f'<div class="headline">{HEADLINE}</div>'},
        {"heading": f"<h2>{HEADLINE}</h2>"},
        {"head": f'<link rel="canonical" href="{URL}/">'},
        {"head": f'<meta property="og:url" content="{URL}">'},
    ],
    ids=["headline-in-a-div", "headline-in-h2", "canonical", "og-url"],
)
def test_the_pages_own_object_still_dates_a_page_with_no_title(kwargs: dict[str, str]) -> None:
    obj = {**OWN, "mainEntityOfPage": {"@id": URL}} if "head" in kwargs else OWN
    if "head" in kwargs:
        obj = {**obj, "headline": "A headline the page does not show"}
    assert _published(obj, **kwargs) == "2024-03-15"


def test_an_object_whose_address_is_another_pages_leaves_a_page_with_no_title_undated() -> None:
    obj = {**RELATED, "url": "https://harbour.example/news/ferry-fares"}
    assert _published(obj, head=f'<link rel="canonical" href="{URL}">') is None
