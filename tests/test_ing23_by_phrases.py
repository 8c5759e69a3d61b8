"""Session 23: "By Royal Appointment", "By Air Mail", "By The Numbers", "By Popular Demand" are subheads, not bylines:
a byline is "By" and people's names (and an outlet or a role). On a page they were dropped as bylines; in a plain
text they were compared as boilerplate."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html, article_from_text
from storytrace.text import byline_or_stamp, is_boilerplate

LEAD = (
    "The family firm said on Tuesday that it had kept its royal warrant for another five years, after an inspection "
    "of its kitchens in January."
)
WARRANT = (
    "The warrant, first granted to the family firm in 1952, lets it display the royal arms on its jars and its "
    "delivery vans."
)
EXPORTS = "Analysts said exports had grown since the firm began shipping to the United States and Japan in 2019."
DEMAND = "The firm said a new bitter orange recipe, withdrawn last year, would return to shops in the spring."
SUBHEADS = ["By Royal Appointment", "By The Numbers", "By Air Mail", "By Popular Demand"]
NOT_BYLINES = [*SUBHEADS, "By the numbers", "BY ROYAL APPOINTMENT", "By Invitation Only", "By Word Of Mouth"]
BYLINES = [
    "By Sam Kerr",
    "By Sam Kerr, Harbour Gazette",
    "By Jane Doe and Sam Kerr",
    "By Our Special Correspondent",
    "By Special Correspondent",
    "By Mail Reporter",
    "By Law Kwan-yee, South China Morning Post",
    "By Tuesday Smith, The Times",
]


def _page() -> str:
    return (
        "<!doctype html><html><head><title>Marmalade maker keeps its royal warrant | Harbour Gazette</title>"
        '<meta property="article:published_time" content="2026-03-05T09:00:00+00:00"></head><body>'
        "<header class='site-header'><a href='/'>Harbour Gazette</a><nav><ul><li><a href='/news'>News</a></li>"
        "<li><a href='/business'>Business</a></li></ul></nav></header><main><article>"
        "<h1>Marmalade maker keeps its royal warrant</h1><p class='byline'>By Sam Kerr</p>"
        f"<p>{LEAD}</p><h2>By Royal Appointment</h2><p>{WARRANT}</p><h2>By The Numbers</h2><p>By Air Mail</p>"
        f"<p>{EXPORTS}</p><p>By Popular Demand</p><p>{DEMAND}</p></article>"
        "<section class='related-stories'><h2>More news</h2><ul><li><a href='/n/1'>Council budget row deepens</a>"
        "</li><li><a href='/n/2'>Rail strike talks fail</a></li></ul></section></main>"
        "<footer><p>© 2026 Harbour Gazette</p></footer></body></html>"
    )


def test_by_subheads_stay_on_a_page_and_the_byline_goes() -> None:
    text = article_from_html(_page()).text
    assert text.split("\n\n") == [
        LEAD,
        "By Royal Appointment",
        WARRANT,
        "By The Numbers",
        "By Air Mail",
        EXPORTS,
        "By Popular Demand",
        DEMAND,
    ]


def test_by_subheads_of_a_plain_text_are_compared() -> None:
    plain = "\n\n".join(
        [
            "Marmalade maker keeps its royal warrant",
            "By Sam Kerr, Harbour Gazette",
            LEAD,
            SUBHEADS[0],
            WARRANT,
            SUBHEADS[1],
            SUBHEADS[2],
            EXPORTS,
            SUBHEADS[3],
            DEMAND,
        ]
    )
    lines = article_from_text(plain).text.split("\n\n")
    assert [line for line in lines if is_boilerplate(line)] == ["By Sam Kerr, Harbour Gazette"]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_not_bylines(line: str) -> None:
    assert not byline_or_stamp(line)
    assert article_from_html(f"<article><p>{LEAD}</p><p>{line}</p></article>").text == f"{LEAD}\n\n{line}"


@pytest.mark.parametrize("line", BYLINES)
def test_bylines_still(line: str) -> None:
    assert byline_or_stamp(line)
    assert article_from_html(f"<article><p>{line}</p><p>{LEAD}</p></article>").text == LEAD
