"""Review of session 22's findings fixes (rev23old): the allegation kept only by the accuser's framing itself,
not by "suspect", "charges", "view", "denied" anywhere; a several-clause headline told by a sentence that adds
where and when; a possessive "unanimous" of the very body whose split vote the original tells; an association
whose object has the hedged verb's word as an adjective. Each distortion fires, each faithful form stays quiet."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.comparison import compare as compare_lexical
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
ALLEGED_SMITH = "Prosecutors allege that Smith laundered $2 million through shell companies."
ALLEGED_DRIVER = "Police allege that the driver was speeding when the bus crashed."
ALLEGED_THEFT = "Police allege that the suspect stole $40,000 from the charity's accounts over two years."


def _allegation(original: str, suspect: str) -> list[str]:
    report = compare_lexical(original, suspect, settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "hedge_changed" and f.subtype == "allegation_as_fact"]


# --- 1. an allegation told as fact next to a framing word that frames nothing -----------------------------------


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (ALLEGED_THEFT, "The suspect stole $40,000 from the charity's accounts over two years."),
        (ALLEGED_SMITH, "Smith, who is in custody on fraud charges, laundered $2 million through shell companies."),
        (ALLEGED_SMITH, "Smith laundered $2 million through shell companies and was denied bail on Tuesday."),
        (ALLEGED_DRIVER, "The driver was speeding when the bus crashed in full view of the crowd."),
        (ALLEGED_DRIVER, "The driver, who faces charges, was speeding when the bus crashed."),
        # the accused denies something, not the act: the act is still stated
        (ALLEGED_SMITH, "Smith, who denies wrongdoing, laundered $2 million through shell companies."),
    ],
)
def test_an_allegation_told_as_fact_beside_a_framing_word_is_found(original: str, suspect: str) -> None:
    assert _allegation(original, suspect) == ["high"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (ALLEGED_DRIVER, "Investigators suspect that the driver was speeding when the bus crashed."),
        (ALLEGED_DRIVER, "In their view, the driver was speeding when the bus crashed."),
        (ALLEGED_DRIVER, "The driver, in prosecutors' view, was speeding when the bus crashed."),
        (ALLEGED_DRIVER, "The driver, who denies speeding, was at the wheel when the bus crashed."),
        (ALLEGED_SMITH, "Smith denies that he laundered $2 million through shell companies."),
        (ALLEGED_SMITH, "Smith was indicted for laundering $2 million through shell companies."),
    ],
)
def test_the_accusers_framing_in_other_words_is_no_finding(original: str, suspect: str) -> None:
    assert _allegation(original, suspect) == []


# --- 2. a several-clause headline told by a sentence that adds where and when ----------------------------------

NORVIK_HEADLINE = "Norvik Foods profit jumps 34% as snack sales surge, shares hit record"
NORVIK = (
    "OSLO, July 22 (Wire) - Norvik Foods reported on Tuesday a 34% rise in second-quarter operating profit to 1.86 "
    "billion crowns, beating analysts' forecasts, as demand for its crispbread and snack bars grew strongly in "
    "Germany and Poland.\n\n"
    "Revenue rose 12% to 9.4 billion crowns. Analysts polled by the company had expected operating profit of 1.62 "
    "billion crowns.\n\n"
    "Norvik raised its full-year revenue growth target to between 8% and 10%, from 6% to 8% previously. Its shares "
    "rose 9.1% to a record high of 214 crowns by 1100 GMT."
)
NORVIK_REWRITE = (
    "Norvik Foods beats forecasts as quarterly profit climbs 34%\n\n"
    "Norvik Foods said on Tuesday its operating profit for the second quarter rose 34% to 1.86 billion crowns, "
    "ahead of analysts' expectations, helped by strong demand for its crispbread and snack bars in Germany and "
    "Poland.\n\n"
    "Analysts had on average expected 1.62 billion crowns, according to a company poll. Revenue grew by 12% to 9.4 "
    "billion crowns.\n\n"
    "The Norwegian company now expects full-year revenue growth of 8% to 10%, up from its earlier target of 6% to "
    "8%.\n\n"
    "{shares}"
)


def _headline_omitted(shares: str) -> list[str]:
    report = compare(NORVIK_HEADLINE + "\n\n" + NORVIK, NORVIK_REWRITE.format(shares=shares))
    return [
        f.severity
        for f in report.findings
        if f.type == "fact_omitted" and (f.before or "").startswith("Norvik Foods profit")
    ]


@pytest.mark.parametrize(
    "shares",
    [
        "The shares jumped 9.1% to a record 214 crowns in Oslo.",
        "The shares jumped 9.1% to a record 214 crowns on Tuesday.",
        "The shares jumped 9.1% to a record 214 crowns by 1100 GMT.",
        "In Oslo, the shares jumped 9.1% to a record 214 crowns.",
        "By 1100 GMT the shares had jumped 9.1% to a record 214 crowns.",
    ],
)
def test_a_headline_clause_told_with_where_and_when_is_restated(shares: str) -> None:
    assert _headline_omitted(shares) == []


def test_a_headline_clause_told_only_of_a_rival_is_still_omitted() -> None:
    assert _headline_omitted("Shares of rival Orkla jumped 9.1% to a record 214 crowns.") == ["high"]


# --- 3. the same body's vote in the possessive -----------------------------------------------------------------


def _unanimous(original: str, suspect: str) -> list[str]:
    report = compare_lexical(original, suspect, settings=LEXICAL)
    return [
        f.severity for f in report.findings if f.type == "number_changed" and "unanimous" in (f.after or "").lower()
    ]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The council voted 7-2 on Tuesday to approve the plan for a new library.",
            "The council's unanimous vote on Tuesday approved the plan for a new library.",
        ),
        (
            "The jury voted 10-2 to convict Smith of murder on Friday.",
            "The jury's unanimous verdict convicted Smith of murder on Friday.",
        ),
        (
            "The U.S. Senate voted 52-48 to confirm the nominee on Thursday.",
            "The U.S. Senate's unanimous vote confirmed the nominee on Thursday.",
        ),
    ],
)
def test_the_voting_bodys_own_unanimous_vote_is_found(original: str, suspect: str) -> None:
    assert _unanimous(original, suspect) == ["high"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The Supreme Court voted 6-3 on Friday to overturn the appeals court's ruling, which all three of its "
            "judges had backed.",
            "The Supreme Court on Friday overturned the appeals court's unanimous ruling.",
        ),
        # another body of the same sentence backed it: the tally is the council's, the unanimous backing is not
        (
            "The city council voted 7-2 on Tuesday to approve the plan, which the planning board had backed.",
            "The city council approved the plan on Tuesday, after the planning board's unanimous backing.",
        ),
    ],
)
def test_another_bodys_unanimous_vote_is_no_finding(original: str, suspect: str) -> None:
    assert _unanimous(original, suspect) == []


# --- 4. the hedged verb's word inside what an association links to ---------------------------------------------

COFFEE = "Drinking coffee may lower blood pressure in middle-aged men, researchers said on Monday."


def _certainty(original: str, suspect: str) -> list[str]:
    return [f.subtype for f in compare(original, suspect).findings if f.type == "hedge_changed"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            COFFEE,
            "Drinking coffee is associated with lower blood pressure in middle-aged men, researchers said on Monday.",
        ),
        (COFFEE, "Drinking coffee is linked to lower blood pressure in middle-aged men, researchers said on Monday."),
        (
            "Heavy social media use may increase anxiety among teenagers, the report said.",
            "Heavy social media use is tied to increased anxiety among teenagers, the report said.",
        ),
    ],
)
def test_an_association_whose_object_has_the_hedged_verbs_word_is_no_finding(original: str, suspect: str) -> None:
    assert _certainty(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (COFFEE, "Drinking coffee lowers blood pressure in middle-aged men, researchers said on Monday."),
        # the verb stated, and an association about something else
        (
            COFFEE,
            "Drinking coffee lowers blood pressure in middle-aged men and is associated with lower cholesterol, "
            "researchers said on Monday.",
        ),
        (
            "Heavy social media use may increase anxiety among teenagers, the report said.",
            "Heavy social media use increases anxiety among teenagers and is tied to increased loneliness, the report "
            "said.",
        ),
    ],
)
def test_the_hedged_verb_stated_beside_an_association_is_found(original: str, suspect: str) -> None:
    assert "certainty_increased" in _certainty(original, suspect)
