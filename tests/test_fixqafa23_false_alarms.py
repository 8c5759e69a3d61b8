"""False alarms user QA found in session 23 (qa23a, qa23b) on faithful rewrites, each with the distorted
counterpart that must still fire: a speaker after "said" named with an organisation before the job ("said
Northline chief executive Sandra Obuya"); "not yet known" retold "remained unclear"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storytrace.audit import _lists
from storytrace.comparison import compare as compare_lexical
from storytrace.facts.quotes import extract_quotes
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _found(original: str, suspect: str, kind: str, subtype: str | None = None) -> list[str]:
    report = compare_lexical(original, suspect, settings=LEXICAL)
    return [
        f.severity
        for f in report.findings
        if f.type == kind and (subtype is None or f.subtype == subtype) and f.severity in ("high", "medium")
    ]


# --- R1: "said <organisation> <job> <name>" names the person, not the organisation ---------------------------

QUOTE = "\u201cWe know this is a real disruption for commuters, and we did not take the decision lightly,\u201d"
RAIL_O = (
    "Northline Rail will close the Kessler Bridge for 11 weeks from May 5. "
    + QUOTE
    + " said Northline chief executive Sandra Obuya. Freight trains will be diverted through Ashby Junction."
)
RAIL_S = (
    "Northline Rail will shut the Kessler Bridge for 11 weeks starting May 5. "
    + QUOTE
    + " Northline chief executive Sandra Obuya said. Freight services will be rerouted via Ashby Junction."
)


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        ("said Northline chief executive Sandra Obuya.", "Sandra Obuya"),
        ("said Northline Rail chief executive Sandra Obuya on Tuesday.", "Sandra Obuya"),
        ("said Northline spokesman Tom Hay, who joined in May.", "Tom Hay"),
        ("said UN humanitarian chief Martin Griffiths.", "Martin Griffiths"),
        # no job and name after the capitalised words: the speaker is still the first name
        ("said Obuya last Tuesday.", "Obuya"),
        ("said Obuya sternly.", "Obuya"),
        ("said Smith about Parliament.", "Smith"),
        ("said Obuya to reporters in Halden.", "Obuya"),
        ("said Smith of Northline Rail.", "Smith of Northline Rail"),
        # rev23q: a comparison names someone else
        ("said Hale unlike police chief Ann Lee.", "Hale"),
        ("said Hale like police chief Ann Lee.", "Hale"),
    ],
)
def test_the_speaker_after_said_is_the_person_named_after_the_job(after: str, speaker: str) -> None:
    quotes = extract_quotes("\u201cWe know,\u201d " + after)
    assert [q.speaker for q in quotes] == [speaker]


def test_said_x_turned_x_said_is_the_same_speaker() -> None:
    assert _found(RAIL_O, RAIL_S, "quote_fabricated") == []


@pytest.mark.parametrize("moved", ["Northline union leader Mark Tembo said", "said Northline union leader Mark Tembo"])
def test_the_quote_given_to_another_person_of_the_organisation_is_found(moved: str) -> None:
    suspect = RAIL_S.replace("Northline chief executive Sandra Obuya said", moved)
    assert _found(RAIL_O, suspect, "quote_fabricated", "speaker_changed") == ["high"]


# --- P4: "not yet known" and "unclear" are one claim --------------------------------------------------------

FIRE = (
    "Nine firefighters were injured in a warehouse blaze on Sunday. Police said the cause of the fire was not yet "
    "known and an investigation had begun. The owner said it was cooperating."
)


@pytest.mark.parametrize("told", ["remained unclear", "was still unknown", "had not been confirmed", "was unconfirmed"])
def test_not_yet_known_told_with_an_un_word_is_no_flip(told: str) -> None:
    assert _found(FIRE, FIRE.replace("was not yet known", told), "hedge_changed", "negation_flipped") == []


def test_unclear_told_not_yet_known_is_no_flip() -> None:
    original = FIRE.replace("was not yet known", "remained unclear")
    assert _found(original, FIRE, "hedge_changed", "negation_flipped") == []


@pytest.mark.parametrize("told", ["was known", "was clear", "was now known"])
def test_not_yet_known_told_as_known_is_a_flip(told: str) -> None:
    assert _found(FIRE, FIRE.replace("was not yet known", told), "hedge_changed", "negation_flipped") == ["high"]


def test_an_un_word_the_original_has_elsewhere_does_not_carry_the_dropped_negation() -> None:
    original = FIRE.replace("was not yet known and", "was not yet known, the toll was unclear and")
    suspect = original.replace("was not yet known", "was known")
    assert _found(original, suspect, "hedge_changed", "negation_flipped") == ["high"]


# rev23q: an un- word about something else, or beside the word stated plainly, carries no denial
@pytest.mark.parametrize(
    "told",
    [
        "was known, though the number of victims was unclear, and",
        "was known and an investigation had begun into unconfirmed reports of arson, and",
        "was determined, though the number of victims remained unclear, and",
        "was found, though the number of victims was still unknown, and",
    ],
)
def test_not_yet_known_told_as_known_beside_another_un_word_is_a_flip(told: str) -> None:
    suspect = FIRE.replace("was not yet known and", told)
    assert _found(FIRE, suspect, "hedge_changed", "negation_flipped") == ["high"]


def test_not_yet_clear_where_the_original_says_clear_and_something_else_unknown_is_a_flip() -> None:
    original = (
        "Nine firefighters were injured in a warehouse blaze on Sunday. Fire chief Ana Ruiz said the cause of the "
        "fire was clear, though the extent of the damage was still unknown. The owner said it was cooperating."
    )
    suspect = (
        "Nine firefighters were injured in a warehouse blaze on Sunday. Fire chief Ana Ruiz said the cause of the "
        "fire was not yet clear. The owner said it was cooperating."
    )
    assert _found(original, suspect, "hedge_changed", "negation_flipped") == ["high"]


# --- R10: "stay out of" and "nobody must enter" are one warning -------------------------------------------

WARNING = (
    "A magnitude 5.8 earthquake struck central Italy on Tuesday. \u201cThe next 48 hours are critical, and people "
    "should stay out of damaged buildings,\u201d civil protection chief Ilaria Monti told state television. "
    "Schools in the region will stay closed until Friday."
)


def test_stay_out_told_as_nobody_must_enter_is_no_flip() -> None:
    suspect = WARNING.replace(
        "people should stay out of damaged buildings", "nobody must enter the damaged buildings for any reason"
    )
    assert _found(WARNING, suspect, "hedge_changed", "negation_flipped") == []
    assert _found(WARNING, suspect, "quote_altered") == ["high"]  # the quote's words still changed


@pytest.mark.parametrize(
    "told", ["people should not stay out of damaged buildings", "nobody must stay away from damaged buildings"]
)
def test_stay_out_denied_is_a_flip(told: str) -> None:
    suspect = WARNING.replace("people should stay out of damaged buildings", told)
    assert _found(WARNING, suspect, "hedge_changed", "negation_flipped") == ["high"]


def test_nobody_must_enter_where_the_original_lets_people_in_is_a_flip() -> None:
    original = WARNING.replace("people should stay out of damaged buildings", "people can enter damaged buildings")
    suspect = WARNING.replace("people should stay out of damaged buildings", "nobody can enter damaged buildings")
    assert _found(original, suspect, "hedge_changed", "negation_flipped") == ["high"]


def test_could_not_enter_told_could_enter_but_avoid_something_else_is_a_flip() -> None:
    # rev23q: the "avoid" is about another place; the suspect lets people in
    original = (
        "Flood waters receded in Norcross on Wednesday. Police said residents could not yet enter the evacuated "
        "zone. Engineers were inspecting the dam."
    )
    suspect = original.replace(
        "could not yet enter the evacuated zone", "could now enter the evacuated zone but should avoid the riverbank"
    )
    assert _found(original, suspect, "hedge_changed", "negation_flipped") == ["high"]


# --- R3: a plain-text original's headline line, told by the suspect's lead ----------------------------------

BRIDGE_O = """Kessler Bridge to close for 11 weeks as rail operator begins $48 million repair
By Tomas Reyna, Meridian Press

The Kessler Bridge, which carries the main rail line between Halden and Norcross, will close to trains for 11 \
weeks from May 5 while engineers replace corroded steel beams, the operator Northline Rail said on Tuesday.

The $48 million repair is the largest on the 1890s bridge since it was rebuilt after a flood in 1957.

About 22,000 passengers cross the bridge on a typical weekday, according to Northline figures.

Freight trains will be diverted through Ashby Junction, a detour of about 40 miles.
"""
BRIDGE_S = """Halden-Norcross rail bridge shutting for 11 weeks from May 5
By Staff Writer, CityCommute Daily

Trains will stop running over the Kessler Bridge for 11 weeks starting May 5, Northline Rail announced Tuesday, \
as crews move in to swap out rusting steel beams on the line linking Halden and Norcross.

The work will cost $48 million, making it the biggest repair job on the 1890s structure since its reconstruction \
following a 1957 flood.

Northline says around 22,000 people use the crossing on an average weekday.

Freight services will be rerouted via Ashby Junction, roughly a 40-mile detour.
"""
LEAD = "Trains will stop running over the Kessler Bridge for 11 weeks starting May 5"


def _headline_dropped(suspect: str) -> list[str]:
    report = compare_lexical(BRIDGE_O, suspect, settings=LEXICAL)
    return [
        f.severity
        for f in report.findings
        if f.type == "fact_omitted" and f.source is not None and f.source[0] == 0 and f.severity == "high"
    ]


def test_a_headline_line_told_by_the_lead_in_other_words_is_not_omitted() -> None:
    # "starting May 5" is the month, no "may" that leaves the story open; "stop running over the bridge" is
    # the headline's "close" in other words
    assert _headline_dropped(BRIDGE_S) == []


@pytest.mark.parametrize(
    "lead",
    [
        "Trains may stop running over the Kessler Bridge for 11 weeks starting May 5",
        "Northline Rail cancelled the planned closure of the Kessler Bridge for 11 weeks starting May 5",
    ],
)
def test_a_headline_line_whose_story_the_suspect_leaves_open_or_turns_is_omitted(lead: str) -> None:
    assert _headline_dropped(BRIDGE_S.replace(LEAD, lead)) == ["high"]


@pytest.mark.parametrize(
    "headline",
    [
        "Kessler Bridge may close for 11 weeks as rail operator begins $48 million repair",
        "Kessler Bridge May Close for 11 Weeks as Rail Operator Begins $48 Million Repair",
    ],
)
def test_a_hedged_headline_told_by_a_hedged_lead_is_not_omitted(headline: str) -> None:
    # rev23q: in a Title-Case headline "May Close" is the hedge, not the month
    original = BRIDGE_O.replace(
        "Kessler Bridge to close for 11 weeks as rail operator begins $48 million repair", headline
    ).replace("will close to trains", "may close to trains")
    suspect = BRIDGE_S.replace(LEAD, "Trains may stop running over the Kessler Bridge for 11 weeks starting May 5")
    report = compare_lexical(original, suspect, settings=LEXICAL)
    assert [f for f in report.findings if f.type == "fact_omitted" and f.source and f.source[0] == 0] == []


def test_a_headline_line_the_suspect_contradicts_is_omitted() -> None:
    suspect = BRIDGE_S.replace("stop running over", "keep running over").replace(
        "Halden-Norcross rail bridge shutting for 11 weeks from May 5",
        "Halden-Norcross rail bridge to stay open during 11 weeks of repairs",
    )
    assert _headline_dropped(suspect) == ["high"]


# --- R5: clauses joined by commas are no list ---------------------------------------------------------------


def _list_items(original: str, suspect: str) -> list[str]:
    report = compare_lexical(original, suspect, settings=LEXICAL)
    return [f.before or "" for f in report.findings if f.subtype == "list_item"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The Kessler Bridge will close for 11 weeks from May 5. During the closure, replacement buses will run "
            "every 10 minutes between Halden and Norcross stations, adding roughly 35 minutes to the journey. "
            "Freight trains will be diverted through Ashby Junction.",
            "The Kessler Bridge will shut for 11 weeks starting May 5. While the bridge is shut, buses will replace "
            "trains between the Halden and Norcross stations, leaving every 10 minutes, and the trip will take "
            "about 35 minutes longer. Freight trains will be diverted through Ashby Junction.",
        ),
        (
            "Former mayor Daniel Ferreira was charged with bribery on Wednesday. His lawyer, Helen Markham, said "
            "her client was innocent and would fight the charges. He is due back in court on April 2.",
            "Former mayor Daniel Ferreira was charged with bribery on Wednesday. Helen Markham, his attorney, "
            "insisted he was innocent and vowed to contest the case. He is due back in court on April 2.",
        ),
        (
            "Ferreira was charged on Wednesday. Castell Marine's owner, Victor Castell, was charged in the same "
            "indictment with bribery and fraud. Castell's lawyer declined to comment.",
            "Ferreira was charged on Wednesday. Victor Castell, who owns Castell Marine, was also charged with "
            "bribery. Castell's lawyer declined to comment.",
        ),
    ],
)
def test_a_clause_set_off_by_commas_is_no_listed_item(original: str, suspect: str) -> None:
    assert _list_items(original, suspect) == []


CHARGES = (
    "Former mayor Daniel Ferreira appeared in court on Wednesday. He was charged with bribery, money laundering "
    "and fraud. He is due back in court on April 2."
)


def test_a_listed_charge_dropped_is_found() -> None:
    suspect = CHARGES.replace("bribery, money laundering and fraud", "bribery and money laundering")
    assert _list_items(CHARGES, suspect) == ["fraud"]


def test_a_listed_thing_dropped_after_a_clause_is_found() -> None:
    original = (
        "The storm, which hit the coast on Monday, damaged roads, bridges and power lines, officials said. "
        "Repairs will take weeks."
    )
    suspect = (
        "The storm, which struck the coast on Monday, damaged roads and power lines, officials said. "
        "Repairs will take weeks."
    )
    assert _list_items(original, suspect) == ["bridges"]


# rev23q: a verb after the "and" is the sentence's own (a list of its subjects), and a comma piece with a verb
# before the list opens it ("the ministry said it had sent soldiers")
@pytest.mark.parametrize(
    ("original", "dropped"),
    [
        ("The talks ended on Friday. Britain, France and Germany have signed the agreement, officials said.", "France"),
        ("A bus crashed near Halden. A teacher, a nurse and two children were killed in the crash.", "a nurse"),
        ("The storm hit on Sunday. Roads, schools and the airport will stay closed until Friday.", "schools"),
        (
            "Floods hit the north on Sunday. In a statement, the ministry said it had sent soldiers, helicopters and "
            "boats to the region.",
            "helicopters",
        ),
        (
            "The council met on Monday. Under the new rules, visitors will be barred from the harbour, the beach and "
            "the old town after dark.",
            "the beach",
        ),
    ],
)
def test_a_list_of_subjects_or_after_an_opening_phrase_is_a_list(original: str, dropped: str) -> None:
    suspect = original.replace(f", {dropped}", "").replace(f"{dropped}, ", "")
    assert suspect != original
    assert _list_items(original, suspect) == [dropped]


def test_a_listed_month_named_may_is_still_a_list() -> None:
    text = "The festival will run in April, May and June this year."
    assert [[text[a:b] for a, b in items] for items in _lists(text, 0, len(text))] == [
        ["festival will run in April", "May", "June this year"]
    ]


# --- R11: a summary sentence that merges two of the original's (with embeddings, as the check runs) ---------

CHARGED = """Former Brightwater mayor Daniel Ferreira was charged on Wednesday with accepting bribes worth $210,000 \
in exchange for steering harbour maintenance contracts to a local firm, state prosecutors said.

Ferreira, 61, who served two terms as mayor before leaving office in 2023, appeared briefly at the Westfield \
County courthouse and was released on bail of $50,000.

He did not enter a plea.

His lawyer, Helen Markham, said her client was innocent and would fight the charges.

Prosecutors allege that between 2019 and 2022 Ferreira received cash payments and home renovations from Castell \
Marine Services.

In return, they say, the company won four contracts worth a combined $6.3 million without competitive bidding.

Castell Marine's owner, Victor Castell, was charged in the same indictment with bribery and fraud.

Castell's lawyer declined to comment.

The investigation began in 2023 after a city auditor flagged irregular payments in the harbour department's \
accounts.

Ferreira is due back in court on April 2."""
MERGED_BAIL = "Ferreira, 61, was released on $50,000 bail; his lawyer says he is innocent."
MERGED_CONTRACTS = (
    "Prosecutors allege the payments came from Castell Marine Services, which won four contracts worth $6.3 million "
    "without competitive bidding."
)
SUMMARY = f"""Daniel Ferreira, the former mayor of Brightwater, has been charged with accepting $210,000 in bribes to \
steer harbour contracts to a local company, prosecutors said on Wednesday.

{MERGED_CONTRACTS}

{MERGED_BAIL}

He is due back in court on April 2."""


@pytest.fixture(scope="module")
def summary_added() -> Callable[[str], list[str]]:
    from storytrace import compare

    def added(summary: str) -> list[str]:
        report = compare(CHARGED, summary)
        return [
            report.derived.text[f.derived[0] : f.derived[1]]
            for f in report.findings
            if f.type == "claim_added" and f.severity in ("high", "medium") and f.derived
        ]

    return added


def test_a_faithful_summary_merging_sentences_adds_nothing(summary_added: Callable[[str], list[str]]) -> None:
    assert summary_added(SUMMARY) == []


@pytest.mark.parametrize(
    ("merged", "told"),
    [
        (MERGED_BAIL, "Ferreira, 61, was released on $50,000 bail; Castell's lawyer says he is innocent."),
        (MERGED_BAIL, "Ferreira, 61, was jailed without bail; his lawyer says he is innocent."),
        (MERGED_CONTRACTS, MERGED_CONTRACTS.replace("which won four", "which lost four")),
        (MERGED_CONTRACTS, MERGED_CONTRACTS.replace("from Castell Marine Services", "from the harbour department")),
        # rev23q: a negation added or dropped reverses the clause's fact
        (MERGED_BAIL, "Ferreira, 61, was released on $50,000 bail; his lawyer says he will not fight the charges."),
        (MERGED_CONTRACTS, MERGED_CONTRACTS.replace("without competitive bidding", "after competitive bidding")),
    ],
)
def test_a_merged_sentence_with_a_clause_the_original_does_not_tell_is_found(
    summary_added: Callable[[str], list[str]], merged: str, told: str
) -> None:
    assert summary_added(SUMMARY.replace(merged, told)) == [told]
