"""Session 21's known false alarms of findings (helper fa22), each next to the real change of its family that must
still be found:

- a part of a whole restated as a bare count of the same things ("half of the 600 workers" -> "some 300
  workers", "40% of the 600" -> "240"), where a count that fits neither stays a change;
- "all but two of the 37 districts had reported" -> "two districts had not reported": the count from its other
  end, no negation flipped ("all but two ... had not reported" still is);
- "was indicted" -> "pleaded not guilty": a new verb with its own "not" says another thing of the story; "pleaded
  guilty" -> "pleaded not guilty", "convicted" -> "found not guilty" and "raised" -> "decided not to raise" are
  still flips;
- "British Prime Minister Rishi Sunak said" -> "Downing Street said": the seat of his office speaking for him,
  low, when the speaker's words give the seat's country; the seat of another office or country ("the Kremlin",
  "the White House" for Putin) is still another speaker.

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


def _story(lead: str, headline: str = "Factory to cut jobs") -> str:
    return (
        f"{headline}\n\n{lead} The plant makes parts for washing machines. Unions called the decision a betrayal "
        "and said they would strike."
    )


# --- a part of a whole told as a count -------------------------------------------------------------------

JOBS = "Half of the 600 workers at the Riverside plant will lose their jobs next year, the company said on Friday."
SHARE = "About 40% of the 600 workers at the Riverside plant will lose their jobs next year, the company said."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (JOBS, JOBS.replace("Half of the 600", "Some 300")),
        (SHARE, SHARE.replace("About 40% of the 600", "About 240")),
        (JOBS.replace("Half of the 600", "All but 50 of the 600"), JOBS.replace("Half of the 600", "Some 550")),
    ],
)
def test_the_count_a_part_leaves_told_as_a_bare_count_is_no_change(source: str, derived: str) -> None:
    assert not [f for f in _flags(_story(source), _story(derived)) if f[0] == "number_changed"]


@pytest.mark.parametrize(
    ("source", "derived", "after"),
    [
        (JOBS, JOBS.replace("Half of the 600", "Some 400"), "400"),
        (SHARE, SHARE.replace("About 40% of the 600", "About 320"), "320"),
        (JOBS.replace("Half of the 600", "All but 50 of the 600"), JOBS.replace("Half of the 600", "Some 500"), "500"),
    ],
)
def test_a_count_the_part_does_not_leave_is_still_changed(source: str, derived: str, after: str) -> None:
    changed = [d for t, _s, d in _flags(_story(source), _story(derived)) if t == "number_changed"]
    assert changed and after in changed[0]


def test_the_count_of_other_things_is_still_changed() -> None:
    # "300 homes" is no count of "half of the 600 workers": the 40 homes of the original became 300
    source = _story(JOBS + " The company owns 40 homes in the village.")
    derived = _story(JOBS + " The company owns 300 homes in the village.")
    changed = [d for t, _s, d in _flags(source, derived) if t == "number_changed"]
    assert changed and "40 homes" in changed[0] and "300 homes" in changed[0]


# --- "all but N" told from the other end ---------------------------------------------------------------

COUNT = "All but two of the 37 districts had reported results by midnight, election officials said."
VILLAGES = "Rescue teams had reached all but two of the 37 villages cut off by the floods by Thursday evening."


def _election(lead: str) -> str:
    return _story(lead, "Counting continues in county election").replace(
        "The plant makes parts for washing machines. Unions called the decision a betrayal and said they would strike.",
        "The incumbent held a narrow lead of about 1,200 votes. A final count is expected on Thursday.",
    )


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (COUNT, "Two of the 37 districts had not reported results by midnight, election officials said."),
        (COUNT, "Two districts had not reported results by midnight, election officials said."),
        (VILLAGES, "Two villages cut off by the floods had not been reached by rescue teams by Thursday evening."),
    ],
)
def test_the_part_all_but_leaves_out_told_with_not_is_no_flip(source: str, derived: str) -> None:
    assert ("hedge_changed", "negation_flipped") not in [f[:2] for f in _flags(_election(source), _election(derived))]


@pytest.mark.parametrize(
    "derived",
    [
        "All but two of the 37 districts had not reported results by midnight, election officials said.",
        "Five of the 37 districts had not reported results by midnight, election officials said.",
    ],
)
def test_all_but_negated_or_another_count_with_not_is_still_a_flip(derived: str) -> None:
    assert ("hedge_changed", "negation_flipped") in [f[:2] for f in _flags(_election(COUNT), _election(derived))]


# --- a new verb with its own "not" --------------------------------------------------------------------

BRIBES = "A former state transport official {} on Monday {} charges of taking bribes from contractors."


def _court(lead: str) -> str:
    return _story(lead, "Former official in court over bribes").replace(
        "The plant makes parts for washing machines. Unions called the decision a betrayal and said they would strike.",
        "Prosecutors said he accepted more than 200,000 dollars over five years. His lawyer declined to comment.",
    )


def test_a_plea_of_not_guilty_after_an_indictment_is_no_flip() -> None:
    source = BRIBES.format("was indicted", "on")
    derived = BRIBES.format("pleaded not guilty", "to")
    assert ("hedge_changed", "negation_flipped") not in [f[:2] for f in _flags(_court(source), _court(derived))]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (BRIBES.format("pleaded guilty", "to"), BRIBES.format("pleaded not guilty", "to")),
        (BRIBES.format("was convicted", "on"), BRIBES.format("was found not guilty", "on")),
        (BRIBES.format("was indicted", "on"), BRIBES.format("was not indicted", "on")),
        (
            "The central bank raised interest rates on Thursday to fight inflation, the governor said.",
            "The central bank decided not to raise interest rates on Thursday to fight inflation, the governor said.",
        ),
    ],
)
def test_the_same_predicate_denied_is_still_a_flip(source: str, derived: str) -> None:
    assert ("hedge_changed", "negation_flipped") in [f[:2] for f in _flags(_court(source), _court(derived))]


# --- the seat of an office speaking for its holder ----------------------------------------------------

SUPPORT = (
    "{} said on Monday that the government would extend energy bill support for low-income families through "
    "next winter. The scheme will cost about 2 billion pounds, officials said."
)


def _energy(lead: str) -> str:
    return _story(lead, "Government to extend energy support").replace(
        "The plant makes parts for washing machines. Unions called the decision a betrayal and said they would strike.",
        "Opposition parties said the help came too late.",
    )


def _speaker(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(_energy(source), _energy(derived), settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (SUPPORT.format("British Prime Minister Rishi Sunak"), SUPPORT.format("Downing Street")),
        (SUPPORT.format("U.S. President Joe Biden"), SUPPORT.format("The White House")),
    ],
)
def test_the_seat_of_the_speakers_office_is_low(source: str, derived: str) -> None:
    assert _speaker(source, derived) == [("speaker_changed", "low")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # another office than the one the seat speaks for, or a former holder of it
        (SUPPORT.format("Chancellor Jeremy Hunt"), SUPPORT.format("Downing Street")),
        (SUPPORT.format("Former Prime Minister Boris Johnson"), SUPPORT.format("Downing Street")),
        # another country's seat
        (SUPPORT.format("Prime Minister Rishi Sunak"), SUPPORT.format("The Kremlin")),
        (
            SUPPORT.format("President Vladimir Putin") + " Talks in Moscow ended without agreement.",
            SUPPORT.format("The White House") + " Talks in Moscow ended without agreement.",
        ),
    ],
)
def test_another_seat_or_office_is_still_another_speaker(source: str, derived: str) -> None:
    assert ("speaker_changed", "high") in _speaker(source, derived)


def test_number_10_speaking_is_no_figure() -> None:
    # British news writes Downing Street as "No 10": the seat speaking, not a figure the original lacks
    flags = _flags(_energy(SUPPORT.format("Prime Minister Rishi Sunak")), _energy(SUPPORT.format("No 10")))
    assert not [f for f in flags if f[0] == "number_changed"]


def test_a_ranked_number_changed_is_still_a_figure_changed() -> None:
    source = _story("The No. 10 seed Maria Lopez lost in the first round on Monday, the tournament said.", "Upset")
    derived = _story("The No. 12 seed Maria Lopez lost in the first round on Monday, the tournament said.", "Upset")
    assert [f for f in _flags(source, derived) if f[0] == "number_changed"]


# --- "United States" is no one stating anything ------------------------------------------------------

TALKS = (
    "Trade talks resume\n\n{} and France resumed trade talks in Geneva on Thursday, officials said. An agreement "
    "could be signed by June. Farmers' groups oppose the deal."
)
SAID = (
    "Trade talks resume\n\n{} said on Thursday that an agreement with France could be signed by June. Talks "
    "resumed in Geneva. Farmers' groups oppose the deal."
)


@pytest.mark.parametrize("derived", ["America", "Washington", "The US"])
def test_another_name_for_the_united_states_is_no_source_made_anonymous(derived: str) -> None:
    assert _flags(TALKS.format("The United States"), TALKS.format(derived)) == []


@pytest.mark.parametrize(
    ("template", "derived", "found"),
    [
        (TALKS, "Germany", ("entity_changed", "place")),
        (SAID, "Germany", ("attribution_changed", "speaker_changed")),
        (SAID, "Officials", ("attribution_changed", "anonymised")),
    ],
)
def test_the_united_states_replaced_or_hidden_is_still_found(
    template: str, derived: str, found: tuple[str, str]
) -> None:
    assert found in [f[:2] for f in _flags(template.format("The United States"), template.format(derived))]


# --- a body named after its country, retold by its acronym ------------------------------------------

WATER = (
    "Flint water meets standards\n\n{} found that the water supply in {} now meets federal standards. Tests at 400 "
    "homes found lead levels below the limit. Residents remain sceptical."
)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("The U.S. Environmental Protection Agency", "The EPA"),
        ("The U.S. Environmental Protection Agency", "The US EPA"),
        ("The United States Environmental Protection Agency", "The EPA"),
        ("The UK Health Security Agency", "The UKHSA"),
        ("The U.K. Health Security Agency", "The UKHSA"),
    ],
)
def test_a_country_bodys_acronym_is_the_same_body(source: str, derived: str) -> None:
    flags = _flags(WATER.format(source, "Flint"), WATER.format(derived, "Flint"))
    assert not [f for f in flags if f[0] == "entity_changed"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("The U.S. Environmental Protection Agency", "The FDA"),
        ("The U.S. Environmental Protection Agency", "The Department of Agriculture"),
        ("The UK Health Security Agency", "The NHS"),
    ],
)
def test_another_body_is_still_another_organisation(source: str, derived: str) -> None:
    flags = _flags(WATER.format(source, "Flint"), WATER.format(derived, "Flint"))
    assert [f for f in flags if f[0] == "entity_changed"]
