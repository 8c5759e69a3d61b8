"""Real changes the find17 exemptions in facts/cues.py silenced, false alarms its held-back flip raised, and
the faithful rewordings those exemptions were made for (which must stay quiet).

Each case is a short article whose middle sentence is rewritten; the padding keeps the texts aligned."""

from __future__ import annotations

import dataclasses

import pytest

from storytrace import compare
from storytrace.facts.cues import _NEGATION, _clause_in
from storytrace.settings import Settings

SETTINGS = dataclasses.replace(Settings(), use_embeddings=False)
HEAD = "The council met on Tuesday evening at city hall. "
TAIL = " Residents packed the chamber. The vote is expected next month."


def _found(original: str, rewrite: str) -> set[tuple[str, str]]:
    report = compare(HEAD + original + TAIL, HEAD + rewrite + TAIL, settings=SETTINGS)
    return {(f.type, f.subtype or "") for f in report.findings if f.severity in ("high", "medium")}


FLIP = ("hedge_changed", "negation_flipped")
ALLEGATION = ("hedge_changed", "allegation_as_fact")
CONFIRMATION = ("hedge_changed", "confirmation_weakened")
CERTAINTY = ("hedge_changed", "certainty_increased")

REPORTED = [
    # 1. the clause's un-negated twin in the other text is not "the negation next door"
    (
        "Opponents insist the levy does not apply to small firms. The treasurer said the levy does apply to small "
        "firms.",
        "According to the treasurer, the levy does not apply to small firms.",
        FLIP,
    ),
    (
        "According to the treasurer, the levy does not apply to small firms.",
        "According to the treasurer, the levy does apply to small firms. Opponents had argued the levy does not "
        "apply to small firms.",
        FLIP,
    ),
    (
        "Critics said the plan will not proceed. But according to Mayor Smith, the plan will proceed.",
        "Critics said the plan will not proceed. But according to Mayor Smith, the plan will not proceed.",
        FLIP,
    ),
    # 2. a softened "not only/just/merely" without "but rather" affirms the word it softens
    (
        "Researchers said the drug is not effective against the new strain.",
        "Researchers said the drug is not only effective against the new strain, but cheap.",
        FLIP,
    ),
    (
        "The senator is not a member of the finance committee.",
        "The senator is not just a member of the finance committee, but its chair.",
        FLIP,
    ),
    (
        "Engineers said the bridge is not safe for heavy trucks.",
        "Engineers said the bridge is not merely safe for heavy trucks, it is built for them.",
        FLIP,
    ),
    # 3. "charged with" a feeling word that names a deed is a charge
    (
        "The landlord was charged with electricity theft last year.",
        "The landlord committed electricity theft last year.",
        ALLEGATION,
    ),
    (
        "The trader was charged with energy market manipulation in March.",
        "The trader committed energy market manipulation in March.",
        ALLEGATION,
    ),
    # 4. doubt about something else does not keep the allegation one
    (
        "The treasurer was charged with fraud last year.",
        "The treasurer committed fraud last year, though how much was taken is unknown.",
        ALLEGATION,
    ),
    (
        "The treasurer was charged with fraud last year.",
        "The treasurer committed fraud last year; a trial date is not yet known.",
        ALLEGATION,
    ),
    # 5. a quoted "confirmed" that someone says is no scare quote
    (
        "\u201cConfirmed,\u201d the spokesman said of the merger with Acme.",
        "The merger with Acme is rumoured, the spokesman said.",
        CONFIRMATION,
    ),
    (
        "\u201cCertainly the plant will close by June,\u201d the chief executive said.",
        "The plant will close by June, according to speculation, the chief executive said.",
        CONFIRMATION,
    ),
    (
        "The spokesman said \u201cconfirmed\u201d when asked about the merger with Acme.",
        "The spokesman said the merger with Acme was rumoured.",
        CONFIRMATION,
    ),
    # 6. a question after the statement asks about something else: the statement lost the "may"
    (
        "The drug may cause serious liver damage in older patients who take it daily.",
        "The drug causes serious liver damage. Should older patients who take it daily worry?",
        CERTAINTY,
    ),
    (
        "The drug may cause serious liver damage in older patients who take it daily.",
        "The drug causes serious liver damage, so should older patients who take it daily worry?",
        CERTAINTY,
    ),
    # find17's held-back flips stay reported
    ("The minister stopped short of calling it a scandal.", "The minister called it a scandal.", FLIP),
    ("The governor refrained from criticizing the judge.", "The governor criticized the judge.", FLIP),
    ("Police declined to name the suspect.", "Police named the suspect.", FLIP),
]


@pytest.mark.parametrize(("original", "rewrite", "finding"), REPORTED)
def test_a_real_change_is_reported(original: str, rewrite: str, finding: tuple[str, str]) -> None:
    assert finding in _found(original, rewrite)


QUIET = [
    # 7. held back again, a noun, or done to nothing: no flip
    ("The governor refrained from criticizing the judge.", "The governor avoided criticizing the judge."),
    ("The governor refrained from criticizing the judge.", "The governor resisted criticizing the judge."),
    (
        "The minister refused to answer questions about the contract.",
        "The minister answered no questions about the contract.",
    ),
    ("Police declined to name the suspect.", "The name of the suspect was not released by police."),
    # what find17 made quiet stays quiet
    (
        "The senator said he would not invoke his right to remain silent.",
        "The senator said he would testify without invoking his right to remain silent.",
    ),
    (
        "The mayor said the dispute isn't about money.",
        "The mayor said the dispute is not just about money, but rather about safety.",
    ),
    ("The portraits are charged with desire and longing.", "The portraits are full of desire and longing."),
    ("The minister stopped short of calling it a scandal.", "The minister did not call it a scandal."),
    (
        "\u201cI don't know what to say. He was my friend. We will miss him,\u201d she said.",
        "\u201cI don't know what to say, he was my friend and we will miss him,\u201d she said.",
    ),
    (
        "The drug may cause serious liver damage in older patients who take it daily.",
        "Could the drug cause serious liver damage in older patients who take it daily?",
    ),
    (
        "The officers could be accused of negligence.",
        "The potential for charges of negligence against the officers is being considered.",
    ),
]


@pytest.mark.parametrize(("original", "rewrite"), QUIET)
def test_a_faithful_rewording_raises_no_flip_or_hedge(original: str, rewrite: str) -> None:
    found = _found(original, rewrite)
    assert not {f for f in found if f[0] == "hedge_changed"}, found


def test_scare_quotes_around_confirmed_stay_an_exemption() -> None:
    original = "The statement \u201cconfirmed\u201d the merger with Acme would go ahead."
    rewrite = "The statement said the merger with Acme was rumoured to go ahead."
    assert CONFIRMATION not in _found(original, rewrite)


@pytest.mark.parametrize(
    ("said", "affirmed"),
    [
        ("the plan can't proceed", "the plan can proceed"),
        ("the plan won't proceed", "the plan will proceed"),
        ("the plan cannot proceed", "the plan can proceed"),
        ("the levy doesn't apply here", "the levy does apply here"),
    ],
)
def test_a_clause_is_found_without_its_negation(said: str, affirmed: str) -> None:
    text = f"Critics said, {said}."
    neg = _NEGATION.search(text)
    assert neg is not None
    assert _clause_in(text, neg, f"The mayor said {affirmed}.", drop_neg=True)
    assert not _clause_in(text, neg, f"The mayor said {said}.", drop_neg=True)
