"""rev25a R1: a bare "President Joe Biden said" retold as "The White House said" in a domestic story. A US
story names states and Congress, a British one the Treasury, seldom the country itself: a story naming no
country, or one country once and no other, is the seat's own story and the change is low (rev24a had made the
first medium and the second was high since a country had to be named twice). A story whose one country is
another's, or a seat of another country, stays high. rev25f: low only when the story ties itself to the seat's
country ("two states sued", the Treasury, a dateline, "across France"); a lone "American borrowers" or "French
unions" does not (see tests/test_fixrev25f_seat_tied_to_the_story.py), so those are medium.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

US = (
    "{} said on Tuesday that the administration would forgive 10,000 dollars of student debt per borrower. "
    "Borrowers in Texas and Ohio sued to block the plan last year. The Education Department will open "
    "applications in October."
)
US_ONCE = US.replace(
    "Borrowers in Texas and Ohio sued", "About 40 million American borrowers could benefit; two states sued"
)
UK = (
    "{} said on Tuesday that the government would cut fuel duty by 5p a litre for a year. The cut will cost the "
    "Treasury about 2.4 billion pounds, officials said. Motoring groups welcomed the move."
)
FRANCE_ONCE = (
    "{} said on Tuesday that the government would raise the pension age to 64. French unions called a strike for "
    "Thursday. The reform will be debated next month."
)


def _speaker(story: str, speaker: str, seat: str) -> list[tuple[str | None, str]]:
    report = compare(story.format(speaker), story.format(seat), settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (US, "President Joe Biden", "The White House"),
        (US_ONCE, "President Joe Biden", "The White House"),
        (US_ONCE.replace("two states sued", "Texas and Ohio sued"), "President Joe Biden", "The White House"),
        (UK, "Prime Minister Rishi Sunak", "Downing Street"),
        (FRANCE_ONCE.replace("for Thursday", "across France on Thursday"), "President Emmanuel Macron", "The Elysee"),
    ],
)
def test_the_seat_of_a_domestic_storys_holder_is_low(story: str, speaker: str, seat: str) -> None:
    assert _speaker(story, speaker, seat) == [("speaker_changed", "low")]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (US_ONCE, "President Joe Biden", "Downing Street"),
        (FRANCE_ONCE, "President Emmanuel Macron", "The White House"),
        (UK, "Former Prime Minister Boris Johnson", "Downing Street"),
    ],
)
def test_a_seat_of_another_country_or_another_holder_is_still_high(story: str, speaker: str, seat: str) -> None:
    assert ("speaker_changed", "high") in _speaker(story, speaker, seat)


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (
            US_ONCE.replace("; two states sued to block the plan last year", ""),
            "President Joe Biden",
            "The White House",
        ),
        (FRANCE_ONCE, "President Emmanuel Macron", "The Elysee"),
    ],
)
def test_a_country_named_once_and_nothing_tying_the_story_to_it_is_medium(story: str, speaker: str, seat: str) -> None:
    assert _speaker(story, speaker, seat) == [("speaker_changed", "medium")]
