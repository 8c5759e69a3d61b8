"""Findings problems of the session 24 rights-team QA pass (helper fixqaf24), each next to the real change of
its family that must still be found:

- "children who had not been vaccinated" -> "unvaccinated children": the un-/in-/non- word carries the
  negation, no flip; "had been vaccinated" for "had not been vaccinated" still is one;
- "A state grant will cover 60% of the cost": no qualifier "over" inside "cover"; a real "over 60%" for "60%"
  still is a qualifier added.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _findings(source: str, derived: str) -> list[tuple[str, str, str | None, str]]:
    """(type, severity, subtype, detail) of every finding."""
    report = compare(source, derived, settings=LEXICAL)
    return [(f.type, f.severity, f.subtype, f.detail) for f in report.findings]


def _flips(source: str, derived: str) -> list[tuple[str, str, str | None, str]]:
    return [f for f in _findings(source, derived) if f[2] == "negation_flipped"]


# --- a negation carried by an un- word ----------------------------------------------------------------------

TAIL = "\n\nFour children have been admitted to hospital."
NOT_VACCINATED = (
    "Most of the cases are in children under 10 who had not been vaccinated, the county health department said."
)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (NOT_VACCINATED, "Most of the cases are in unvaccinated children under 10, the county health department said."),
        (
            NOT_VACCINATED,
            "Most of the cases are in non-vaccinated children under 10, the county health department said.",
        ),
        (
            "The plan was not possible without federal money, the mayor said.",
            "The plan was impossible without federal money, the mayor said.",
        ),
        # the other way round: the original's un- word retold with a "not"
        (
            "The unvaccinated children were sent home, the school said.",
            "The children who were not vaccinated were sent home, the school said.",
        ),
    ],
)
def test_negation_told_by_a_prefixed_word_is_no_flip(source: str, derived: str) -> None:
    assert _flips(source + TAIL, derived + TAIL) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            NOT_VACCINATED,
            "Most of the cases are in children under 10 who had been vaccinated, the county health department said.",
        ),
        (
            "The children had been vaccinated, the school said.",
            "The children were not vaccinated, the school said.",
        ),
        # the un- word is there, but the suspect still states the denied word plainly of the same children
        (
            "The children had not been vaccinated, the school said, unlike the staff.",
            "The children had been vaccinated, the school said, unlike the unvaccinated staff.",
        ),
    ],
)
def test_negation_dropped_or_added_still_flips(source: str, derived: str) -> None:
    flips = _flips(source + TAIL, derived + TAIL)
    assert flips and flips[0][1] == "high"


# --- a qualifier is a whole word ----------------------------------------------------------------------------

COVER_SOURCE = (
    "The state will pay 60% of the cost through a grant, officials said on Monday.\n\n"
    "The city will cover the rest from its reserve fund, the mayor said."
)


def test_cover_is_no_qualifier_over() -> None:
    derived = (
        "A state grant will cover 60% of the cost, officials said on Monday.\n\n"
        "The city will pay the rest from its reserve fund, the mayor said."
    )
    assert [f for f in _findings(COVER_SOURCE, derived) if f[0] == "number_changed"] == []


def test_over_before_a_figure_is_still_a_qualifier_added() -> None:
    derived = (
        "A state grant will pay over 60% of the cost, officials said on Monday.\n\n"
        "The city will cover the rest from its reserve fund, the mayor said."
    )
    numbers = [f for f in _findings(COVER_SOURCE, derived) if f[0] == "number_changed"]
    assert any("over 60%" in f[3] for f in numbers), numbers


def test_a_possessive_split_from_its_name_before_a_negation_is_read() -> None:
    # tokenised text ("Walcott 's"), as summarisers write it: the "'s" alone before the negation is a word too
    source = "Theo Walcott 's knee has not healed, the club said on Friday.\n\nHe missed the last two games."
    derived = "Theo Walcott 's knee has healed, the club said on Friday.\n\nHe missed the last two games."
    flips = _flips(source, derived)
    assert flips and flips[0][1] == "high"
