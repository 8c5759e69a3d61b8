"""Review rev23f of the fa23 and fixfind23 findings changes (helper fa23, session 23): each real distortion the
changes silenced is found again, each faithful wording they flagged is quiet, and hostile input costs linear
time:

- an accused's denial is read with a bounded pattern, so one 40,000-character word costs no minutes (R4);
- "indicted on charges that he laundered", "faces charges that he laundered", "on money laundering charges"
  keep the accuser's framing (R3), a deed told as fact beside them does not;
- "Two teenagers stabbed a man to death ... and face murder charges" tells the deed (R1);
- "The House of Representatives voted 220-211" -> "The House unanimously passed" is that split vote, and a
  body the original only names ("which now goes to the House") casts no vote of its own (R2);
- a British story's bare "Prime Minister Narendra Modi said" -> "Downing Street said" is another speaker (R5);
- "may reduce the risk of heart disease and stroke" -> "is associated with a reduced risk of heart disease and a
  reduced risk of stroke" keeps the hedge (R6);
- "U.S." + acronym is joined only after the initials' short noun phrase, in linear time (R7, R9);
- "Shares in Orkla also hit a record high" names another subject than the headline's (R8).

The texts are written for these tests."""

from __future__ import annotations

import resource
from collections import Counter

import pytest

from storytrace import compare
from storytrace.facts.cues import _CHARGE_WORD, _charge_names_act, _stem_list
from storytrace.settings import Settings
from storytrace.text import sentence_spans
from test_qafindB22_false_alarms import BIZ, BIZ_HEADLINE, BIZ_REWRITE

LEXICAL = Settings(use_embeddings=False)


def _cpu() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def _found(source: str, derived: str, kind: str) -> list[tuple[str | None, str]]:
    report = compare(source, derived, settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == kind]


def _flagged(source: str, derived: str, kind: str) -> bool:
    return any(sev in ("high", "medium") for _, sev in _found(source, derived, kind))


# --- R4: a long word beside a told allegation ---------------------------------------------------------------

CHARITY = "Charity theft\n\nLEEDS, March 14 (2023) -\n\n"
CHARITY_SRC = (
    CHARITY + "Police allege that the treasurer stole $40,000 from the charity's accounts over two years. "
    "The treasurer will appear in court on Friday."
)


@pytest.mark.parametrize("tail", ["x" * 40_000, "x" * 40_000 + " denies " + "y" * 40_000])
def test_a_long_word_costs_linear_time_and_the_allegation_is_still_found(tail: str) -> None:
    derived = (
        CHARITY + "The treasurer stole $40,000 from the charity's accounts over two years " + tail + ". "
        "The treasurer will appear in court on Friday."
    )
    start = _cpu()
    found = _found(CHARITY_SRC, derived, "hedge_changed")
    # generous for a loaded machine: the quadratic pattern took over 300 s on the first text
    assert _cpu() - start < 30
    assert ("allegation_as_fact", "high") in found


# --- R3: the charge that names the act ----------------------------------------------------------------------

BANKER = "Banker charged\n\nNEW YORK, March 14 (2023) -\n\n"
BANKER_TAIL = " Smith's lawyer did not respond to a request for comment. A hearing is set for April 3."
ALLEGED = "Prosecutors allege that Smith laundered $2 million through shell companies between 2019 and 2021."


def _banker(lead: str) -> str:
    return BANKER + lead + BANKER_TAIL


@pytest.mark.parametrize(
    "derived",
    [
        "Smith was indicted on charges that he laundered $2 million through shell companies between 2019 and 2021.",
        "Smith faces charges that he laundered $2 million through shell companies between 2019 and 2021.",
        "Smith was indicted on money laundering charges over $2 million moved through shell companies between "
        "2019 and 2021.",
    ],
)
def test_a_charge_naming_the_alleged_act_keeps_the_allegation(derived: str) -> None:
    assert not _flagged(_banker(ALLEGED), _banker(derived), "hedge_changed")


@pytest.mark.parametrize(
    "derived",
    [
        "Smith laundered $2 million through shell companies between 2019 and 2021 and faces money laundering charges.",
        "Smith laundered $2 million through shell companies between 2019 and 2021 and now faces charges.",
        "Smith laundered $2 million through shell companies between 2019 and 2021, despite charges that he was "
        "careless.",
    ],
)
def test_the_act_told_as_fact_beside_a_charge_is_still_found(derived: str) -> None:
    assert ("allegation_as_fact", "high") in _found(_banker(ALLEGED), _banker(derived), "hedge_changed")


def test_many_charges_beside_the_act_cost_linear_time() -> None:
    """Each "charges" is read against the rest of the sentence from one count of its words, not by reading the
    sentence again (4,000 of them took 12.6 s so)."""
    derived = "Smith laundered money and faces " + "laundering charges " * 16_000
    act = frozenset({"smith", "launder", "million"})
    start = _cpu()
    counts = Counter(_stem_list(derived))
    named = [_charge_names_act(derived, m, act, counts) for m in _CHARGE_WORD.finditer(derived)]
    assert _cpu() - start < 10
    assert not any(named)  # told as a deed before them: no charge keeps the allegation


# --- R1: a deed told as fact beside the charges faced -------------------------------------------------------

PUB = "Pub stabbing\n\nLEEDS, England, March 14 (2023) -\n\n"
PUB_TAIL = " The two will appear in court on Friday. Police said the investigation was continuing."
MURDER = "Two teenagers were charged with murder on Tuesday after a man was stabbed outside a pub, police said."


def _pub(lead: str) -> str:
    return PUB + lead + PUB_TAIL


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (MURDER, "Two teenagers stabbed a man to death outside a pub and face murder charges, police said."),
        (
            "A 34-year-old man has been charged with murder after his wife was found dead at their home, police said.",
            "A 34-year-old man killed his wife at their home and faces a murder charge, police said.",
        ),
        # every word is the original's: its deed clause made the suspects' act
        (
            "Three men were charged with theft on Tuesday after cash machines were raided in Leeds, police said.",
            "Three men raided cash machines in Leeds and face theft charges, police said.",
        ),
        (
            "Three men were charged with fraud on Tuesday after pensioners lost 2 million pounds, police said.",
            "Three men conned pensioners out of 2 million pounds and now face fraud charges, police said.",
        ),
    ],
)
def test_a_deed_told_beside_the_charges_faced_is_found(source: str, derived: str) -> None:
    assert ("allegation_as_fact", "high") in _found(_pub(source), _pub(derived), "hedge_changed")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (MURDER, "Two teenagers face murder charges after a man was stabbed outside a pub, police said."),
        (MURDER, "Two youths face murder charges after a man was stabbed outside a pub, police said."),
        # words after the charges tell when and why, not the deed
        (
            MURDER,
            "Two teenagers face murder charges following a police inquiry into a stabbing outside a pub, officers "
            "said.",
        ),
        (
            "Two teenagers were arrested and charged with murder on Tuesday after a man was stabbed outside a pub, "
            "police said.",
            "Two teenagers were arrested and face murder charges after a man was stabbed outside a pub, police said.",
        ),
    ],
)
def test_charges_faced_with_the_deed_kept_apart_stay_quiet(source: str, derived: str) -> None:
    assert not _flagged(_pub(source), _pub(derived), "hedge_changed")


# --- R2: the split vote's own body --------------------------------------------------------------------------

HILL = "Congress passes rail bill\n\nWASHINGTON, March 14 (2023) -\n\n"
HILL_TAIL = (
    " The bill now goes to the president, who is expected to sign it. It funds rail safety inspections for five years."
)


def _hill(lead: str) -> str:
    return HILL + lead + HILL_TAIL


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "The House of Representatives voted 220-211 on Tuesday to pass the rail safety bill.",
            "The House unanimously passed the rail safety bill on Tuesday.",
        ),
        (
            "The Senate Commerce Committee voted 14-12 on Tuesday to advance the rail safety bill.",
            "A Senate panel unanimously advanced the rail safety bill on Tuesday.",
        ),
        (
            "The Senate voted 52-48 on Tuesday to pass the rail safety bill, which now goes to the House.",
            "The House unanimously passed the rail safety bill on Tuesday, which now goes to the Senate.",
        ),
    ],
)
def test_a_split_vote_told_as_unanimous_is_found(source: str, derived: str) -> None:
    assert ("changed", "high") in _found(_hill(source), _hill(derived), "number_changed")


def test_another_chambers_own_vote_stays_quiet() -> None:
    source = (
        "The Senate voted 52-48 on Tuesday to pass the rail safety bill, a month after the House passed its own "
        "version."
    )
    derived = source.replace("the House passed", "the House unanimously passed")
    assert not _flagged(_hill(source), _hill(derived), "number_changed")


# --- R5: another country's leader given a bare title --------------------------------------------------------

TRADE = "UK and India near trade deal\n\nLONDON, March 14 (2023) -\n\n"
TRADE_TAIL = " Talks will resume next week in New Delhi, British officials said."
WHISKY = (
    "{} said on Tuesday that a trade deal with India would cut tariffs on Scotch whisky. Britain exports 1 billion "
    "pounds of whisky a year, and the UK hopes to sign the deal by the end of the year."
)
IRISH = (
    "Northern Ireland deal\n\nLONDON, March 14 (2023) -\n\n{} said on Tuesday that the Northern Ireland deal would "
    "protect the peace. Britain and the EU agreed the deal last month, and British officials said the UK would "
    "publish it on Friday. Grain prices fell 3% after the announcement, traders said."
)


@pytest.mark.parametrize(
    ("story", "speaker"),
    [
        (TRADE + WHISKY + TRADE_TAIL, "Prime Minister Narendra Modi"),
        (IRISH, "Prime Minister Leo Varadkar"),
    ],
)
def test_a_foreign_leader_with_a_bare_title_told_as_downing_street_is_high(story: str, speaker: str) -> None:
    found = _found(story.format(speaker), story.format("Downing Street"), "attribution_changed")
    assert ("speaker_changed", "high") in found


def test_the_home_holder_told_apart_from_a_foreign_one_is_low() -> None:
    story = TRADE + "India's Prime Minister Narendra Modi met business leaders. " + WHISKY + TRADE_TAIL
    found = _found(story.format("Prime Minister Rishi Sunak"), story.format("Downing Street"), "attribution_changed")
    assert found == [("speaker_changed", "low")]


# --- R6: an association with several noun phrases -----------------------------------------------------------

COFFEE = "Coffee study\n\nLONDON, March 14 (2023) -\n\n"
COFFEE_TAIL = " The study followed 20,000 adults for ten years. The researchers said more work was needed."


def _coffee(lead: str) -> str:
    return COFFEE + lead + COFFEE_TAIL


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Drinking coffee may reduce the risk of heart disease and stroke, a study found.",
            "Drinking coffee is associated with a reduced risk of heart disease and a reduced risk of stroke, a study "
            "found.",
        ),
        (
            "Drinking coffee may lower blood pressure and cholesterol, a study found.",
            "Drinking coffee is associated with lower blood pressure and lower cholesterol, a study found.",
        ),
    ],
)
def test_an_association_with_several_noun_phrases_keeps_the_may(source: str, derived: str) -> None:
    assert not _flagged(_coffee(source), _coffee(derived), "hedge_changed")


def test_the_hedged_verb_stated_beside_an_association_is_found() -> None:
    source = _coffee("Drinking coffee may lower blood pressure, a study found.")
    derived = _coffee(
        "Drinking coffee is associated with better heart health and lowers blood pressure, a study found."
    )
    assert ("certainty_increased", "medium") in _found(source, derived, "hedge_changed")


# --- R7, R9: country initials before an acronym -------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Boeing will close two plants in the U.S. NASA said it would review the contract.",
            ["Boeing will close two plants in the U.S.", "NASA said it would review the contract."],
        ),
        ("U.S. EPA officials said the rule would save lives.", ["U.S. EPA officials said the rule would save lives."]),
        ("Officials at the U.S. CDC said cases rose.", ["Officials at the U.S. CDC said cases rose."]),
    ],
)
def test_initials_join_an_acronym_only_after_their_own_noun_phrase(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_many_initials_before_acronyms_cost_linear_time() -> None:
    text = "U.S. EPA " * 8000
    start = _cpu()
    sentence_spans(text, 0, len(text))
    assert _cpu() - start < 5  # was 2.2 s for half this text, quadratic


def test_a_speaker_swapped_after_a_sentence_ending_in_the_us_is_found() -> None:
    head = "Contractor cuts\n\nHOUSTON, March 14 (2023) -\n\n"
    tail = " The contract is worth $2 billion over five years. Shares of the company fell 4% on Tuesday."
    source = head + "Boeing will close two plants in the U.S. NASA said it would review the contract." + tail
    derived = (
        head + "Boeing will close two plants in the United States. Boeing said it would review the contract." + tail
    )
    assert ("speaker_changed", "high") in _found(source, derived, "attribution_changed")


# --- R8: a rival's shares after "in" ------------------------------------------------------------------------


SHARES = "The shares jumped 9.1% to a record 214 crowns."


def _headline_omitted(sentence: str) -> list[str]:
    derived = BIZ_REWRITE.replace(SHARES, sentence)
    report = compare(BIZ_HEADLINE + "\n\n" + BIZ, derived, settings=LEXICAL)
    return [
        f.severity
        for f in report.findings
        if f.type == "fact_omitted" and f.before and f.before.startswith("Norvik Foods profit")
    ]


@pytest.mark.parametrize("sentence", ["Shares in Orkla also hit a record high.", "Shares at Orkla hit a record high."])
def test_a_rivals_shares_after_a_preposition_leave_the_headline_clause_untold(sentence: str) -> None:
    assert _headline_omitted(sentence) == ["high"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In Oslo, the shares jumped 9.1% to a record 214 crowns.",
        # the source's dateline place
        "The shares in Oslo jumped 9.1% to a record 214 crowns.",
    ],
)
def test_the_place_after_a_preposition_is_still_a_setting(sentence: str) -> None:
    assert _headline_omitted(sentence) == []
