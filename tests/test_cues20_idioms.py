"""Idioms with a negative word that deny nothing ("sold for next to nothing", "no small feat", "levels never
before seen") stay quiet, and the negations next to them are still reported (cues20, QA issue 1).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_BEFORE = "The town council met on Tuesday evening to discuss the budget. Residents packed the hall for the meeting."
_AFTER = "The mayor said the decision would be reviewed next year. The council will meet again in March."


def _flips(source: str, derived: str) -> list[str]:
    report = compare(f"{_BEFORE} {source} {_AFTER}", f"{_BEFORE} {derived} {_AFTER}")
    return [f.detail for f in report.findings if f.subtype == "negation_flipped"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The council sold the old depot land to a developer for a pittance last year.",
            "The council sold the old depot land to a developer for next to nothing last year.",
        ),
        (
            "The flood reached levels unseen in the town's history, officials said.",
            "The flood reached levels never before seen in the town's history, officials said.",
        ),
        (
            "The mayor is familiar with controversy, having faced two recalls.",
            "The mayor is no stranger to controversy, having faced two recalls.",
        ),
        (
            "The repairs were a considerable feat for the small crew, the engineer said.",
            "The repairs were no small feat for the small crew, the engineer said.",
        ),
        (
            "The closure caused endless trouble for local shops, owners said.",
            "The closure caused no end of trouble for local shops, owners said.",
        ),
        (
            "The new bridge is similar to the old one, the engineer said.",
            "The new bridge is not unlike the old one, the engineer said.",
        ),
        (
            "The town celebrated the win with a huge parade on Sunday.",
            "The town celebrated the win like never before with a huge parade on Sunday.",
        ),
    ],
)
def test_an_idiom_with_a_negative_word_is_no_negation(source: str, derived: str) -> None:
    assert _flips(source, derived) == []


def test_the_idiom_in_the_original_is_no_negation_dropped() -> None:
    source = "The council sold the old depot land to a developer for next to nothing last year."
    derived = "The council sold the old depot land to a developer for a pittance last year."
    assert _flips(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # a plain "not" next to the same words
        (
            "The council sold the old depot land to a developer last year.",
            "The council did not sell the old depot land to a developer last year.",
        ),
        # "never before" as the verb's own negation, not the adjective idiom
        (
            "The mayor had seen such flooding before in the valley.",
            "The mayor had never before seen such flooding in the valley.",
        ),
        # "not" before an un- word the other side writes without it reverses it
        (
            "The loss of the seat was unexpected, the party said.",
            "The loss of the seat was not unexpected, the party said.",
        ),
        # after "like", only "never" makes an idiom
        (
            "It looked like the fire had damaged the whole building.",
            "It looked like nothing had damaged the whole building.",
        ),
    ],
)
def test_negations_next_to_the_idioms_are_still_reported(source: str, derived: str) -> None:
    assert len(_flips(source, derived)) == 1


def test_not_under_is_no_litotes() -> None:
    source = "The mayor was not under investigation by the state police, officials said."
    derived = "The mayor was being investigated by the state police, officials said."
    assert len(_flips(source, derived)) == 1
