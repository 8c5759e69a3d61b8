"""Set scores are scores; an ordinal that restates the original's number is not new (facts14)."""

from __future__ import annotations

import pytest

from numbers13_context import findings_of
from storytrace.facts.numbers import extract_quantities


def test_a_set_score_is_a_tally_not_a_range() -> None:
    found = extract_quantities("She dropped the opening set 6-7 on Monday.")
    assert [(q.kind, q.value, q.high) for q in found] == [("tally", 6.0, 7.0)]
    # without a word of games or votes near it, a rising pair stays a range
    assert [q.kind for q in extract_quantities("He said 10-15 people came.")] == ["count"]


@pytest.mark.parametrize(
    "suspect",
    [
        "She dropped the first set 6-7 before coming back to win.",
        "She dropped the opening set 6 to 7 before coming back to win.",
    ],
)
def test_the_same_set_score_is_quiet(suspect: str) -> None:
    assert findings_of("She lost the first set 6-7 but came back to win.", suspect, "number_changed") == []


def test_another_set_score_is_reported() -> None:
    found = findings_of(
        "She lost the first set 6-7 but came back to win.",
        "She dropped the opening set 5-7 before coming back to win.",
        "number_changed",
    )
    assert [(f.subtype, f.severity) for f in found] == [("changed", "high")]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Kirk Douglas was to turn 101 on December 9, and his family said he died peacefully at home.",
            "Kirk Douglas was set to celebrate his 101st birthday on December 9, his family said after his death.",
        ),
        (
            "He was No. 17 on the American Film Institute's list of the greatest male screen legends.",
            "He held the 17th spot on the American Film Institute's list of the greatest male screen legends.",
        ),
        (
            "Seventy years to the day after the Soviets invaded Poland, it was an odd way to mark the occasion.",
            "On the 70th anniversary of the day the Soviets invaded Poland, it was an odd way to mark the occasion.",
        ),
        (
            "We do not yet know who is going to come in second. There is a race for second place in Nevada.",
            "It is not yet known who will come in second. There is a race for the second place in Nevada.",
        ),
    ],
)
def test_an_ordinal_that_restates_the_original_is_not_new(original: str, suspect: str) -> None:
    assert [f for f in findings_of(original, suspect, "number_changed") if f.severity != "low"] == []


def test_an_ordinal_the_original_lacks_is_still_new() -> None:
    found = findings_of(
        "Kirk Douglas was to turn 101 on December 9, and his family said he died peacefully at home.",
        "Kirk Douglas was set to celebrate his 102nd birthday on December 9, his family said after his death.",
        "number_changed",
    )
    assert [f.after for f in found if f.severity != "low"] == ["102nd"]
