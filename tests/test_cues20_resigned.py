"""A resignation told as a dismissal, or the reverse, is reported: who ended the job changed (cues20, QA
issue 5). Another word for the same end, or a firing of someone else, stays quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_BEFORE = "The town council met on Tuesday evening to discuss the budget. Residents packed the hall for the meeting."
_AFTER = "The mayor said the decision would be reviewed next year. The council will meet again in March."


def _flips(source: str, derived: str) -> list[tuple[str, str | None, str | None]]:
    report = compare(f"{_BEFORE} {source} {_AFTER}", f"{_BEFORE} {derived} {_AFTER}")
    return [(f.severity, f.before, f.after) for f in report.findings if f.subtype == "negation_flipped"]


@pytest.mark.parametrize(
    ("source", "derived", "before", "after"),
    [
        (
            "The chief executive resigned on Monday after the accounting scandal.",
            "The chief executive was fired on Monday after the accounting scandal.",
            "resigned",
            "was fired",
        ),
        (
            "The chief executive was sacked on Monday after the accounting scandal.",
            "The chief executive resigned on Monday after the accounting scandal.",
            "was sacked",
            "resigned",
        ),
        (
            "The coach stepped down on Monday after the defeat.",
            "The coach was dismissed on Monday after the defeat.",
            "stepped down",
            "was dismissed",
        ),
    ],
)
def test_resigned_and_fired_put_for_each_other(source: str, derived: str, before: str, after: str) -> None:
    assert _flips(source, derived) == [("medium", before, after)]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The chief executive resigned on Monday after the accounting scandal.",
            "The chief executive stepped down on Monday after the accounting scandal.",
        ),
        (
            "The chief executive was fired on Monday after the accounting scandal.",
            "The chief executive was sacked on Monday after the accounting scandal.",
        ),
        # pushed out either way
        (
            "The chief executive was forced to resign on Monday after the accounting scandal.",
            "The chief executive was fired on Monday after the accounting scandal.",
        ),
        # the firing is of someone else, in both
        (
            "The chief executive resigned on Monday after he fired the finance director.",
            "The chief executive resigned on Monday after firing the finance director.",
        ),
        # a gun, not a job
        (
            "The officer resigned after the inquiry into the shooting.",
            "The officer resigned after a shot was fired during the inquiry.",
        ),
        (
            "Protesters called for the minister to resign over the scandal.",
            "Protesters called for the minister to be sacked over the scandal.",
        ),
    ],
)
def test_the_same_end_of_a_job_or_another_firing_is_quiet(source: str, derived: str) -> None:
    assert _flips(source, derived) == []
