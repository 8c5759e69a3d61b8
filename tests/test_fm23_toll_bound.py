"""A death toll changed in other words is a changed figure (facts/numbers.py), and a true lower bound put
for an exact figure is none. Each next to faithful rewrites that must stay quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_QUAKE = (
    "A magnitude 5.8 earthquake struck southern Corvia early on Wednesday, killing two people and damaging "
    "hundreds of buildings, the civil protection agency said."
)
_TAIL = " Schools in the region will stay closed until Friday while engineers inspect them."


def _numbers(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(source + _TAIL, derived + _TAIL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    "derived",
    [
        "An earthquake of magnitude 5.8 struck the south of Corvia early on Wednesday, causing three deaths and "
        "damage to hundreds of buildings, the civil protection agency said.",
        "An earthquake of magnitude 5.8 struck the south of Corvia early on Wednesday, leaving three people dead "
        "and damaging hundreds of buildings, the civil protection agency said.",
    ],
)
def test_death_toll_changed_in_other_words_is_high(derived: str) -> None:
    assert ("changed", "high") in _numbers(_QUAKE, derived)


@pytest.mark.parametrize(
    "derived",
    [
        "An earthquake of magnitude 5.8 struck the south of Corvia early on Wednesday, causing two deaths and "
        "damage to hundreds of buildings, the civil protection agency said.",
        "Two people died and hundreds of buildings were damaged when a magnitude 5.8 earthquake struck southern "
        "Corvia early on Wednesday, the civil protection agency said.",
    ],
)
def test_same_death_toll_in_other_words_stays_quiet(derived: str) -> None:
    assert _numbers(_QUAKE, derived) == []


_FLOODS = "The floods killed 140 people across the region, officials said on Monday."


@pytest.mark.parametrize(
    "derived",
    [
        "The floods killed more than 100 people across the region, officials said on Monday.",
        "The floods killed well over 100 people across the region, officials said on Monday.",
        "At least 100 people were killed by the floods across the region, officials said on Monday.",
    ],
)
def test_true_lower_bound_is_no_changed_figure(derived: str) -> None:
    assert [f for f in _numbers(_FLOODS, derived) if f[1] != "low"] == []


@pytest.mark.parametrize(
    "derived",
    [
        "The floods killed more than 200 people across the region, officials said on Monday.",
        "The floods killed more than 20 people across the region, officials said on Monday.",
        "The floods killed fewer than 100 people across the region, officials said on Monday.",
        "The floods killed just over 100 people across the region, officials said on Monday.",
    ],
)
def test_false_or_far_lower_bound_still_fires(derived: str) -> None:
    assert ("changed", "high") in _numbers(_FLOODS, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Attackers killed 16 people in the capital a week ago, officials said.",
            "Attackers killed at least 14 people in the capital a week ago, officials said.",
        ),
        (
            "Attackers killed 400 people in the capital a week ago, officials said.",
            "Attackers killed more than 300 people in the capital a week ago, officials said.",
        ),
    ],
)
def test_bound_no_rounder_than_the_figure_still_fires(source: str, derived: str) -> None:
    assert ("changed", "high") in _numbers(source, derived)
