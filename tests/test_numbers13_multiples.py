"""Multiples ("doubled", "halved", "cut by a third") and shares in words ("half of") are figures."""

from __future__ import annotations

import pytest

from numbers13_context import AFTER, BEFORE, LEXICAL
from storytrace import compare
from storytrace.facts.numbers import extract_quantities
from storytrace.finding import Finding


def _numbers(original: str, suspect: str) -> list[Finding]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Fares have doubled since then.", 2.0),
        ("Prices are expected to double by 2030.", 2.0),
        ("Fares were halved after the cuts.", 0.5),
        ("Buses were cut in half.", 0.5),
        ("Buses were cut by a third after the cuts.", 2 / 3),
        ("Fares rose by half.", 1.5),
        ("Fares rose tenfold.", 10.0),
        ("Fares rose 10-fold.", 10.0),
    ],
)
def test_a_multiple_is_a_figure(text: str, value: float) -> None:
    [q] = extract_quantities(text)
    assert q.kind == "factor" and q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "He doubled down on his claim.",
        "The hall doubled as a shelter.",
        "It was a double murder.",
        "It took a quarter of an hour.",
        "Sales fell in the first half of the year.",
    ],
)
def test_idioms_are_no_multiples(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.kind in ("factor", "percent")] == []


def test_a_share_in_words_is_a_percentage() -> None:
    found = [(q.text, q.kind, q.value, q.qualifier) for q in extract_quantities("More than half of residents agreed.")]
    assert found == [("More than half", "percent", 50.0, "more than")]


@pytest.mark.parametrize(
    ("original", "suspect", "before", "after"),
    [
        (
            "Fares on the northern line have doubled since the operator took over the service.",
            "Fares on the northern line have tripled since the operator took over the service.",
            "doubled",
            "tripled",
        ),
        (
            "The number of buses running at night was halved after the cuts were approved.",
            "The number of buses running at night was cut by a third after the cuts were approved.",
            "halved",
            "cut by a third",
        ),
        (
            "Half of the depots will close under the plan, the report said.",
            "A third of the depots will close under the plan, the report said.",
            "Half",
            "A third",
        ),
    ],
)
def test_another_multiple_is_a_changed_figure(original: str, suspect: str, before: str, after: str) -> None:
    found = _numbers(original, suspect)
    assert [(f.subtype, f.before, f.after) for f in found] == [("changed", before, after)]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Fares on the northern line have doubled since the operator took over the service.",
            "Fares on the northern line have risen 100% since the operator took over the service.",
        ),
        (
            "The number of buses running at night was halved after the cuts were approved.",
            "The number of buses running at night was cut in half after the cuts were approved.",
        ),
        (
            "Half of the depots will close under the plan, the report said.",
            "50% of the depots will close under the plan, the report said.",
        ),
        (
            "A quarter of the depots will close under the plan, the report said.",
            "25 per cent of the depots will close under the plan, the report said.",
        ),
        (
            "Nearly half of the depots will close under the plan, the report said.",
            "Some 46% of the depots will close under the plan, the report said.",
        ),
        (
            "Fares on the northern line have more than doubled since the operator took over the service.",
            "Fares on the northern line have nearly tripled since the operator took over the service.",
        ),
    ],
)
def test_the_same_multiple_written_otherwise_is_quiet(original: str, suspect: str) -> None:
    assert _numbers(original, suspect) == []


def test_a_multiple_the_original_lacks_is_not_called_new() -> None:
    # "doubled" may restate "rose from 10 to 20": a multiple in words is compared, never 'not in the original'
    found = _numbers(
        "Fares on the northern line rose from £10 to £20 since the operator took over the service.",
        "Fares on the northern line doubled to £20 since the operator took over the service.",
    )
    assert found == []
