"""rev25a R7: a measure to three decimals is English ("2.125 inches"), so "2.125 inches" -> "2,125 inches" is a
changed figure again (fixqa24b read every such measure as a possible grouping dot); a measure whose last decimal
is a zero no measurement writes ("950.000 tonnes") keeps both readings, so a translation's "950.000 tonnes" for
"950,000 tonnes" stays quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
LEAD = "The storm hit the coast of Carver County on Sunday night, forecasters said."
TAIL = "Schools were closed on Monday."


def _numbers(original: str, suspect: str) -> list[str]:
    report = compare(f"{LEAD} {original} {TAIL}", f"{LEAD} {suspect} {TAIL}", settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("It dropped 2.125 inches of rain on the town.", "It dropped 2,125 inches of rain on the town."),
        ("The new sea wall runs 1.375 miles.", "The new sea wall runs 1,375 miles."),
    ],
)
def test_a_three_decimal_measure_grouped_is_another_figure(original: str, suspect: str) -> None:
    assert _numbers(original, suspect) != []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Farms lost 950,000 tonnes of grain.", "Farms lost 950.000 tonnes of grain."),
        ("The flood reached 1,500 km of roads.", "The flood reached 1.500 km of roads."),
    ],
)
def test_a_grouping_dot_in_a_measure_is_the_same_figure(original: str, suspect: str) -> None:
    assert _numbers(original, suspect) == []
