"""Negations that deny nothing, seen on SheepDog's rewrites (seed 16): "But that's not all - ..." adds,
"But fear not, ..." reassures, and "hardly" on the other side carries the "don't". A real "not all" and a
"not" before "fear" still reverse the claim.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges


def _flips(source: str, derived: str) -> list[str]:
    return [f.detail for f in hedges(source, derived) if f.subtype == "negation_flipped"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Additionally, the authority has opened night clinics in the three largest towns of the district.",
            "But that's not all - the authority has also opened night clinics in the three largest towns.",
        ),
        (
            "I am confident that the authority has the staff it needs to get through the winter, Olsen said.",
            "But fear not, the authority has the staff it needs to get through the winter, Olsen said.",
        ),
        (
            "You hardly have to look back to 2010 to see why the district needs more nurses, Olsen said.",
            "You don't have to look back to 2010 to see why the district needs more nurses, Olsen said.",
        ),
    ],
)
def test_these_negations_deny_nothing(source: str, derived: str) -> None:
    assert _flips(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "All of the twelve hospitals in the district met the waiting time target last year, Olsen said.",
            "Not all of the twelve hospitals in the district met the waiting time target last year, Olsen said.",
        ),
        (
            "Staff at the twelve hospitals fear the winter will bring longer waiting times, Olsen said.",
            "Staff at the twelve hospitals do not fear the winter will bring longer waiting times, Olsen said.",
        ),
        (
            "You have to look back to 2010 to see why the district needs more nurses, Olsen said.",
            "You don't have to look back to 2010 to see why the district needs more nurses, Olsen said.",
        ),
    ],
)
def test_real_flips_stay(source: str, derived: str) -> None:
    assert len(_flips(source, derived)) == 1
