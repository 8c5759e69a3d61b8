"""Review of the opposite-word check (flip19): a contest told from the other side, and sentences that hold both
words in another form ("after falling", "down 2%" with the verb left out), are no reversal; real ones still are."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
BEFORE = "The council met on Monday to discuss the budget. "
AFTER = " The meeting lasted three hours."


def _flipped(original: str, suspect: str) -> bool:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return any(f.subtype == "negation_flipped" for f in report.findings)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Labour won the seat from the Conservatives on Thursday.",
            "The Conservatives lost the seat to Labour on Thursday.",
        ),
        ("Jones lost the final to Smith on Sunday in Paris.", "Smith won the final against Jones on Sunday in Paris."),
        (
            "The Conservatives lost the seat to Labour on Thursday.",
            "Labour gained the seat from the Conservatives on Thursday.",
        ),
        (
            "Shares rose 1% on Tuesday after falling 2% on Monday.",
            "Shares fell 2% on Monday before rising 1% on Tuesday.",
        ),
        (
            "Police released the man on bail hours after arresting him in Leeds.",
            "Police arrested the man in Leeds, releasing him on bail hours later.",
        ),
        (
            "Sales were up 4% in the north and down 2% in the south.",
            "Sales were down 2% in the south and up 4% in the north.",
        ),
    ],
)
def test_the_same_facts_told_another_way_are_no_reversal(original: str, suspect: str) -> None:
    assert not _flipped(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Labour won the seat on Thursday.", "Labour lost the seat on Thursday."),
        ("Smith beat Jones in the final on Sunday.", "Smith lost to Jones in the final on Sunday."),
        ("Unemployment rose to 5% in March.", "Unemployment fell to 5% in March."),
        ("The driver died at the scene of the crash.", "The driver survived the crash at the scene."),
    ],
)
def test_a_reversal_is_still_reported(original: str, suspect: str) -> None:
    assert _flipped(original, suspect)
