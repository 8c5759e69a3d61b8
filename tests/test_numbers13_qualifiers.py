"""A bound on a figure dropped or added ("at least 12" -> "12") is a low number_changed finding; the same
bound in other words, or an approximation dropped ("about 40" -> "40"), is quiet."""

from __future__ import annotations

import pytest

from numbers13_context import AFTER, BEFORE, LEXICAL
from storytrace import compare
from storytrace.facts.numbers import extract_quantities
from storytrace.finding import Finding

INJURED = "{} people were injured when the bus left the road near the depot."
STAFF = "{} staff have been moved to other depots since the review began."


def _numbers(original: str, suspect: str) -> list[Finding]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    ("template", "before", "after", "what"),
    [
        (INJURED, "At least 12", "Twelve", "dropped"),
        (STAFF, "More than 30", "Thirty", "dropped"),
        (STAFF, "Nearly 40", "40", "dropped"),
        ("{} passengers a day could be affected by the changes, officials warned.", "Up to 5,000", "5,000", "dropped"),
        (INJURED, "Twelve", "At least 12", "added"),
    ],
)
def test_a_bound_dropped_or_added_is_a_low_finding(template: str, before: str, after: str, what: str) -> None:
    found = _numbers(template.format(before), template.format(after))
    assert [(f.subtype, f.severity, f.before, f.after) for f in found] == [("qualifier", "low", before, after)]
    assert found[0].detail.startswith(f"qualifier {what}: ")


@pytest.mark.parametrize(
    ("template", "before", "after"),
    [
        (STAFF, "About 40", "Around 40"),
        (STAFF, "About 40", "40"),
        (INJURED, "Only 12", "12"),
        (INJURED, "At least 12", "Twelve or more"),
        (INJURED, "At least 12", "No fewer than 12"),
        (STAFF, "More than 30", "30-plus"),
        (STAFF, "More than 30", "Over 30"),
        ("{} years in prison is the penalty, the report said.", "Up to 10", "A maximum of 10"),
    ],
)
def test_the_same_bound_in_other_words_is_quiet(template: str, before: str, after: str) -> None:
    assert _numbers(template.format(before), template.format(after)) == []


def test_plus_after_a_figure_is_its_bound() -> None:
    found = [
        (q.text, q.value, q.qualifier) for q in extract_quantities("Then 30-plus staff and its million-plus users")
    ]
    assert found == [("30-plus", 30.0, "plus"), ("million-plus", 1e6, "plus")]
    assert [(q.text, q.qualifier) for q in extract_quantities("Then 30+ staff left.")] == [("30+", "plus")]
    # "30-plus" against "30" is a bound dropped
    found_changes = _numbers(STAFF.format("30-plus"), STAFF.format("30"))
    assert [(f.subtype, f.before, f.after) for f in found_changes] == [("qualifier", "30-plus", "30")]


def test_million_plus_told_as_over_a_million_is_quiet() -> None:
    # APTY 364: "million-plus" was no figure, so "over a million" was reported as a figure not in the original
    original = (
        "Wal-Mart said it would check all of its million-plus domestic workers to ensure they were legally employed."
    )
    suspect = (
        "Wal-Mart stated that it would verify the legally employed status of all its over a million domestic workers."
    )
    report = compare(original, suspect, settings=LEXICAL)
    assert [f for f in report.findings if f.type == "number_changed"] == []


def test_a_limit_said_in_other_words_keeps_the_bound() -> None:
    # APTY 395: "up to 10 years' jail" retold as "a maximum sentence of 10 years"
    original = "As a result, Nelson now faces up to 10 years' jail instead of life."
    for suspect in (
        "Nelson now potentially faces a maximum sentence of 10 years in jail instead of life.",
        "As a result, Nelson now could face 10 years in jail instead of life.",
    ):
        report = compare(original, suspect, settings=LEXICAL)
        assert [f for f in report.findings if f.type == "number_changed"] == [], suspect
