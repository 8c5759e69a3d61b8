"""recombined.py: a headline's capitals, a name written in full, a people for its country, the subject named for
"he" or "the country", a linked sentence too short to restate: no name set into another fact (facts15). The
articles are invented for these tests."""

from __future__ import annotations

from dataclasses import replace

from storytrace import Settings, compare
from storytrace.align import Link
from storytrace.facts.recombined import recombination_findings
from storytrace.finding import Finding

LEXICAL = Settings(use_embeddings=False)


def _recombined(source: str, derived: str) -> list[Finding]:
    return [f for f in compare(source, derived, settings=LEXICAL).findings if f.subtype == "recombined"]


def _recombined_on(source: str, derived: str, linked: int) -> list[Finding]:
    """The check on the suspect's one sentence read against the original's sentence ``linked``, as a loose
    link: what the aligner chooses is not under test here."""
    alignment = compare(source, derived, settings=LEXICAL).alignment
    return recombination_findings(replace(alignment, links=(Link((0,), (linked,), "partial", 0.6),)))


RUBIO = (
    "Marco Rubio said on Monday that he was ready to run for president. "
    "He told supporters in Miami that the country needed to take a new direction. "
    "The senator said the world had grown more dangerous under the current administration. "
    "Rubio spoke with NPR's Steve Inskeep in an interview on Monday."
)


def test_a_title_cased_headline_sets_no_name_into_a_fact() -> None:
    derived = (
        '"Marco Rubio: Brave and Confident, Ready to Take on the World" In an interview with NPR\'s Steve Inskeep, '
        "Rubio spoke on Monday."
    )
    assert _recombined(RUBIO, derived) == []


def test_a_name_from_elsewhere_in_running_text_is_still_recombined() -> None:
    derived = "Rubio spoke with NPR's Steve Inskeep in Miami in an interview on Monday."
    found = _recombined(RUBIO, derived)
    assert len(found) == 1 and "Miami" in found[0].detail


TRANSCRIPT = (
    "Treasury Secretary Timothy Geithner appeared on ABC's This Week with Jake Tapper on Sunday. "
    "TAPPER: There are people in the administration talking about keeping the Bush tax cuts in place for a year. "
    "GEITHNER: That is not our view, and we do not think it would help the economy."
)


def test_a_name_written_in_full_is_no_name_brought_in() -> None:
    # "TAPPER:" in the linked line, "Jake Tapper" in the first sentence: the rewrite writes the name in full
    derived = "People in the administration talk to Jake Tapper about keeping the Bush tax cuts in place for a year."
    assert _recombined_on(TRANSCRIPT, derived, 1) == []
    # a name the linked line does not give in part is still brought in
    found = _recombined_on(TRANSCRIPT, derived.replace("Jake Tapper", "Timothy Geithner"), 1)
    assert len(found) == 1 and "Geithner" in found[0].detail


TARIFFS = (
    "The American economy grew faster than expected in the spring, the commerce department said. "
    "In an interview, the president described the tariffs as a defence of US workers and wages. "
    "Economists said the tariffs had raised prices for families across the country."
)


def test_a_country_named_by_its_people_is_no_name_brought_in() -> None:
    derived = "In an interview, the president described the tariffs as a defence of American workers and wages."
    assert _recombined_on(TARIFFS, derived, 1) == []
    found = _recombined_on(TARIFFS, derived.replace("defence of American", "defence of Chinese"), 1)
    assert found == []  # not in the original at all: the entity check's to judge, not this one


ESTONIA = (
    "Estonia has been a rare success story during the eurozone crisis, analysts say. "
    "Officials in Estonia say the tax system is the fastest in Europe. "
    "Introduced in 2000, the system allows income taxes and business taxes to be filed online. "
    "Using a secure ID, a filer completes the forms and signs them with a digital signature. "
    "The process takes an average of five minutes, the tax board says. "
    "The system is part of the country's e-government initiative, which lets people vote and fill prescriptions "
    "online. "
    "Estonians begin filing their taxes on Wednesday, and most Estonians file in the first week."
)


def test_the_subject_named_where_the_original_says_the_country_is_no_recombination() -> None:
    derived = (
        "The system is part of Estonia's e-government initiative, which lets people vote and fill prescriptions online."
    )
    assert _recombined(ESTONIA, derived) == []


def test_the_subject_set_into_a_sentence_without_a_stand_in_is_still_recombined() -> None:
    derived = "The process in Estonia takes an average of five minutes, the tax board says."
    found = _recombined(ESTONIA, derived)
    assert len(found) == 1 and "Estonia" in found[0].detail


DEBATE = (
    "Moderator Martha Raddatz opened the debate with a question on foreign policy. "
    "Vice President Biden? "
    "The attack in Benghazi killed Ambassador Chris Stevens and three other Americans in September. "
    "Republicans have accused the administration of failing to protect the consulate."
)


def test_a_linked_sentence_too_short_to_restate_brings_in_nothing() -> None:
    derived = "Vice President Biden answered the question on the Benghazi attack and the death of Ambassador Stevens."
    assert _recombined_on(DEBATE, derived, 1) == []
    # read against a sentence long enough to restate, the same words are brought in
    longer = DEBATE.replace("Vice President Biden?", "Vice President Biden answered the first question of the night.")
    assert _recombined_on(longer, derived, 1) != []
