"""A negation said the other way ("no longer" -> "stopped", "not yet" -> "before", "not the only" -> "one of
several") reverses nothing; the same phrases with the negation simply dropped still do. And a dropped
"unlikely that", a reversal, is reported once, as the reversal.

Each pair sits in a short article (the same sentences before and after) so the alignment is a real one.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The laundry at the main hospital is no longer washing linen for the care homes, the authority said.",
            "The laundry at the main hospital has stopped washing linen for the care homes, the authority said.",
        ),
        (
            "The laundry at the main hospital has ceased washing linen for the care homes, the authority said.",
            "The laundry at the main hospital is no longer washing linen for the care homes, the authority said.",
        ),
        (
            "The laundry at the main hospital does not wash linen for the care homes any more, the authority said.",
            "The laundry at the main hospital has stopped washing linen for the care homes, the authority said.",
        ),
        (
            "The clinic no longer has its biggest donor and has cut staff at three of its sites, Olsen said.",
            "Shorn of its biggest donor, the clinic has cut staff at three of its sites, Olsen said.",
        ),
        (
            "Olsen said patients may not yet know whether their operations were among those postponed.",
            "Olsen said it could be days before patients know whether their operations were among those postponed.",
        ),
        (
            "The northern district is not the only one in the region facing staff shortages this winter.",
            "The northern district is one of several in the region facing staff shortages this winter.",
        ),
    ],
)
def test_negation_said_another_way_is_no_flip(source: str, derived: str) -> None:
    assert [f for f in hedges(source, derived) if f.subtype == "negation_flipped"] == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The laundry at the main hospital is no longer washing linen for the care homes, the authority said.",
            "The laundry at the main hospital is still washing linen for the care homes, the authority said.",
        ),
        (
            "The laundry at the main hospital is no longer washing linen for the care homes after it lost the "
            "contract, the authority said.",
            "The laundry at the main hospital is washing linen for the care homes after it lost the contract, "
            "the authority said.",
        ),
        (
            "Olsen said patients do not yet know whether their operations were among those postponed.",
            "Olsen said patients know whether their operations were among those postponed.",
        ),
        (
            "The northern district is not the only one in the region facing staff shortages this winter.",
            "The northern district is the only one in the region facing staff shortages this winter.",
        ),
        (
            "It is not the first time the main hospital has been criticised by inspectors over hygiene.",
            "It is the first time the main hospital has been criticised by inspectors over hygiene.",
        ),
    ],
)
def test_negation_dropped_from_the_same_phrase_is_still_a_flip(source: str, derived: str) -> None:
    assert [f.subtype for f in hedges(source, derived)] == ["negation_flipped"]


def test_unlikely_that_dropped_is_one_finding_the_reversal() -> None:
    (f,) = hedges(
        "It is highly unlikely that the new wing will open before the end of the year, officials said.",
        "The new wing will open before the end of the year, officials said.",
    )
    assert (f.subtype, f.severity, f.before) == ("negation_flipped", "high", "unlikely")


def test_likely_dropped_is_still_certainty_increased() -> None:
    (f,) = hedges(
        "It is likely that the new wing will open before the end of the year, officials said.",
        "The new wing will open before the end of the year, officials said.",
    )
    assert (f.subtype, f.severity, f.before) == ("certainty_increased", "medium", "likely")
