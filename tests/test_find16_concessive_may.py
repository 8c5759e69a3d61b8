"""A concessive "may be X, but Y" hedges X only: a rewrite that keeps Y and drops the concession has made
nothing more certain. Kept as a fact, X is still a dropped hedge, and a hedge on Y dropped still is one.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges


def _raised(source: str, derived: str) -> list[str]:
    return [f.detail for f in hedges(source, derived) if f.subtype == "certainty_increased"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The new ward may be expensive, but it will cut waiting times at the northern hospitals by half.",
            "The new ward will cut waiting times at the northern hospitals by half.",
        ),
        (
            "It may be late, but the new ward will open at the northern hospital in June, Olsen said.",
            "The new ward will open at the northern hospital in June, Olsen said.",
        ),
    ],
)
def test_the_concession_dropped_is_no_hedge_dropped(source: str, derived: str) -> None:
    assert _raised(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the concession kept as a fact
        (
            "The new ward may be expensive, but it will cut waiting times at the northern hospitals by half.",
            "The new ward is expensive but it will cut waiting times at the northern hospitals by half.",
        ),
        # the main clause's own hedge dropped
        (
            "The new ward may be expensive, but it could cut waiting times at the northern hospitals by half.",
            "The new ward will cut waiting times at the northern hospitals by half.",
        ),
        # no concession: the hedge governs the claim
        (
            "The new ward may cut waiting times at the northern hospitals by half, Olsen said.",
            "The new ward will cut waiting times at the northern hospitals by half, Olsen said.",
        ),
    ],
)
def test_a_hedge_on_what_is_kept_is_still_reported(source: str, derived: str) -> None:
    assert len(_raised(source, derived)) == 1
