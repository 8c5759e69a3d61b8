""" "It seems that ..." is the writer's impression: dropped, a possibility reads as fact; added in a sentence of
its own, it is comment. Said another way ("appears to"), or "it appears in the report" (where), it changes
nothing.
"""

from __future__ import annotations

import pytest

from hedges_context import AFTER, BEFORE, hedges
from storytrace import compare


def _subtypes(source: str, derived: str) -> list[str | None]:
    return [f.subtype for f in hedges(source, derived)]


@pytest.mark.parametrize(
    "source",
    [
        "It seems that the new ward at the northern hospital will open in June, Olsen said.",
        "It appears the new ward at the northern hospital will open in June, Olsen said.",
    ],
)
def test_it_seems_dropped_is_more_certain(source: str) -> None:
    derived = "The new ward at the northern hospital will open in June, Olsen said."
    assert _subtypes(source, derived) == ["certainty_increased"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "It seems that the new ward at the northern hospital will open in June, Olsen said.",
            "The new ward at the northern hospital seems to be opening in June, Olsen said.",
        ),
        (
            "It appears in the report that the new ward at the northern hospital will open in June.",
            "The report says that the new ward at the northern hospital will open in June.",
        ),
    ],
)
def test_the_impression_kept_or_a_place_is_no_change(source: str, derived: str) -> None:
    assert _subtypes(source, derived) == []


def test_an_added_sentence_that_seems_is_comment() -> None:
    added = " It seems that the authority has learned nothing from the last winter crisis."
    report = compare(BEFORE + AFTER.strip(), BEFORE + AFTER.strip() + added)
    claims = [f for f in report.findings if f.type == "claim_added"]
    assert len(claims) == 1
    assert "editorialising" in claims[0].detail


def test_an_added_sentence_of_plain_report_is_no_comment() -> None:
    added = " The authority has hired forty nurses for the winter at the smaller hospitals."
    report = compare(BEFORE + AFTER.strip(), BEFORE + AFTER.strip() + added)
    claims = [f for f in report.findings if f.type == "claim_added"]
    assert len(claims) == 1
    assert "editorialising" not in claims[0].detail
