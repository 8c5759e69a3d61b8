"""A defendant's stand restated in other words (helper fa24, issue 3 item e, user QA qa23a R5): "His lawyer, Helen
Markham, said her client was innocent and would fight the charges" retold "Helen Markham, his attorney, insisted
he was innocent and vowed to contest the case" had "and vowed to contest the case" as a medium added clause (the
sentence embeddings put it at 0.37 to "would fight the charges"). Quiet now (with the embeddings, compare's
default), when the linked sentence of the original states such a stand too. Still an added clause: a stand
the original does not give ("and vowed to contest the case" after a sentence that only says he was innocent) and
an admission.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

ORIGINAL = (
    "Former mayor Daniel Ferreira was charged with bribery on Wednesday. His lawyer, Helen Markham, said her client "
    "was innocent{} He is due back in court on April 2."
)
SUSPECT = (
    "Former mayor Daniel Ferreira was charged with bribery on Wednesday. Helen Markham, his attorney, insisted he "
    "was innocent {} He is due back in court on April 2."
)


def _added(original_tail: str, suspect_tail: str, settings: Settings) -> list[str]:
    report = compare(ORIGINAL.format(original_tail), SUSPECT.format(suspect_tail), settings=settings)
    return [f.detail for f in report.findings if f.type == "claim_added" and f.severity in ("high", "medium")]


SETTINGS = [Settings(), Settings(use_embeddings=False)]


# (Without embeddings the restated sentence is not linked at all, an added sentence: that aligner's limit.)
@pytest.mark.parametrize("settings", SETTINGS[:1], ids=["embeddings"])
@pytest.mark.parametrize(
    "suspect_tail",
    ["and vowed to contest the case.", "and pledged to challenge the allegations.", "and would dispute every count."],
)
def test_a_stand_against_the_charges_in_other_words_is_no_added_clause(suspect_tail: str, settings: Settings) -> None:
    assert _added(" and would fight the charges.", suspect_tail, settings) == []


@pytest.mark.parametrize("settings", SETTINGS, ids=["embeddings", "lexical"])
@pytest.mark.parametrize(
    ("original_tail", "suspect_tail"),
    [
        (".", "and vowed to contest the case."),
        (" and would fight the charges.", "but admitted taking the cash payments."),
    ],
)
def test_a_stand_the_original_does_not_give_is_still_added(
    original_tail: str, suspect_tail: str, settings: Settings
) -> None:
    assert _added(original_tail, suspect_tail, settings) != []
