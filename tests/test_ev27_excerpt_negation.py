"""A summary that excerpts a long sentence and leaves its "not" out reverses the claim ("this first meeting
... should not be the end of the story" -> "this first meeting should be the end of the story", FactCC's tune
part): the excerpt shares too few of the long sentence's words for the whole-sentence test, but it copies the
negated clause word for word. An excerpt that keeps the "not", one that takes another clause of the sentence,
or a negation said another way ("no longer" -> "stopped", "not unlike" -> "similar") stays quiet (issue 3).

The sentences are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

TAIL = (
    "The two delegations met again on Sunday morning before flying home. Officials on both sides described the "
    "talks as frank. A joint statement is expected later this week."
)


def _flips(source: str, derived: str) -> list[str]:
    report = compare(f"{source} {TAIL}", derived)
    return [f.severity for f in report.findings if f.subtype == "negation_flipped"]


FLIPPED = [
    (
        "But this first meeting of the two presidents since they announced plans to restore diplomatic ties "
        "should not be the end of the summit story.",
        "This first meeting of the two presidents should be the end of the summit story.",
    ),
    (
        "The regional health authority, which runs eleven hospitals across the north of the country and "
        "employs some 14,000 staff, will not close the maternity ward at Riverside General next spring.",
        "The regional health authority will close the maternity ward at Riverside General next spring.",
    ),
    (
        "Despite months of pressure from the opposition and a series of damaging leaks from within his own "
        "party, the finance minister has not ruled out a rise in fuel duty this autumn.",
        "The finance minister has ruled out a rise in fuel duty this autumn.",
    ),
]

QUIET = [
    # the excerpt keeps the "not"
    (
        "But this first meeting of the two presidents since they announced plans to restore diplomatic ties "
        "should not be the end of the summit story.",
        "This first meeting of the two presidents should not be the end of the summit story.",
    ),
    # the excerpt takes the other clause of the sentence, not the negated one
    (
        "The council did not approve the budget for the coming year, but members agreed to fund the new "
        "library on Mill Street from the reserves.",
        "Members agreed to fund the new library on Mill Street from the reserves.",
    ),
    # a negation said another way
    (
        "The plant on the edge of the town, which was once the largest employer in the valley, no longer "
        "produces steel for the car industry.",
        "The plant stopped producing steel for the car industry.",
    ),
    (
        "The proposal put forward by the transport committee on Thursday after a long debate is not unlike "
        "the plan the city rejected in 2019.",
        "The proposal is similar to the plan the city rejected in 2019.",
    ),
    # "not only ... but": nothing denied
    (
        "The new bridge across the estuary, opened by the mayor after four years of delays, is not only "
        "cheaper to maintain but faster to cross.",
        "The new bridge is cheaper to maintain and faster to cross.",
    ),
]


@pytest.mark.parametrize(("source", "derived"), FLIPPED)
def test_excerpt_without_the_not_is_a_flip(source: str, derived: str) -> None:
    assert _flips(source, derived) == ["high"]


@pytest.mark.parametrize(("source", "derived"), QUIET)
def test_faithful_excerpt_stays_quiet(source: str, derived: str) -> None:
    assert _flips(source, derived) == []
