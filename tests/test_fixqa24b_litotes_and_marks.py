"""False alarms of the session 24 fact-checker QA pass (qa24b), fixed by helper fixqa24b, each next to the real
change of its family that must still be found:

- "We will not hesitate to suspend" -> "We will suspend": the negation cancels the verb of holding back
  ("not hesitate to", "never fails to"), nothing is reversed; "will hesitate to suspend" and "will not
  suspend" still are flips;
- a translation's decimal comma and grouping dot ("4.10" -> "4,10", "950,000" -> "950.000", "42.5%" ->
  "42,5%") are the same figures; "4,50" for "4.10" is still a changed figure.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.numbers import extract_quantities, same_in_other_convention
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

LEAD = (
    "The environment ministry fined the mining company on Wednesday over the chemical spill. "
    "Inspectors found elevated arsenic levels in the river for twelve kilometres downstream. "
)
TAIL = (
    " The company said it had hired outside engineers to contain the damage. "
    "Residents of the valley have been told not to drink water from private wells until further notice."
)
THREAT = "\u201c{} the operating licence if the clean-up plan is late,\u201d the minister told reporters."


def _flips(source: str, derived: str) -> list[tuple[str, str]]:
    report = compare(source, derived, settings=LEXICAL)
    return [(f.severity, f.detail) for f in report.findings if f.subtype == "negation_flipped"]


def _threat(words: str) -> str:
    return LEAD + THREAT.format(words) + TAIL


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("We will not hesitate to suspend", "We will suspend"),
        ("We will suspend", "We will not hesitate to suspend"),
        ("We will suspend", "We won\u2019t hesitate to suspend"),
        ("We will suspend", "We never hesitate to suspend"),
        ("We will suspend", "We will not fail to suspend"),
        ("We will not hesitate to suspend", "We did not hesitate to suspend"),
        ("We will suspend", "We will not for a moment hesitate to suspend"),
    ],
)
def test_a_negated_verb_of_holding_back_is_no_flip(original: str, suspect: str) -> None:
    assert _flips(_threat(original), _threat(suspect)) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("We will not hesitate to suspend", "We will hesitate to suspend"),
        ("We will not hesitate to suspend", "We will not suspend"),
        ("We will not suspend", "We will suspend"),
        ("We will suspend", "We will not suspend"),
    ],
)
def test_a_real_reversal_near_the_litotes_is_still_a_flip(original: str, suspect: str) -> None:
    flips = _flips(_threat(original), _threat(suspect))
    assert [severity for severity, _ in flips] == ["high"]


PRICES = (
    "Olive oil prices in Spain have fallen to about {a} euros a litre, down from a record {b} euros early "
    "last year. The harvest reached {c} tonnes, and exports are expected to rise {d} this year."
)
ENGLISH = {"a": "4.10", "b": "9.80", "c": "950,000", "d": "42.5%"}


def _number_findings(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    report = compare(LEAD + source + TAIL, LEAD + derived + TAIL, settings=LEXICAL)
    return [(f.severity, f.subtype, f.detail) for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    "translated",
    [{"a": "4,10"}, {"b": "9,80"}, {"c": "950.000"}, {"d": "42,5%"}, {"a": "4,10", "b": "9,80", "c": "950.000"}],
)
def test_a_figure_in_the_other_convention_is_the_same_figure(translated: dict[str, str]) -> None:
    original = PRICES.format(**ENGLISH)
    assert _number_findings(original, PRICES.format(**(ENGLISH | translated))) == []


@pytest.mark.parametrize("changed", [{"a": "4,50"}, {"c": "850.000"}, {"c": "9.500"}, {"d": "24,5%"}])
def test_a_changed_figure_in_the_other_convention_is_still_found(changed: dict[str, str]) -> None:
    original = PRICES.format(**ENGLISH)
    found = _number_findings(original, PRICES.format(**(ENGLISH | changed)))
    assert any(severity in ("high", "medium") for severity, _, _ in found), found


def test_continental_figures_are_read_whole() -> None:
    def read(text: str) -> list[tuple[str, float]]:
        return [(q.text, q.value) for q in extract_quantities(text)]

    assert read("prices rose 42,5% this year") == [("42,5%", 42.5)]  # no "4" out of "42"
    assert read("exactly 1.234.567 people voted")[0][1] == 1234567.0
    assert read("a 1.234,5 km route") == [("1.234,5 km", 1234.5)]
    assert read("1,37 million visitors")[0][1] == 1370000.0
    # English forms keep their reading; a list of digits is no decimal
    assert read("4,100 euros")[0][1] == 4100.0
    assert read("items 1,2,3 and the date 10.03.2026") == []


def test_only_the_marks_swapped_is_the_other_convention() -> None:
    assert same_in_other_convention("4.10", "4,10")
    assert same_in_other_convention("950,000", "950.000")
    assert same_in_other_convention("1,234.5", "1.234,5")
    assert not same_in_other_convention("1,500", "1.5")
    assert not same_in_other_convention("4.10", "4.10")
