"""A planned, weighed or balloted step told as done or certain, an estimate told as a count, and a compass word
put for another before the same place are reported; the same said another way stays quiet (cues20, QA
issues 2, 3 and 4).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_BEFORE = "The town council met on Tuesday evening to discuss the budget. Residents packed the hall for the meeting."
_AFTER = "The mayor said the decision would be reviewed next year. The council will meet again in March."


def _found(source: str, derived: str, kind: str) -> list[tuple[str | None, str]]:
    report = compare(f"{_BEFORE} {source} {_AFTER}", f"{_BEFORE} {derived} {_AFTER}")
    return [(f.subtype, f.severity) for f in report.findings if f.type == kind]


@pytest.mark.parametrize(
    ("source", "derived", "severity"),
    [
        (
            "Unions said they would hold a strike ballot over the pay offer next month.",
            "Unions will strike over the pay offer next month.",
            "medium",
        ),
        (
            "The company plans to close its Leeds factory next year, cutting 300 jobs.",
            "The company has closed its Leeds factory, cutting 300 jobs.",
            "medium",
        ),
        (
            "Doctors threatened to walk out if the pay offer was not improved.",
            "Doctors walked out over the pay offer.",
            "medium",
        ),
        (
            "The company plans to close its Leeds factory next year, cutting 300 jobs.",
            "The company will close its Leeds factory next year, cutting 300 jobs.",
            "low",
        ),
        (
            "The minister intends to introduce the bill in the spring session.",
            "The minister will introduce the bill in the spring session.",
            "low",
        ),
        (
            "An estimated 300 people attended the rally in the town square on Saturday.",
            "300 people attended the rally in the town square on Saturday.",
            "medium",
        ),
        (
            "Police put the crowd at 300 at the rally in the town square on Saturday.",
            "300 people attended the rally in the town square on Saturday.",
            "medium",
        ),
        (
            "About 300 people attended the rally in the town square on Saturday.",
            "300 people attended the rally in the town square on Saturday.",
            "low",
        ),
    ],
)
def test_a_plan_or_an_estimate_stated_flat(source: str, derived: str, severity: str) -> None:
    assert ("certainty_increased", severity) in _found(source, derived, "hedge_changed")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The company plans to close its Leeds factory next year, cutting 300 jobs.",
            "The company intends to shut its Leeds factory next year, with the loss of 300 jobs.",
        ),
        (
            "The company plans to close its Leeds factory next year, cutting 300 jobs.",
            "The company has announced it will close its Leeds factory next year, cutting 300 jobs.",
        ),
        (
            "The union said it would hold a strike ballot next month.",
            "The union will ballot its members on a strike next month.",
        ),
        (
            "An estimated 300 people attended the rally in the town square on Saturday.",
            "Roughly 300 people attended the rally in the town square on Saturday.",
        ),
        (
            "About 300 people attended the rally in the town square on Saturday.",
            "Around 300 people attended the rally in the town square on Saturday.",
        ),
        # rounding a share or a sum off is how rewriters write
        (
            "The stock rose $2.11, or about 11 percent, to close Friday at $21.51.",
            "The stock rose $2.11, or 11 percent, to close Friday at $21.51.",
        ),
    ],
)
def test_the_plan_or_estimate_kept_in_other_words_is_quiet(source: str, derived: str) -> None:
    assert _found(source, derived, "hedge_changed") == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Flooding hit homes in the northern suburbs of the city overnight.",
            "Flooding hit homes in the southern suburbs of the city overnight.",
        ),
        (
            "The fire started in the north wing of the hospital on Monday.",
            "The fire started in the south wing of the hospital on Monday.",
        ),
        ("The storm hit North Carolina on Monday morning.", "The storm hit South Carolina on Monday morning."),
    ],
)
def test_a_compass_word_put_for_another(source: str, derived: str) -> None:
    assert ("place", "medium") in _found(source, derived, "entity_changed")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Flooding hit homes in the northern suburbs of the city overnight.",
            "Homes in the city's northern suburbs were flooded overnight.",
        ),
        (
            "Flooding hit homes in the north of the city overnight.",
            "Flooding hit homes in the northern part of the city overnight.",
        ),
        (
            "Flooding hit homes in the suburbs of the city overnight.",
            "Flooding hit homes in the northern suburbs of the city overnight.",
        ),
        # both places in both: each said of something else
        (
            "Rain fell in the north of the county and snow in the south of the county.",
            "Snow fell in the south of the county and rain in the north of the county.",
        ),
    ],
)
def test_the_same_direction_or_a_new_one_is_no_place_changed(source: str, derived: str) -> None:
    assert ("place", "medium") not in _found(source, derived, "entity_changed")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("The hall was built around 1990 by the old council.", "The hall was built in 1990 by the old council."),
        ("The meeting lasted about 3 hours on Tuesday.", "The meeting lasted 3 hours on Tuesday."),
    ],
)
def test_a_rounded_year_or_time_is_no_estimate(source: str, derived: str) -> None:
    assert _found(source, derived, "hedge_changed") == []
