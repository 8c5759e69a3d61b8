"""Litotes restating a positive ("deadly landslides are not new to Áncash" for "Áncash has a long history of
deadly landslides", "not the first time" for "again") reverses nothing; the same negation with no word of
repetition or long standing on the other side still does (qa26 P6)."""

from __future__ import annotations

import pytest

from hedges_context import hedges
from storytrace import compare

P6_SOURCE = """The defence ministry sent two military helicopters to ferry supplies.

Áncash has a long history of deadly landslides. In 1970, an earthquake-triggered avalanche buried the town of \
Yungay, killing more than 20,000 people."""
P6_DERIVED = """The defence ministry sent two military helicopters to ferry supplies.

Deadly landslides are not new to Áncash: in 1970, an avalanche set off by an earthquake buried the town of Yungay \
and killed more than 20,000 people."""


def test_not_new_for_a_long_history_is_no_flip() -> None:
    report = compare(P6_SOURCE, P6_DERIVED)
    assert [f for f in report.findings if f.subtype == "negation_flipped"] == []


def test_not_new_where_the_original_says_new_is_a_flip() -> None:
    source = P6_SOURCE.replace(
        "Áncash has a long history of deadly landslides.", "Deadly landslides are new to Áncash."
    )
    derived = P6_DERIVED
    report = compare(source, derived)
    assert [(f.subtype, f.severity) for f in report.findings if f.type == "hedge_changed"] == [
        ("negation_flipped", "high")
    ]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Inspectors have criticised the main hospital over hygiene again, the third report in a row to do so.",
            "It is not the first time inspectors have criticised the main hospital over hygiene, the third report "
            "in a row to do so.",
        ),
        (
            "Staff shortages at the smaller hospitals are common in winter, the report found.",
            "Staff shortages at the smaller hospitals are not rare in winter, the report found.",
        ),
    ],
)
def test_litotes_for_repetition_is_no_flip(source: str, derived: str) -> None:
    assert [f for f in hedges(source, derived) if f.subtype == "negation_flipped"] == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "It is the first time inspectors have criticised the main hospital over hygiene, the report found.",
            "It is not the first time inspectors have criticised the main hospital over hygiene, the report found.",
        ),
        (
            "Staff shortages at the smaller hospitals are rare in winter, the report found.",
            "Staff shortages at the smaller hospitals are not rare in winter, the report found.",
        ),
        (
            "The northern district has a long history of staff shortages in winter, the report found.",
            "The northern district has no history of staff shortages in winter, the report found.",
        ),
    ],
)
def test_litotes_without_a_carrier_is_still_a_flip(source: str, derived: str) -> None:
    assert [f.subtype for f in hedges(source, derived)] == ["negation_flipped"]
