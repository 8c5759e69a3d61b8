"""Review of the old-news check (rev20n): a date inside a single-quoted quotation (British style) is the speaker's,
and plain news wording in the present perfect ("police have said", "has since resigned") is no old news."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import Article
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _dates(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(
        Article(source, published="2026-03-03"), Article(derived, published="2026-03-10"), settings=LEXICAL
    )
    return [(f.subtype, f.severity) for f in report.findings if f.type == "date_changed"]


@pytest.mark.parametrize("marks", [("'", "'"), ("\u2018", "\u2019")])
def test_a_date_in_a_single_quoted_quotation_is_the_speakers(marks: tuple[str, str]) -> None:
    o, c = marks
    quote = f"{o}I resigned on Monday because I had no choice.{c}"
    assert _dates(f"The minister said: {quote}", f"The minister told reporters: {quote}") == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("Police said on Tuesday that the suspect fled the country.", "Police have said that the suspect fled."),
        ("The minister resigned on Tuesday after a row.", "The minister has since resigned after a row."),
        ("The man was arrested on Friday, police said.", "The man has been arrested in Madrid, police said."),
    ],
)
def test_present_perfect_news_wording_is_no_old_news(source: str, derived: str) -> None:
    assert _dates(source, derived) == []


def test_a_past_event_retold_as_today_is_still_shifted() -> None:
    found = _dates(
        "The minister resigned on Tuesday after a row over the budget, officials said.",
        "The minister resigned today after a row over the budget, officials said.",
    )
    assert ("shifted", "high") in found
