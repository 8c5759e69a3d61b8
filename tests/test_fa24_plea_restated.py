"""A plea of not guilty restated in other words (helper fa24, issue 3 item b): "pleaded not guilty to laundering"
retold "pleaded innocent to laundering" (American usage) or "entered a not-guilty plea", and back, was a high
negation_flipped; it is the same answer. Still high: "pleaded not guilty" -> "pleaded guilty", and now also
"pleaded innocent" -> "pleaded guilty" (the plea reversed, which no negation word marked before).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

STORY = (
    "A former bank executive {} to laundering $4 million for a drug cartel at a hearing in federal court in Miami "
    "on Monday. Prosecutors say Carlos Medina moved the money through shell companies between 2019 and 2021. His "
    "trial is set for June 3."
)


def _flips(original: str, suspect: str) -> list[tuple[str | None, str]]:
    report = compare(STORY.format(original), STORY.format(suspect), settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "hedge_changed"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("pleaded not guilty", "pleaded innocent"),
        ("pleaded not guilty", "entered a not-guilty plea"),
        ("pleaded innocent", "pleaded not guilty"),
        ("pleaded innocent", "entered a not-guilty plea"),
    ],
)
def test_the_same_plea_in_other_words_is_quiet(original: str, suspect: str) -> None:
    assert _flips(original, suspect) == []


@pytest.mark.parametrize(("original"), ["pleaded not guilty", "pleaded innocent"])
def test_a_plea_reversed_is_still_high(original: str) -> None:
    assert ("negation_flipped", "high") in _flips(original, "pleaded guilty")
