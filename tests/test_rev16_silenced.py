"""Real distortions a review found silenced by the session-16 findings changes (each reported before them,
silent after them, reported again now), beside the cases those changes rightly quieted."""

from __future__ import annotations

import pytest

from hedges_context import AFTER, BEFORE, hedges
from storytrace import compare


def _types(source: str, derived: str) -> list[tuple[str, str | None]]:
    report = compare(BEFORE + source + AFTER, BEFORE + derived + AFTER)
    return [(f.type, f.subtype) for f in report.findings if f.severity != "info"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The drug may be effective, but more trials are needed before approval, Olsen said.",
            "The drug is effective, but more trials are needed before approval, Olsen said.",
        ),
        (
            "The defendant may be guilty, but the evidence is thin, the judge said.",
            "The defendant is guilty, and the evidence is thin, the judge said.",
        ),
        (
            "The outbreak may be linked to the water supply, but tests are continuing.",
            "The outbreak is linked to the water supply, but tests are continuing.",
        ),
    ],
)
def test_a_may_that_doubts_a_fact_before_but_is_still_a_hedge(source: str, derived: str) -> None:
    assert any(f.subtype == "certainty_increased" for f in hedges(source, derived))


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Officials hope to stop the spread of the virus in the northern province.",
            "Officials said the virus is not spreading in the northern province.",
        ),
        (
            "Managers tried to stop workers from striking at the plant.",
            "Workers are not striking at the plant, managers said.",
        ),
        (
            "The ministry will stop funding the museum next year.",
            "The ministry is not funding the museum.",
        ),
    ],
)
def test_a_stopping_only_wanted_or_to_come_does_not_excuse_a_not(source: str, derived: str) -> None:
    assert any(f.subtype == "negation_flipped" for f in hedges(source, derived)), hedges(source, derived)


def test_fear_not_enough_negates() -> None:
    found = hedges(
        "Experts fear not enough doctors will arrive in time for the winter.",
        "Experts say enough doctors will arrive in time for the winter.",
    )
    assert any(f.subtype == "negation_flipped" for f in found)
    # the reassurance "fear not," denies nothing
    assert not any(
        f.subtype == "negation_flipped"
        for f in hedges(
            "Fear not, the mayor said, the library will reopen in May.",
            "The mayor said the library will reopen in May.",
        )
    )


@pytest.mark.parametrize(
    "derived",
    [
        "Police charged the former treasurer with fraud, the auditor said.",
        "The former treasurer has been charged with fraud, the auditor said.",
    ],
)
def test_what_should_happen_stated_as_done_in_any_tense(derived: str) -> None:
    found = hedges("The former treasurer should be charged with fraud, the auditor said.", derived)
    assert any(f.subtype in ("certainty_increased", "allegation_as_fact") for f in found)


def test_still_wanted_is_no_change() -> None:
    found = hedges(
        "The former treasurer should be charged with fraud, the auditor said.",
        "The auditor called for the former treasurer to be charged with fraud.",
    )
    assert not any(f.subtype in ("certainty_increased", "allegation_as_fact") for f in found)


def test_a_doubled_denial_in_a_quote_is_no_typo() -> None:
    types = _types(
        'Olsen said: "I did not not vote for this bill, and I will defend it."',
        'Olsen said: "I did not vote for this bill, and I will defend it."',
    )
    assert any(t == "quote_altered" for t, _ in types), types
