"""A doubled word fixed inside a quotation ("is is" -> "is"), or made, is a typo like a letter swapped: no
finding. A word repeated for emphasis ("safe, safe"), a word dropped and a "not" dropped still change what was
said. And "No, no, it is safe" retold "No, it is safe" drops an answer, not a negation of the claim.
"""

from __future__ import annotations

import pytest

from hedges_context import AFTER, BEFORE
from storytrace import compare
from storytrace.finding import Finding

SAID = ", Olsen said."


def _findings(source_quote: str, derived_quote: str) -> list[Finding]:
    report = compare(
        BEFORE + "\u201c" + source_quote + "\u201d" + SAID + AFTER,
        BEFORE + "\u201c" + derived_quote + "\u201d" + SAID + AFTER,
    )
    return [f for f in report.findings if f.type in ("quote_altered", "hedge_changed")]


@pytest.mark.parametrize(
    ("source_quote", "derived_quote"),
    [
        (
            "The new ward is is safe for every patient who needs it this winter",
            "The new ward is safe for every patient who needs it this winter",
        ),
        (
            "The the new ward is safe for every patient who needs it this winter",
            "The new ward is safe for every patient who needs it this winter",
        ),
        (
            "The new ward is safe for every patient who needs it this winter",
            "The new ward is safe for for every patient who needs it this winter",
        ),
        (
            "No, no, the new ward is safe for every patient who needs it this winter",
            "No, the new ward is safe for every patient who needs it this winter",
        ),
    ],
)
def test_a_doubled_word_is_a_typo(source_quote: str, derived_quote: str) -> None:
    assert _findings(source_quote, derived_quote) == []


@pytest.mark.parametrize(
    ("source_quote", "derived_quote", "subtypes"),
    [
        (
            "The new ward is safe, safe for every patient who needs it this winter",
            "The new ward is safe for every patient who needs it this winter",
            ["words_changed"],
        ),
        (
            "The new ward is very safe for every patient who needs it this winter",
            "The new ward is safe for every patient who needs it this winter",
            ["words_changed"],
        ),
        (
            "The new ward is not safe for every patient who needs it this winter",
            "The new ward is safe for every patient who needs it this winter",
            ["negation_flipped", "words_changed"],
        ),
        (
            "No, the new ward is not safe for every patient who needs it this winter",
            "No, the new ward is safe for every patient who needs it this winter",
            ["negation_flipped", "words_changed"],
        ),
    ],
)
def test_words_changed_are_still_reported(source_quote: str, derived_quote: str, subtypes: list[str]) -> None:
    assert sorted(f.subtype or "" for f in _findings(source_quote, derived_quote)) == subtypes
