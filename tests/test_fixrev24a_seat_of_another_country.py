"""rev24a 3: the holder's own sentence ("Prime Minister Anthony Albanese said Britain would ...") ties him to the
seat only in a story whose own country is unknown or the seat's; another country's leader speaks of Britain too.
A story naming no country at all cannot tell whose office a bare title is: medium, neither low nor high, unless
it ties itself to the seat's country (rev25f: "Texas and Ohio sued", "cost the Treasury", a "WASHINGTON" dateline;
see tests/test_fixrev25a_seat_of_a_domestic_story.py and tests/test_fixrev25f_seat_tied_to_the_story.py).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

ALBANESE = (
    "Prime Minister Anthony Albanese said on Tuesday that Britain would drop tariffs on Australian beef. Australia "
    "has sought the deal since 2021. Australian farmers welcomed it, and Canberra expects a signing in June. "
    "Australia's trade minister will travel next week."
)
MODI = (
    "Prime Minister Narendra Modi said on Tuesday that Britain would ease visa rules for Indian students. India has "
    "pressed for the change for years, officials in New Delhi said. Talks resume next week."
)
NO_COUNTRY = (
    "{} said on Tuesday that the government would raise the pension age to 64. Unions called a strike for "
    "Thursday. The reform will be debated next month."
)
BRITISH = (
    "{} said on Tuesday that Britain would not back any deal that left Ukraine's ports under blockade. The UK has "
    "sent 2.3 billion pounds in aid since the invasion, officials said. Talks resume next week in Istanbul."
)


def _speaker(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(source, derived, settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    ("story", "speaker"),
    [(ALBANESE, "Prime Minister Anthony Albanese"), (MODI, "Prime Minister Narendra Modi")],
)
def test_another_countrys_leader_speaking_of_britain_is_no_seat_voice(story: str, speaker: str) -> None:
    assert _speaker(story, story.replace(speaker, "Downing Street")) == [("speaker_changed", "high")]


@pytest.mark.parametrize(
    ("speaker", "seat"),
    [
        ("President Emmanuel Macron", "The White House"),
        ("President Joe Biden", "The White House"),
        ("Prime Minister Rishi Sunak", "Downing Street"),
    ],
)
def test_a_story_naming_no_country_is_medium(speaker: str, seat: str) -> None:
    flags = _speaker(NO_COUNTRY.format(speaker), NO_COUNTRY.format(seat))
    assert flags == [("speaker_changed", "medium")]


def test_holder_tied_to_the_seat_in_a_story_of_its_country_stays_low() -> None:
    assert _speaker(BRITISH.format("Prime Minister Rishi Sunak"), BRITISH.format("Downing Street")) == [
        ("speaker_changed", "low")
    ]
