"""A body's acronym after a country's dotted initials ("U.S. EPA officials said", "The U.S. FDA said", "The U.K.
FCA said") is one name (helper fa23): the sentence splitter no longer ends a sentence at "U.S." before it, the
acronym stands for the body the linked original sentence names in full, and a body whose name holds "and" ("The
Food and Drug Administration said") is one speaker. Next to each, the real change of its family is still found.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import article_from_text
from storytrace.settings import Settings
from storytrace.text import analyse

LEXICAL = Settings(use_embeddings=False)


def _sentences(text: str) -> list[str]:
    doc = analyse(article_from_text(text))
    return [doc.sentence_text(s.index) for s in doc.sentences]


def _flags(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    """(type, subtype, detail) of every high or medium finding."""
    report = compare(source, derived, settings=LEXICAL)
    return [(f.type, f.subtype, f.detail) for f in report.findings if f.severity in ("high", "medium")]


# --- the sentence splitter ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency tightened its limit on Wednesday. U.S. EPA officials said the rule would save lives. "
            "Industry groups disagreed.",
            [
                "The agency tightened its limit on Wednesday.",
                "U.S. EPA officials said the rule would save lives.",
                "Industry groups disagreed.",
            ],
        ),
        (
            "Regulators approved the drug on Monday. The U.S. FDA said the approval rested on two trials.",
            ["Regulators approved the drug on Monday.", "The U.S. FDA said the approval rested on two trials."],
        ),
        (
            "Officials at the U.S. CDC said cases rose. A U.S. RC-135 flew over the sea on Tuesday.",
            ["Officials at the U.S. CDC said cases rose.", "A U.S. RC-135 flew over the sea on Tuesday."],
        ),
        (
            "Borrowing fell in January. The U.K. Treasury said the economy was turning a corner.",
            ["Borrowing fell in January.", "The U.K. Treasury said the economy was turning a corner."],
        ),
    ],
)
def test_country_initials_before_an_acronym_end_no_sentence(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The company expanded in the U.S. The company said sales rose.",
            ["The company expanded in the U.S.", "The company said sales rose."],
        ),
        (
            "The firm sold its unit in the U.K. The deal closed on Monday.",
            ["The firm sold its unit in the U.K.", "The deal closed on Monday."],
        ),
        (
            "Talks stalled at the U.N. But the envoy said a deal was close.",
            ["Talks stalled at the U.N.", "But the envoy said a deal was close."],
        ),
    ],
)
def test_a_sentence_ending_in_country_initials_still_ends_before_a_word(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


# --- the pairs ----------------------------------------------------------------------------------------------

EPA = "EPA tightens soot rule\n\nWASHINGTON, Feb 7 (2024) -\n\n"
LEAD = (
    "The Environmental Protection Agency on Wednesday tightened its limit on soot pollution for the first time in "
    "a decade. "
)
TAIL = " Industry groups said the rule would cost jobs."
DRUG = "Drug approved\n\nWASHINGTON, Feb 7 (2024) -\n\nRegulators approved the first drug for the condition on Monday. "
DRUG_TAIL = " The company said it would launch the drug in March."
LENDER = "Lender fined\n\nLONDON, Feb 7 (2024) -\n\nA payday lender was fined 2.1 million pounds on Tuesday. "
LENDER_TAIL = " The lender said it would appeal."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            EPA
            + LEAD
            + "Officials at the U.S. Environmental Protection Agency said the rule would prevent up to 4,500 "
            "premature deaths a year." + TAIL,
            EPA
            + LEAD
            + "U.S. EPA officials said the new rule would prevent as many as 4,500 early deaths a year."
            + TAIL,
        ),
        (
            DRUG + "The Food and Drug Administration said the approval was based on two trials involving 1,200 "
            "patients." + DRUG_TAIL,
            DRUG + "The U.S. FDA said its decision rested on two trials with 1,200 patients." + DRUG_TAIL,
        ),
        (
            DRUG + "The U.S. Food and Drug Administration said the approval was based on two trials involving 1,200 "
            "patients." + DRUG_TAIL,
            DRUG + "The FDA said its decision rested on two trials with 1,200 patients." + DRUG_TAIL,
        ),
        (
            LENDER + "The Financial Conduct Authority said the firm had overcharged 12,000 borrowers." + LENDER_TAIL,
            LENDER + "The U.K. FCA said the firm had overcharged 12,000 borrowers." + LENDER_TAIL,
        ),
    ],
)
def test_a_body_told_by_its_acronym_after_its_country_is_the_same_body(source: str, derived: str) -> None:
    assert _flags(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived", "kind"),
    [
        (
            DRUG + "The Food and Drug Administration said the approval was based on two trials involving 1,200 "
            "patients." + DRUG_TAIL,
            DRUG + "The EPA said its decision rested on two trials with 1,200 patients." + DRUG_TAIL,
            "speaker_changed",
        ),
        (
            DRUG + "The U.S. FDA said the approval was based on two trials involving 1,200 patients." + DRUG_TAIL,
            DRUG
            + "The Environmental Protection Agency said its decision rested on two trials with 1,200 patients."
            + DRUG_TAIL,
            "speaker_changed",
        ),
        (
            LENDER + "The Financial Conduct Authority said the firm had overcharged 12,000 borrowers." + LENDER_TAIL,
            LENDER + "The U.K. PRA said the firm had overcharged 12,000 borrowers." + LENDER_TAIL,
            "speaker_changed",
        ),
        (
            EPA
            + "The Environmental Protection Agency on Wednesday tightened its limit on soot pollution, a week after "
            "the FDA approved a new asthma drug. Officials at the U.S. Food and Drug Administration said the drug "
            "would prevent up to 4,500 hospital stays a year." + TAIL,
            EPA + "The Environmental Protection Agency tightened its soot limit on Wednesday, a week after the FDA "
            "approved a new asthma drug. U.S. EPA officials said the drug would prevent as many as 4,500 hospital "
            "stays a year." + TAIL,
            "recombined",
        ),
    ],
)
def test_another_body_is_still_another_body(source: str, derived: str, kind: str) -> None:
    assert kind in {f[1] for f in _flags(source, derived)}
