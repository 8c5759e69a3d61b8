"""An article object's dateModified dates a page with no publication date of its own only when it is the page's one
article object, its headline is the page's, and it is not older than the site's WebSite node."""

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
SITE = {"@type": "WebSite", "name": "Harbour Gazette", "datePublished": "2010-01-01"}


def _published(*objects: Any) -> str | None:
    script = f'<script type="application/ld+json">{json.dumps({"@graph": list(objects)})}</script>'
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE} | Harbour Gazette</title>{script}</head>"
        f"<body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    )
    return article_from_html(page).published


def _story(modified: str, headline: str = HEADLINE) -> dict[str, str]:
    return {"@type": "NewsArticle", "headline": headline, "dateModified": modified}


@pytest.mark.parametrize(
    "objects",
    [
        [_story("2019-01-01", "Ferry fares to rise in spring"), SITE],  # a related story's object alone
        [_story("2019-01-01", "Ferry fares to rise in spring"), SITE, _story("2024-03-15")],  # two: whose?
        [SITE, _story("2024-03-15"), {"@type": "BlogPosting", "dateModified": "2024-02-01"}],
        [SITE, _story("2009-03-15")],  # modified before the site was published
    ],
    ids=["related-alone", "related-first", "two-stories", "older-than-site"],
)
def test_a_modified_date_that_may_not_be_the_story_leaves_the_page_undated(objects: list[Any]) -> None:
    assert _published(*objects) is None  # was the first article object's dateModified


@pytest.mark.parametrize(
    "objects",
    [
        [SITE, _story("2024-03-15")],
        [SITE, {"@type": "NewsArticle", "dateModified": "2024-03-15"}],  # no headline to check
        [_story("2024-03-15", HEADLINE.upper())],
    ],
    ids=["headline", "no-headline", "no-site"],
)
def test_the_one_story_objects_modified_date_still_dates_the_page(objects: list[Any]) -> None:
    assert _published(*objects) == "2024-03-15"
