"""ux14 review: the outlet of an HTML page without site-name markup is never its headline."""

from __future__ import annotations

import pytest

from storytrace.article import article_from_html

BODY = (
    "<p>Mitt Romney came to coal country on Aug. 14 to tell miners that the next administration would stand "
    "with them, and the crowd at the rally cheered every promise he made about jobs.</p>"
    "<p>The campaign said more than 2,000 people attended the event in the county fairground.</p>"
)


def page(title: str, extra_head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{extra_head}</head><body><article><h1>Romney visits coal country</h1>"
        f"{BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Mitt Romney came to coal country on Aug. | Daily Ledger",
        "Daily Ledger | U.S. candidate visits the coal country",
    ],
)
def test_a_headline_with_a_full_stop_is_not_the_outlet(title: str) -> None:
    art = article_from_html(page(title))
    assert art.outlet is None


def test_a_domain_name_in_the_title_is_still_the_outlet() -> None:
    assert article_from_html(page("Romney visits coal country | ledger.example.com")).outlet == "ledger.example.com"


def test_site_name_markup_wins() -> None:
    head = '<meta property="og:site_name" content="Daily Ledger">'
    assert article_from_html(page("Mitt Romney came to coal country on Aug. | x", head)).outlet == "Daily Ledger"
