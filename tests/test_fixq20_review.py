"""What the review of quotes20 found: a short quote reworded in place is the original's only when the same
person says it (else it is invented); one original quote is paired with one reworded quote, not two; an
adverb in the attribution ("falsely claimed") keeps the added clause; "the elderly" is a speaker."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.quotes import extract_quotes
from storytrace.finding import Finding

LEAD = "The city council approved the new budget on Tuesday after a long debate.\n"
TAIL = "\nThe budget takes effect in July.\n"
SAID_CUTS = 'Mayor John Smith said the cuts were "painful but unavoidable" given the deficit.'
COLE_FIRST = "Council member Sarah Cole spoke first. "


def _findings(source: str, derived: str) -> list[Finding]:
    return list(compare(LEAD + source + TAIL, LEAD + derived + TAIL).findings)


def _quotes(source: str, derived: str) -> list[tuple[str, str | None]]:
    return [(f.type, f.subtype) for f in _findings(source, derived) if f.type.startswith("quote")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (SAID_CUTS, 'Critics said the cuts were "painful and unnecessary" given the deficit.'),
        (SAID_CUTS, 'The cuts were "painful and unnecessary" given the deficit, one resident said.'),
        (SAID_CUTS, 'An official said the cuts were "painful and unnecessary" given the deficit.'),
        (SAID_CUTS, 'A resident said the cuts were "painful and unnecessary" given the deficit.'),
        (COLE_FIRST + SAID_CUTS, COLE_FIRST + 'She said the cuts were "painful and unnecessary" given the deficit.'),
    ],
    ids=["group", "unattributed", "anonymous", "a_resident", "pronoun_for_another"],
)
def test_a_reworded_quote_in_another_mouth_is_invented_not_the_originals_altered(source: str, derived: str) -> None:
    found = [f for f in _findings(source, derived) if f.type.startswith("quote")]
    assert [(f.type, f.subtype) for f in found] == [("quote_fabricated", "invented")]
    assert "Smith" not in found[0].detail


def test_a_reworded_quote_of_the_same_person_is_still_altered() -> None:
    same_name = 'Smith said the cuts were "painful and unnecessary" given the deficit.'
    assert _quotes(SAID_CUTS, same_name) == [("quote_altered", "words_changed")]
    source = 'Mayor John Smith spoke first. He said the cuts were "painful but unavoidable" given the deficit.'
    derived = 'Mayor John Smith spoke first. He said the cuts were "painful and unnecessary" given the deficit.'
    assert _quotes(source, derived) == [("quote_altered", "words_changed")]


def test_one_original_quote_is_paired_with_one_reworded_quote_only() -> None:
    derived = (
        'Mayor John Smith said the cuts were "painful and unnecessary" given the deficit, '
        'and "painful and wrong" given the deficit.'
    )
    found = [f for f in _findings(SAID_CUTS, derived) if f.type.startswith("quote")]
    assert [(f.type, f.subtype) for f in found] == [
        ("quote_altered", "words_changed"),
        ("quote_fabricated", "invented"),
    ]
    assert "painful and unnecessary" in found[0].detail
    assert "painful and wrong" in found[1].detail


GIVEN = '"We have made the hard choices this city needed," said council member Sarah Cole.'


@pytest.mark.parametrize("attribution", ["falsely claimed", "privately said", "later admitted"])
def test_an_adverb_in_a_reattribution_keeps_the_added_clause(attribution: str) -> None:
    derived = f'"We have made the hard choices this city needed," Mayor John Smith {attribution}.'
    found = [(f.type, f.subtype) for f in _findings(GIVEN, derived)]
    assert ("quote_fabricated", "speaker_changed") in found
    assert ("claim_added", "clause") in found


def test_a_plain_reattribution_is_still_told_once() -> None:
    derived = '"We have made the hard choices this city needed," said Mayor John Smith.'
    found = [(f.type, f.subtype) for f in _findings(GIVEN, derived)]
    assert ("quote_fabricated", "speaker_changed") in found
    assert ("claim_added", "clause") not in found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are forgotten," the elderly said.', "the elderly"),
        ('"We are forgotten," the friendly said.', "the friendly"),
        ('"We are forgotten," the elderly also said.', "the elderly"),
        ('"We are forgotten," she quietly said.', "she"),
        ('"We are forgotten," Trump passionately stated.', "Trump"),
        ('"We are forgotten," the mayor quietly said.', "the mayor"),
    ],
)
def test_a_noun_in_ly_after_a_determiner_is_the_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]
