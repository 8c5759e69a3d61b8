"""Third review of session 22's allegation and split-vote rules (rev22a2): an accusation kept in other words
("the suit charges", "Police suspect", "who denies") and a "unanimous" that denies the vote or is another
body's ("less-than-unanimous", "did not need unanimous approval", "the appeals court's unanimous ruling") are
no finding; the real changes next to them still are."""

from __future__ import annotations

import pytest

from storytrace.comparison import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
ALLEGED_SMITH = "Prosecutors allege that Smith laundered $2 million through shell companies."
ALLEGED_DRIVER = "Police allege that the driver was speeding when the bus crashed."


def _flags(original: str, suspect: str, kind: str) -> list[str]:
    report = compare(original, suspect, settings=LEXICAL)
    return [f"{f.type}/{f.subtype}/{f.severity}" for f in report.findings if f.type == kind]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (ALLEGED_SMITH, "Smith faces charges of laundering $2 million through shell companies."),
        (ALLEGED_SMITH, "Smith was indicted on charges of laundering $2 million through shell companies."),
        (
            "The lawsuit alleges that Acme misled investors about the safety of its batteries.",
            "Acme misled investors about the safety of its batteries, the suit charges.",
        ),
        (ALLEGED_DRIVER, "Police suspect the driver was speeding when the bus crashed."),
        (
            "The complaint alleges that the landlord ignored repeated warnings about damp in the flats.",
            "The landlord ignored repeated warnings about damp in the flats, the complaint asserts.",
        ),
        (ALLEGED_DRIVER, "In the police's view, the driver was speeding when the bus crashed."),
    ],
)
def test_an_accusation_kept_in_other_words_is_no_finding(original: str, suspect: str) -> None:
    assert not [f for f in _flags(original, suspect, "hedge_changed") if "allegation" in f]


def test_an_accusation_told_as_fact_is_still_found() -> None:
    flags = _flags(ALLEGED_DRIVER, "The driver was speeding when the bus crashed.", "hedge_changed")
    assert "hedge_changed/allegation_as_fact/high" in flags


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The three-judge panel voted 2-1 to uphold the ruling on Friday.",
            "The three-judge panel upheld the ruling on Friday in a less-than-unanimous decision.",
        ),
        (
            "The jury voted 10-2 to convict Smith of murder on Friday.",
            "The jury convicted Smith of murder on Friday in a non-unanimous verdict.",
        ),
        (
            "The Supreme Court voted 6-3 on Friday to overturn the appeals court's ruling, which all three of its "
            "judges had backed.",
            "The Supreme Court on Friday overturned the appeals court's unanimous ruling.",
        ),
        (
            "The council voted 7-2 to approve the plan on Tuesday.",
            "The council approved the plan on Tuesday; it did not need unanimous approval.",
        ),
        (
            "The board voted 5-4 to approve the merger on Monday.",
            "The board approved the merger on Monday in a vote that was anything but unanimous.",
        ),
    ],
)
def test_a_unanimous_that_denies_the_vote_or_is_another_bodys_is_no_finding(original: str, suspect: str) -> None:
    report = compare(original, suspect, settings=LEXICAL)
    assert not [f for f in report.findings if f.type == "number_changed" and "unanimous" in (f.after or "")]


def test_a_split_vote_told_as_unanimous_is_still_found() -> None:
    report = compare(
        "The three-judge panel voted 2-1 to uphold the ruling on Friday.",
        "The three-judge panel unanimously upheld the ruling on Friday.",
        settings=LEXICAL,
    )
    assert [f for f in report.findings if f.type == "number_changed" and f.severity == "high"]
