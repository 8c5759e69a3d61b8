"""A personal pronoun put for another in a short sentence copied otherwise word for word ("He told reporters
he would appeal" -> "She told reporters she would appeal"), too short for the usual four shared content words
(issue 3, FactCC's model summaries).

The sentences are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

ARREST = "John Smith, 45, was arrested on Friday at his home in Leeds. He told reporters he would appeal the ruling."
COUPLE = (
    "John Smith and his wife were arrested on Friday at their home in Leeds. They told reporters they would "
    "appeal the ruling."
)


def test_short_copied_sentence_with_he_for_she_is_a_person_changed() -> None:
    report = compare(ARREST, "John Smith, 45, was arrested on Friday. She told reporters she would appeal the ruling.")
    swaps = [f for f in report.findings if f.subtype == "swapped" and f.type == "entity_changed"]
    assert swaps and all(f.severity == "medium" for f in swaps)
    assert {(f.before, f.after) for f in swaps} == {("He", "She"), ("he", "she")}
    assert "person changed" in swaps[0].detail


@pytest.mark.parametrize(
    "derived",
    [
        "John Smith, 45, was arrested on Friday. He told reporters he would appeal the ruling.",
        "John Smith was arrested on Friday. Smith told reporters he would appeal the ruling.",
    ],
)
def test_short_copied_sentence_with_its_own_pronoun_stays_quiet(derived: str) -> None:
    assert not [f for f in compare(ARREST, derived).findings if f.subtype == "swapped"]


def test_the_couple_for_they_is_no_swap() -> None:
    derived = "John Smith and his wife were arrested on Friday. The couple told reporters they would appeal the ruling."
    assert not [f for f in compare(COUPLE, derived).findings if f.subtype == "swapped"]
