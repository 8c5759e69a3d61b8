"""A question keeps the original's doubt only when it asks the claim the hedge governs: "Could the drug cause
liver damage?" does; "The drug causes liver damage, so why did regulators approve it?" states the claim and
asks about something else, so the dropped "may" is reported.
"""

from __future__ import annotations

import pytest

from hedges_context import hedges

SOURCE = "The new drug may cause liver damage in older patients, the study found."


def test_a_question_about_something_else_keeps_no_hedge() -> None:
    derived = "The new drug causes liver damage in older patients, so why did regulators approve it?"
    assert [f.subtype for f in hedges(SOURCE, derived)] == ["certainty_increased"]


@pytest.mark.parametrize(
    "derived",
    [
        "Could the new drug cause liver damage in older patients?",
        "Does the new drug cause liver damage in older patients, as the study found?",
        "The study asks: does the new drug cause liver damage in older patients?",
    ],
)
def test_a_question_that_asks_the_claim_keeps_the_doubt(derived: str) -> None:
    assert [f.subtype for f in hedges(SOURCE, derived)] == []


def test_a_question_about_those_the_hedge_governs_keeps_the_doubt() -> None:
    # SheepDog seed 15, politifact_train_304-sensational: the question names them by a pronoun
    source = "The district is open to new nurses, but perhaps we don't want nurses who can't speak the language."
    derived = "The district welcomes new nurses, but should we really hire those who can't speak the language?"
    assert [f.subtype for f in hedges(source, derived)] == []


def test_a_rumour_keeps_the_doubt() -> None:
    # SheepDog seed 16, politifact_train_308-emotionally_triggering
    source = "An inside source said that it appears that the new ward will be run by Margaret Olsen's deputy."
    derived = "The new ward is rumored to be run by Margaret Olsen's deputy, an insider said."
    assert [f.subtype for f in hedges(source, derived)] == []
