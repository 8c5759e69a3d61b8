"""A figure given as a vague word: blurred when the word can stand for it ("many" for 30), changed when it
cannot ("a handful of" for 200); "scores of" is an order of magnitude like "dozens"."""

from __future__ import annotations

import pytest

from numbers13_context import AFTER, BEFORE, LEXICAL
from storytrace import compare
from storytrace.facts.numbers import extract_quantities
from storytrace.finding import Finding

CRASH = "The crash injured {} people, the fire service said on Wednesday."


def _numbers(original: str, suspect: str) -> list[Finding]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    ("figure", "word", "subtype"),
    [
        ("30", "many", "blurred"),
        ("3", "several", "blurred"),
        ("4", "a handful of", "blurred"),
        ("300", "several", "changed"),
        ("200", "a handful of", "changed"),
        ("2", "many", "changed"),
        ("5", "scores of", "changed"),
    ],
)
def test_a_vague_word_for_a_figure(figure: str, word: str, subtype: str) -> None:
    found = _numbers(CRASH.format(figure), CRASH.format(word))
    assert [(f.subtype, f.before) for f in found] == [(subtype, figure)]
    assert found[0].severity == ("medium" if subtype == "blurred" else "high")


@pytest.mark.parametrize(("figure", "word"), [("60", "scores of"), ("30", "dozens of"), ("3,000", "thousands of")])
def test_an_order_of_magnitude_that_fits_is_quiet(figure: str, word: str) -> None:
    assert _numbers(CRASH.format(figure), CRASH.format(word)) == []


@pytest.mark.parametrize(
    "text",
    ["The scores of the candidates rose.", "Test scores of pupils rose.", "He read scores of them."],
)
def test_scores_that_are_marks_are_no_count(text: str) -> None:
    assert extract_quantities(text) == []


def test_scores_of_people_is_a_count() -> None:
    [q] = extract_quantities("It injured scores of people.")
    assert (q.kind, q.value, q.high) == ("count", 40.0, 400.0)
