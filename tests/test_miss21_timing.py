"""Hostile input for the outcome check (facts/outcomes.py): one very long linked sentence full of its cues must
cost time in proportion to its length. The session-21 'step to come told as done' check, dropped, searched the
whole sentence again for each future it found (rev21m's hostile4: quadratic). The bounds are generous (a loaded
shared machine); a quadratic path at this size takes far longer."""

from __future__ import annotations

import resource

import pytest

from storytrace import compare


def _user_seconds() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The council said it will vote and " + "it will hire staff, " * 2000 + "the mayor said.",
            "The council said it would vote and " + "it would hire staff, " * 2000 + "the mayor said.",
        ),
        (
            "Tom Harris was charged with fraud and " + "was charged with theft and " * 1500 + "bribery.",
            "Tom Harris was convicted of fraud and " + "was convicted of theft and " * 1500 + "bribery.",
        ),
    ],
)
def test_long_sentence_of_cues_is_linear(source: str, derived: str) -> None:
    start = _user_seconds()
    compare(source, derived)
    assert _user_seconds() - start < 30.0
