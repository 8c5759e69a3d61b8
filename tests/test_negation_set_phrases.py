"""Negation words in set phrases, conditions and lead-ins deny nothing: no negation_flipped (on SheepDog's LLM
rewrites every such finding was one of these, 13 of 13 on 120 rewrites)."""

from __future__ import annotations

import pytest

from storytrace import compare

CONTEXT_BEFORE = "The council met on Tuesday in the town hall. About 40 residents attended the meeting. "
CONTEXT_AFTER = " The next meeting is in June."


def _hedges(original: str, suspect: str) -> list[str]:
    report = compare(CONTEXT_BEFORE + original + CONTEXT_AFTER, CONTEXT_BEFORE + suspect + CONTEXT_AFTER)
    return [f"{f.subtype}:{f.after or f.before}" for f in report.findings if f.type == "hedge_changed"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The mayor, Denise Okafor, praised the staff of the library.",
            "The mayor, none other than Denise Okafor, praised the staff of the library.",
        ),
        (
            "The library is older than the town hall and full of rare books.",
            "The library is not only older than the town hall but also full of rare books.",
        ),
        (
            "The closure was just a budget decision, the mayor said.",
            "The closure was nothing more than a budget decision, the mayor said.",
        ),
        (
            "Residents must remember that the library opened in 1921.",
            "Let us not forget that the library opened in 1921.",
        ),
        (
            "Okafor warned the council to reverse its decision at once or she would resign.",
            "Okafor warned that if the council did not reverse its decision at once, she would resign.",
        ),
        (
            "The library will serve readers of every age, not only students.",
            "The library will serve readers of every age, in contrast to the old one for students.",
        ),
        (
            "Is it a closure? No, it is a move to a new building.",
            "Is it a closure? But no, it is a move to a new building.",
        ),
    ],
)
def test_no_negation_flip(original: str, suspect: str) -> None:
    assert [f for f in _hedges(original, suspect) if f.startswith("negation_flipped")] == []


def test_a_negation_said_as_unable_is_no_flip() -> None:
    found = _hedges(
        "The council could not pay for the repairs this year.",
        "The council would be unable to pay for the repairs this year.",
    )
    assert [f for f in found if f.startswith("negation_flipped")] == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The council approved the plan to close the library.",
            "The council did not approve the plan to close the library.",
        ),
        ("Police said the fire was not set deliberately.", "Police said the fire was set deliberately."),
        (
            "This is not the first time the council has voted to close the library.",
            "This is the first time the council has voted to close the library.",
        ),
    ],
)
def test_a_real_flip_is_still_reported(original: str, suspect: str) -> None:
    assert [f for f in _hedges(original, suspect) if f.startswith("negation_flipped")] != []


def test_could_not_said_as_unable_is_no_certainty_gained() -> None:
    found = _hedges(
        "The council could not pay for the repairs this year.",
        "The council would be unable to pay for the repairs this year.",
    )
    assert found == []


def test_could_dropped_is_still_certainty_gained() -> None:
    found = _hedges("The council could close the library next year.", "The council will close the library next year.")
    assert [f.split(":")[0] for f in found] == ["certainty_increased"]
