"""Two ways a summary gives words to the wrong person (issue 3, FactCC's model summaries):

* speaker_added: a claim the original states with no speaker ("In a country ranked by a poll as the most
  dangerous place in the world for women ...") retold as the words of someone the original names only as the
  one spoken to or about ("The U.N. Security Council says ..."). Quiet when that person is the sentence's own
  subject ("Obama defended the framework" -> "Obama says"), speaks next door, is quoted, or may be the
  sentence's pronoun.
* a personal pronoun put for another in a short sentence copied otherwise word for word ("He told reporters he
  would appeal" -> "She told reporters she would appeal"), too short for the usual four shared content words.

The sentences are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare


def _findings(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    report = compare(source, derived)
    return [(f.type, f.subtype, f.severity) for f in report.findings if f.type != "fact_omitted"]


SPEAKER_ADDED = [
    (
        "Women marched through Kabul on Sunday. In a country ranked in 2011 by a Thomson Reuters Foundation "
        "poll as the most dangerous place in the world for women, this feminist act seemed perilous. The "
        "killings were later reported to the U.N. Security Council by the envoy.",
        "The U.N. Security Council says the country is the most dangerous place in the world for women.",
    ),
    (
        "The framework announced last week would see Iran reduce its centrifuges from 19,000 to 5,060. Israeli "
        "Prime Minister Benjamin Netanyahu has criticised the deal.",
        "Benjamin Netanyahu says the framework would see Iran reduce its centrifuges from 19,000 to 5,060.",
    ),
]

SPEAKER_KEPT = [
    # the named person is the original sentence's subject
    (
        "President Obama defended the framework in an interview on Sunday, calling it a once-in-a-lifetime "
        "opportunity. Talks continue until June 30.",
        "Obama says the framework is a once-in-a-lifetime opportunity.",
    ),
    # they say it in the original
    (
        "The framework would see Iran reduce its centrifuges from 19,000 to 5,060, Obama said. Talks continue "
        "until June 30.",
        "Obama says the framework would see Iran reduce its centrifuges from 19,000 to 5,060.",
    ),
    # a pronoun in the original's sentence speaks for them
    (
        "The mayor, Anna Berg, met residents on Monday. She said the bridge would reopen in May after repairs "
        "costing $2 million.",
        "Mayor Anna Berg says the bridge will reopen in May after repairs costing $2 million.",
    ),
    # the speaker speaks in the original, in words the attribution phrase does not catch
    (
        "Shares rose on reports of a bid for the casino group. However, the talk was downplayed by PBL, which "
        "said it would focus only on smaller purchases that were immediately earnings accretive.",
        "PBL has said it will focus only on smaller purchases that are immediately earnings accretive.",
    ),
    # the speaker speaks elsewhere in the original on the story: a loose summary, not a speaker made up
    (
        "Last week, 27 Jewish community centres in 17 US states reported receiving hoax bomb threats. No bombs "
        "were found. White House press secretary Sean Spicer said the threats were unacceptable.",
        "Jewish community centres in 17 US states have received hoax bomb threats, the White House says.",
    ),
    # a written text quoted: the claim is its content, no voice made up (SheepDog rewrite)
    (
        '"All legislative powers herein granted shall be vested in a Congress of the United States, which shall '
        'consist of a Senate and House of Representatives." (Article I, Section 1, of the United States '
        "Constitution) How are laws made? Bills start in either chamber.",
        "The United States Constitution states that all legislative powers are vested in a Congress of the "
        "United States, which consists of a Senate and House of Representatives.",
    ),
    # the claim is from quoted words whose speaker this reading cannot find (a speech's paragraphs re-open
    # their quotes): naming the speaker may be right
    (
        "Chairman Joe Barton opened the hearing with a long statement. These are the true results of reform. "
        '"There is still much to be done to improve long-term care service delivery and financing. I look '
        "forward to working with you this year.",
        "Barton acknowledged that there is still work to be done in improving long-term care service delivery "
        "and financing.",
    ),
    # "according to" a body that released the figures: the source kept, not a voice added
    (
        "The figures, released by the British Pest Control Association, show Southwark has the most mice. "
        "Birmingham has the most rats.",
        "Southwark has the most mice, according to the British Pest Control Association.",
    ),
]


@pytest.mark.parametrize(("source", "derived"), SPEAKER_ADDED)
def test_claim_given_to_a_speaker_the_original_never_has_saying_it(source: str, derived: str) -> None:
    assert ("attribution_changed", "speaker_added", "medium") in _findings(source, derived)


@pytest.mark.parametrize(("source", "derived"), SPEAKER_KEPT)
def test_speaker_the_original_gives_stays_quiet(source: str, derived: str) -> None:
    assert not [f for f in _findings(source, derived) if f[1] == "speaker_added"]


ARREST = "John Smith, 45, was arrested on Friday at his home in Leeds. He told reporters he would appeal the ruling."
COUPLE = (
    "John Smith and his wife were arrested on Friday at their home in Leeds. They told reporters they would "
    "appeal the ruling."
)


def test_short_copied_sentence_with_he_for_she_is_a_person_changed() -> None:
    report = compare(ARREST, "John Smith, 45, was arrested on Friday. She told reporters she would appeal the ruling.")
    swaps = [f for f in report.findings if f.subtype == "swapped" and f.type == "entity_changed"]
    assert swaps and all(f.severity == "medium" for f in swaps)
    assert {(f.before, f.after) for f in swaps} == {("He", "She"), ("he", "she")}
    assert "person changed" in swaps[0].detail


@pytest.mark.parametrize(
    "derived",
    [
        "John Smith, 45, was arrested on Friday. He told reporters he would appeal the ruling.",
        "John Smith was arrested on Friday. Smith told reporters he would appeal the ruling.",
    ],
)
def test_short_copied_sentence_with_its_own_pronoun_stays_quiet(derived: str) -> None:
    assert not [f for f in compare(ARREST, derived).findings if f.subtype == "swapped"]


def test_the_couple_for_they_is_no_swap() -> None:
    derived = "John Smith and his wife were arrested on Friday. The couple told reporters they would appeal the ruling."
    assert not [f for f in compare(COUPLE, derived).findings if f.subtype == "swapped"]
