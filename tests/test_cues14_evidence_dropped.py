"""An evidence verb dropped with its evidence ("the data suggest X" -> "X"): what was only suggested is stated
as fact. Kept in any other words (another evidence verb, "according to", a modal) it stays quiet, and so does
a person who "suggested" what should be done.

Each pair sits in a short article (the same sentences before and after) so the alignment is a real one.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges


@pytest.mark.parametrize(
    ("source", "derived", "verb"),
    [
        (
            "The data suggest that the new screening programme has cut waiting times at the larger hospitals.",
            "The new screening programme has cut waiting times at the larger hospitals.",
            "suggest",
        ),
        (
            "Early figures from the trust point to a sharp fall in waiting times at the larger hospitals.",
            "Waiting times at the larger hospitals have fallen sharply.",
            "point to",
        ),
        (
            "The audit indicates that the new screening programme has cut waiting times at the larger hospitals.",
            "The new screening programme has cut waiting times at the larger hospitals.",
            "indicates",
        ),
    ],
)
def test_evidence_verb_dropped_is_certainty_increased(source: str, derived: str, verb: str) -> None:
    (f,) = hedges(source, derived)
    assert (f.subtype, f.severity, f.before) == ("certainty_increased", "medium", verb)


@pytest.mark.parametrize(
    "derived",
    [
        "The new screening programme has cut waiting times at the larger hospitals, according to the data.",
        "The new screening programme appears to have cut waiting times at the larger hospitals.",
        "The data indicate that the new screening programme has cut waiting times at the larger hospitals.",
        "Olsen said the new screening programme has cut waiting times at the larger hospitals.",
    ],
)
def test_evidence_kept_in_other_words_is_quiet(derived: str) -> None:
    source = "The data suggest that the new screening programme has cut waiting times at the larger hospitals."
    assert hedges(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Olsen suggested that the new screening programme should be extended to the smaller hospitals.",
            "The new screening programme should be extended to the smaller hospitals.",
        ),
        (
            "The data show that the new screening programme has cut waiting times at the larger hospitals.",
            "The new screening programme has cut waiting times at the larger hospitals.",
        ),
    ],
)
def test_a_proposal_or_a_firm_verb_dropped_is_no_finding(source: str, derived: str) -> None:
    assert hedges(source, derived) == []
