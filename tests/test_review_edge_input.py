"""Defects found by an independent review (session rev11): unusual but valid input, settings threading."""

from __future__ import annotations

from storytrace.article import Article
from storytrace.text import analyse

_PARAGRAPHS = [
    "BREAKING NEWS HEADLINE HERE",
    "The mayor said on Tuesday that 5,000 people attended the fair in the park.",
    '"We are proud," she said.',
    "Share this article",
    "Officials may confirm the figure by March 14, the council said.",
]


def _sentences(sep: str) -> list[tuple[str, int, bool]]:
    doc = analyse(Article(text=sep.join(_PARAGRAPHS)))
    return [(doc.text[s.start : s.end], s.paragraph, s.boilerplate) for s in doc.sentences]


def test_lone_carriage_returns_end_lines_like_newlines() -> None:
    # Classic Mac text (and some feeds) ends lines with a lone "\r": it was read as no line break, so the
    # headline ran into the lead and "Share this article\rOfficials may confirm ..." became one boilerplate
    # sentence, hidden from the comparison.
    assert _sentences("\r") == _sentences("\n")
    assert _sentences("\r\r") == _sentences("\n\n")
    assert _sentences("\r\r\n") == _sentences("\n")  # a doubled CR before LF is still one line break