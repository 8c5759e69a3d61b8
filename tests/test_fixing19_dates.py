"""A page that shows no title is dated by its one article object's dateModified when the object is the page's:
its url the page's written otherwise, the page's known url, its headline in a link to the page itself, with entities
or a site's name (review of ing19)."""

from __future__ import annotations

import json

import pytest

from storytrace.article import article_from_html

PARAS = [
    "The city council approved the new harbour plan on Tuesday after a long debate among its members.",
    "The plan will add two new piers and a ferry terminal, the mayor said in a statement after the vote.",
    "Work is due to start in the autumn and last about two years, according to the council's own timetable.",
]


TITLE = "Mayor's harbour plan approved after long debate"
URL = "https://harbour.example/news/harbour-plan-approved"
OWN = {"@type": "NewsArticle", "headline": TITLE, "dateModified": "2024-03-15"}


def _published(obj: dict[str, object], head: str = "", heading: str = "", url: str | None = None) -> str | None:
    script = f'<script type="application/ld+json">{json.dumps(obj)}</script>'
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}{script}</head>"
        f"<body><article>{heading}{body}</article></body></html>"
    )
    return article_from_html(page, url=url).published


@pytest.mark.parametrize(
    "canonical",
    [
        URL.replace("https", "http"),
        URL + "?utm_source=x",
        URL + "#top",
        "/news/harbour-plan-approved",
        URL.replace("//", "//www."),
        URL.replace("harbour-plan", "Harbour-Plan"),
    ],
)
def test_a_page_with_no_title_is_dated_by_its_object_whose_url_is_its_canonical_written_otherwise(
    canonical: str,
) -> None:
    obj = {**OWN, "headline": "Not shown", "mainEntityOfPage": {"@id": URL}}
    assert _published(obj, f'<link rel="canonical" href="{canonical}">') == "2024-03-15"


def test_a_page_with_no_title_is_dated_by_its_object_whose_url_is_the_pages_known_address() -> None:
    obj = {**OWN, "headline": "Not shown", "mainEntityOfPage": URL}
    assert _published(obj, url=URL) == "2024-03-15"


def test_a_headline_in_a_link_to_the_page_itself_stands_in_the_page() -> None:
    heading = f"<h2><a href='{URL}'>{TITLE}</a></h2>"
    assert _published(OWN, heading=heading, url=URL) == "2024-03-15"
    canonical = f'<link rel="canonical" href="{URL}">'
    assert _published(OWN, canonical, f"<h2><a href='/news/harbour-plan-approved/'>{TITLE}</a></h2>") == "2024-03-15"


def test_a_headline_in_a_teasers_link_still_dates_no_page() -> None:
    canonical = f'<link rel="canonical" href="{URL}">'
    heading = f"<h3><a href='/news/another-story'>{TITLE}</a></h3>"
    assert _published({**OWN, "url": "https://harbour.example/news/another-story"}, canonical, heading) is None


@pytest.mark.parametrize(
    ("headline", "shown"),
    [
        ("Mayor&#039;s harbour plan approved after long debate", TITLE),
        ("Fish &amp; chips shop reopens after long debate", "Fish &amp; chips shop reopens after long debate"),
        (TITLE + " | Harbour Gazette", TITLE),
        (TITLE + " - Harbour Gazette", TITLE),
    ],
)
def test_a_headline_written_with_entities_or_a_site_name_is_found_in_the_page(headline: str, shown: str) -> None:
    assert _published({**OWN, "headline": headline}, heading=f"<h2>{shown}</h2>") == "2024-03-15"
