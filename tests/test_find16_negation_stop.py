"""A verb of stopping carries a negation: "stopped funding" is "is not funding", "stopped short of calling it"
is "did not call it" (no flip); "is no longer funding" retold "has not stopped funding" denies the stopping
(a flip, though both sides have a negation). Real flips of the same shape stay reported.

Each pair sits in a short article (the same sentences before and after) so the alignment is a real one.
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
            "The authority has stopped funding the night clinic in the northern district, Olsen said.",
            "The authority is not funding the night clinic in the northern district, Olsen said.",
        ),
        (
            "The authority stopped funding the night clinic in the northern district, Olsen said.",
            "The authority isn't funding the night clinic in the northern district now, Olsen said.",
        ),
        (
            "Olsen stopped short of calling the delays at the northern hospitals a scandal.",
            "Olsen did not call the delays at the northern hospitals a scandal.",
        ),
        (
            "Olsen refrained from calling the delays at the northern hospitals a scandal.",
            "Olsen isn't calling the delays at the northern hospitals a scandal.",
        ),
        (
            "The new rule stops visitors from smoking anywhere on the grounds of the twelve hospitals.",
            "Under the new rule visitors cannot smoke anywhere on the grounds of the twelve hospitals.",
        ),
    ],
)
def test_a_verb_of_stopping_carries_the_negation(source: str, derived: str) -> None:
    assert _flips(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The authority is no longer funding the night clinic in the northern district, Olsen said.",
            "The authority has not stopped funding the night clinic in the northern district, Olsen said.",
        ),
        (
            "The authority is not funding the night clinic any more, Olsen said.",
            "The authority will not stop funding the night clinic, Olsen said.",
        ),
        (
            "The authority hasn't stopped funding the night clinic in the northern district, Olsen said.",
            "The authority is no longer funding the night clinic in the northern district, Olsen said.",
        ),
    ],
)
def test_no_longer_retold_not_stopped_is_a_flip(source: str, derived: str) -> None:
    assert len(_flips(source, derived)) == 1


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the controls: the negation of the stopping itself, and a "not" against the same verb of stopping
        (
            "The authority will stop funding the night clinic in the northern district, Olsen said.",
            "The authority will not stop funding the night clinic in the northern district, Olsen said.",
        ),
        (
            "The authority has stopped funding the night clinic in the northern district, Olsen said.",
            "The authority has not halted funding the night clinic in the northern district, Olsen said.",
        ),
        (
            "The authority isn't stopping the night clinic in the northern district, Olsen said.",
            "The authority is stopping the night clinic in the northern district, Olsen said.",
        ),
        # a verb of stopping about something else carries nothing
        (
            "The authority stopped recruiting nurses and is funding the night clinic in the northern district.",
            "The authority stopped recruiting nurses and is not funding the night clinic in the northern district.",
        ),
    ],
)
def test_a_negated_stopping_is_still_a_flip(source: str, derived: str) -> None:
    assert len(_flips(source, derived)) == 1


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The authority is no longer funding the night clinic in the northern district, Olsen said.",
            "The authority isn't funding the night clinic in the northern district any more, Olsen said.",
        ),
        (
            "The authority will not stop the night clinic in the northern district, Olsen said.",
            "The authority isn't stopping the night clinic in the northern district, Olsen said.",
        ),
    ],
)
def test_the_same_negation_twice_is_no_flip(source: str, derived: str) -> None:
    assert _flips(source, derived) == []
