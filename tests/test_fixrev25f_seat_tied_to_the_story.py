"""rev25f 1+2: a bare-titled leader ("President Joe Biden", "President Emmanuel Macron") retold as a seat ("The
White House", "The Kremlin") in a story naming no country, or the seat's country once ("American artillery
shells"), is low only when the story ties itself to that seat's country and no other seat's: US states or
Congress for the White House, the Treasury or the Commons for Downing Street, a dateline whose capital the entity
tables know, or the country named as the story's place. Untied, whose seat the bare title is is not told:
medium (rev25a had made any matching seat low, so "Biden said" -> "The Kremlin said" read as the same voice).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

US = (
    "President Joe Biden said on Tuesday that the administration would forgive 10,000 dollars of student debt per "
    "borrower. Borrowers in Texas and Ohio sued to block the plan last year. The Education Department will open "
    "applications in October."
)
PARIS = (
    "PARIS, March 14 (Reuters) -\n\nPresident Emmanuel Macron said on Tuesday that the government would raise the "
    "pension age to 64. Unions called strikes for Thursday. Protesters marched in Paris and Lyon on Saturday."
)
WASHINGTON = (
    "WASHINGTON, March 14 (Reuters) -\n\nPresident Joe Biden said on Tuesday that the administration would "
    "forgive student debt. The plan will open in October."
)
DELHI = (
    "Prime Minister Narendra Modi said on Tuesday that the government would build 20 million new homes by 2030. "
    "The opposition Congress party called the target unrealistic."
)
ZELENSKY = (
    "President Volodymyr Zelensky said on Tuesday that his forces had retaken two villages near the front. He "
    "thanked allies for American artillery shells. Fighting continued overnight, officials said."
)
FUEL = (
    "Prime Minister Rishi Sunak said on Tuesday that the government would cut fuel duty by 5p a litre for a year. "
    "The cut will cost the Treasury about 2.4 billion pounds, officials said. Motoring groups welcomed the move."
)


def _speaker(story: str, speaker: str, seat: str) -> list[str]:
    report = compare(story, story.replace(speaker, seat), settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "speaker_changed"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (US, "President Joe Biden", "The White House"),
        (WASHINGTON, "President Joe Biden", "The White House"),
        (FUEL, "Prime Minister Rishi Sunak", "Downing Street"),
    ],
)
def test_the_seat_the_story_is_tied_to_is_low(story: str, speaker: str, seat: str) -> None:
    assert _speaker(story, speaker, seat) == ["low"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        # tied to another seat's country: the states are the White House's, not the Kremlin's
        (US, "President Joe Biden", "The Kremlin"),
        # a capital the tables do not know ties the story to no seat
        (PARIS, "President Emmanuel Macron", "The White House"),
        (WASHINGTON, "President Joe Biden", "The Kremlin"),
        # the seat's country named once, as a thing of it: his seat is not told
        (ZELENSKY, "President Volodymyr Zelensky", "The White House"),
        (FUEL, "Prime Minister Rishi Sunak", "The White House"),
        # India's Congress party is no US Congress
        (DELHI, "Prime Minister Narendra Modi", "The White House"),
    ],
)
def test_a_seat_the_story_is_not_tied_to_is_not_low(story: str, speaker: str, seat: str) -> None:
    got = _speaker(story, speaker, seat)
    assert got and "low" not in got
