"""A concessive "may be X, but Y" grants X to say Y: it hedges neither, so a rewrite that drops the
concession, or states X, has made nothing more certain. A hedge on Y dropped still is one, and so is a "may"
that forecasts ("may rise, but ..."); a hedge's scope ends where the clause turns ("but").
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
        # the concession kept as a fact: "may be X, but" grants X (SheepDog, politifact_train_217-neutral)
        (
            "The new ward may be expensive, but it will cut waiting times at the northern hospitals by half.",
            "The new ward is expensive but it will cut waiting times at the northern hospitals by half.",
        ),
        (
            "Olsen may be the chief executive and she may be the longest serving, but she will no longer chair "
            "the board.",
            "Olsen, the chief executive and the longest serving, will no longer chair the board.",
        ),
    ],
)
def test_the_concession_dropped_is_no_hedge_dropped(source: str, derived: str) -> None:
    assert _raised(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # a forecast before "but" is no concession
        (
            "Waiting times may rise this winter, but the new ward will open in June, Olsen said.",
            "Waiting times will rise this winter, but the new ward will open in June, Olsen said.",
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
