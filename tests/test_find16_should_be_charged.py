""" "Should be charged with fraud" is a view of what ought to happen, not a charge: retold "ought to face fraud
charges" it is no allegation stated as fact. Stated as done ("has been charged"), it is more certain than the
original; and a charge brought ("was charged with") retold as the deed is still an allegation stated as fact.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Councillors said the hospital's former director should be charged with fraud over the contracts.",
            "Councillors said the hospital's former director ought to face fraud charges over the contracts.",
        ),
        (
            "Councillors said the hospital's former director ought to be charged with fraud over the contracts.",
            "Councillors said the hospital's former director should face charges of fraud over the contracts.",
        ),
    ],
)
def test_a_recommended_charge_retold_is_no_allegation(source: str, derived: str) -> None:
    assert [f.detail for f in hedges(source, derived)] == []


def test_a_recommended_charge_stated_as_done_is_more_certain() -> None:
    found = hedges(
        "Councillors said the hospital's former director should be charged with fraud over the contracts.",
        "The hospital's former director has been charged with fraud over the contracts.",
    )
    assert [(f.subtype, f.severity, f.after) for f in found] == [("certainty_increased", "medium", "has been charged")]


def test_a_charge_brought_retold_as_the_deed_is_still_an_allegation_as_fact() -> None:
    found = hedges(
        "The hospital's former director was charged with fraud over the contracts.",
        "The hospital's former director committed fraud over the contracts.",
    )
    assert [f.subtype for f in found] == ["allegation_as_fact"]
