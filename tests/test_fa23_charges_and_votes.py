"""Two known false alarms of findings on faithful rewrites (helper fa23), each next to the real changes of its
family that must still be found:

- "Three men were charged with fraud" -> "Three men face fraud charges": the charge kept in a noun, no
  allegation stated as fact; an arrest or an accusation told as charges, a bare "face charges", and the deed
  stated beside the charges ("men who defrauded pensioners", "after they stole") still are;
- "The Senate voted 52-48 ..., a month after the House passed its own version" -> "..., a month after the House
  unanimously passed its own version": another chamber's vote, no split vote told as unanimous; the split
  chamber, the bill, a name voted on ("Judge Ortiz was unanimously confirmed") and another split vote told
  as unanimous still are.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _flags(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    """(type, subtype, detail) of every high or medium finding."""
    report = compare(source, derived, settings=LEXICAL)
    return [(f.type, f.subtype, f.detail) for f in report.findings if f.severity in ("high", "medium")]


# --- a charge told as charges faced -------------------------------------------------------------------------

COURT = "Three charged over pension fraud\n\nMANCHESTER, England, May 9 (2024) -\n\n"
COURT_TAIL = (
    " The scheme took in more than 400 pensioners between 2019 and 2022, police said. The men will appear at "
    "Manchester Magistrates' Court on May 23."
)
CHARGED = "Three men were charged with fraud on Tuesday after a two-year investigation, Greater Manchester Police said."
FACE = "Three men face fraud charges after a two-year investigation, Greater Manchester Police said on Tuesday."


def _court(lead: str) -> str:
    return COURT + lead + COURT_TAIL


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (CHARGED, FACE),
        (
            "Three men have been charged with fraud after a two-year investigation, Greater Manchester Police said "
            "on Tuesday.",
            "Three men are facing charges of fraud after a two-year investigation, Greater Manchester Police said "
            "on Tuesday.",
        ),
        (
            "Three men were charged with assault after the match, police said on Tuesday.",
            "Three men face assault charges after the match, police said on Tuesday.",
        ),
        (
            "A 34-year-old man has been charged with murder after a woman was found dead in her home in Salford, "
            "police said.",
            "A 34-year-old man faces a murder charge after a woman was found dead in her home in Salford, police said.",
        ),
        (
            "Three men were charged with two counts of fraud by false representation on Tuesday, police said.",
            "Three men are facing two counts of fraud by false representation, police said on Tuesday.",
        ),
    ],
)
def test_a_charge_told_as_charges_faced_keeps_the_allegation(source: str, derived: str) -> None:
    assert not [f for f in _flags(_court(source), _court(derived)) if f[0] == "hedge_changed"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the deed stated beside the charges, in the offence's own word or in words the original lacks
        (
            CHARGED,
            "Three men who defrauded pensioners face fraud charges after a two-year investigation, Greater "
            "Manchester Police said on Tuesday.",
        ),
        (
            CHARGED,
            "Three men face fraud charges after they stole 2 million pounds from pensioners, Greater Manchester "
            "Police said on Tuesday.",
        ),
        (
            "Three men were charged with assault after the match, police said on Tuesday.",
            "Three men who assaulted a steward after the match face assault charges, police said on Tuesday.",
        ),
        # session 22's review cases: a bare "face charges" beside the deed, and price charges
        (
            "Three men were charged with assaulting a steward after the match, police said on Tuesday.",
            "Three men who assaulted a steward after the match face charges, police said on Tuesday.",
        ),
        (
            "Thames Water was accused of overcharging 200,000 customers, the regulator said on Tuesday.",
            "Thames Water overcharged 200,000 customers, who now face higher charges, the regulator said on Tuesday.",
        ),
        # an accusation is no charge, and a charge is no deed
        (CHARGED.replace("were charged with", "were accused of"), FACE),
        (
            CHARGED,
            "Three men committed fraud, a two-year investigation found, Greater Manchester Police said on Tuesday.",
        ),
    ],
)
def test_an_allegation_told_as_a_deed_beside_charges_is_still_found(source: str, derived: str) -> None:
    assert ("hedge_changed", "allegation_as_fact") in {f[:2] for f in _flags(_court(source), _court(derived))}


# --- another chamber's unanimous vote -----------------------------------------------------------------------

HILL = "Senate passes data privacy bill\n\nWASHINGTON, June 12 (2024) -\n\n"
HILL_TAIL = (
    " The bill now goes to a conference committee. Tech companies have lobbied against several of its provisions."
)


def _hill(lead: str) -> str:
    return HILL + lead + HILL_TAIL


SENATE_SPLIT = (
    "The Senate voted 52-48 on Tuesday to pass the data privacy bill, a month after the House passed its own "
    "version of the measure without opposition."
)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            SENATE_SPLIT,
            "The Senate narrowly passed the data privacy bill on Tuesday, a month after the House unanimously passed "
            "its own version of the bill.",
        ),
        (
            "The Senate voted 52-48 on Tuesday to pass the data privacy bill. The House passed its own version of the "
            "measure by voice vote last month.",
            "The Senate approved the data privacy bill on Tuesday, a month after the House unanimously passed its own "
            "version of the bill.",
        ),
        (
            "The House voted 220-211 on Tuesday to pass the data privacy bill, weeks after the Senate passed its own "
            "version of the measure by voice vote.",
            "The House narrowly passed the data privacy bill on Tuesday, weeks after the Senate had unanimously "
            "passed its own version.",
        ),
    ],
)
def test_another_chambers_unanimous_vote_is_no_split_vote_told_as_unanimous(source: str, derived: str) -> None:
    assert not [f for f in _flags(_hill(source), _hill(derived)) if "split vote" in f[2]]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            SENATE_SPLIT,
            "The Senate unanimously passed the data privacy bill on Tuesday, a month after the House passed its own "
            "version of the bill.",
        ),
        (
            SENATE_SPLIT,
            "The data privacy bill passed unanimously on Tuesday, a month after the House passed its own version.",
        ),
        (
            "The Senate voted 52-48 in March to pass the data privacy bill, and the House passed its own version a "
            "month later.",
            "The Senate in March unanimously passed the data privacy bill, and the House passed its own version a "
            "month later.",
        ),
        # the House's own vote was split too
        (
            "The Senate voted 52-48 on Tuesday to pass the data privacy bill, a month after the House passed its own "
            "version 220-211.",
            "The Senate narrowly passed the data privacy bill on Tuesday, a month after the House unanimously passed "
            "its own version.",
        ),
        # a name is what was voted on, not who voted
        (
            "The Senate voted 52-48 on Tuesday to confirm Judge Maria Ortiz to the appeals court, a month after the "
            "Judiciary Committee backed her.",
            "Judge Maria Ortiz was unanimously confirmed to the appeals court on Tuesday, a month after the Judiciary "
            "Committee backed her.",
        ),
    ],
)
def test_a_split_vote_told_as_unanimous_is_still_found(source: str, derived: str) -> None:
    assert [f for f in _flags(_hill(source), _hill(derived)) if "split vote" in f[2]]
