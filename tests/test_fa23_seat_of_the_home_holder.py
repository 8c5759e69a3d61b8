"""A bare "Prime Minister Rishi Sunak said" retold as "Downing Street said" in a British story (helper fa23): the
seat of the office its own country's holder holds, speaking for him, is a low speaker_changed as "British Prime
Minister Rishi Sunak" -> "Downing Street" already was (session 22). Likewise a bare "President Joe Biden" ->
"the White House" in an American story, "President Emmanuel Macron" -> "the Elysee" in a French one and
"Chancellor Olaf Scholz" -> "the Chancellery" in a German one. Still high: another seat, another office, a
former or vice holder, a visiting leader, a leader of a story of another country, a bare title the story gives
two people, a bare title beside the seat's country's holder named with the country, and a holder the story
names with another country.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.entities import story_country
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

TAIL = " Grain prices fell 3% after the announcement, traders said. The talks will resume next week in Istanbul."


def _story(headline: str, dateline: str, country: str, aid: str, people: str) -> str:
    return (
        f"{headline}\n\n{dateline}, March 14 (2023) -\n\n{{}} said on Tuesday that {country} would not back any deal "
        f"that left Ukraine's ports under blockade. {aid} since the invasion, and {people} officials said more would "
        "follow." + TAIL
    )


UK = _story("Sunak rules out grain deal", "LONDON", "Britain", "The UK has sent 2.3 billion pounds", "British")
US = _story(
    "Biden rules out grain deal", "WASHINGTON", "the United States", "The U.S. has sent 40 billion dollars", "American"
)
FRANCE = _story("Macron rules out grain deal", "PARIS", "France", "France has sent 1.7 billion euros", "French")
GERMANY = _story("Scholz rules out grain deal", "BERLIN", "Germany", "Germany has sent 2.4 billion euros", "German")
VISIT = (
    "Modi pushes trade deal\n\nLONDON, March 14 (2023) -\n\n{} said on Tuesday that India and Britain would sign a "
    "trade deal by the end of the year. Modi, on a three-day visit to Britain, met business leaders in London, and "
    "British officials said talks were close." + TAIL
)
INDIA = (
    "Modi pushes trade deal\n\nNEW DELHI, March 14 (2023) -\n\n{} said on Tuesday that India would sign a trade deal "
    "with Britain by the end of the year. India has cut tariffs on 300 goods, and Indian officials said talks with "
    "the UK were close." + TAIL
)
BESIDE = (
    "Sunak and Modi\n\nLONDON, March 14 (2023) -\n\n{} said on Tuesday that the two countries would sign a trade "
    "deal. British Prime Minister Rishi Sunak said talks with India were close, and British officials said the UK "
    "would cut tariffs." + TAIL
)
GUEST = (
    "Zelensky in Washington\n\nWASHINGTON, March 14 (2023) -\n\nUkrainian President Volodymyr Zelensky arrived on "
    "Tuesday for talks. {} said that the United States would not back any deal that left the ports under blockade. "
    "The U.S. has sent 40 billion dollars in aid since the invasion, and American officials said more would follow."
    + TAIL
)
TWO = (
    "Leaders meet\n\nWASHINGTON, March 14 (2023) -\n\n{} said on Tuesday that the United States would not back any "
    "deal that left the ports under blockade. President Volodymyr Zelensky thanked the U.S. for 40 billion dollars "
    "in aid, and American officials said more would follow." + TAIL
)


def _speaker(story: str, speaker: str, seat: str) -> list[tuple[str | None, str]]:
    report = compare(story.format(speaker), story.format(seat), settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (UK, "Prime Minister Rishi Sunak", "Downing Street"),
        (US, "President Joe Biden", "The White House"),
        (FRANCE, "President Emmanuel Macron", "The Elysee"),
        (GERMANY, "Chancellor Olaf Scholz", "The Chancellery"),
        (
            "Biden on grain\n\nWASHINGTON, March 14 (2023) -\n\nU.S. President Joe Biden spoke on Tuesday. {} said "
            "that the United States would not back any deal that left the ports under blockade. The U.S. has sent 40 "
            "billion dollars in aid." + TAIL,
            "President Joe Biden",
            "The White House",
        ),
    ],
)
def test_the_seat_of_the_storys_own_bare_titled_holder_is_low(story: str, speaker: str, seat: str) -> None:
    assert _speaker(story, speaker, seat) == [("speaker_changed", "low")]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (UK, "Prime Minister Rishi Sunak", "The White House"),
        (UK, "Prime Minister Rishi Sunak", "The Kremlin"),
        (UK, "Chancellor Jeremy Hunt", "Downing Street"),
        (UK, "Former Prime Minister Boris Johnson", "Downing Street"),
        (US, "Vice President Kamala Harris", "The White House"),
        (VISIT, "Prime Minister Narendra Modi", "Downing Street"),
        (INDIA, "Prime Minister Narendra Modi", "Downing Street"),
        (BESIDE, "Prime Minister Narendra Modi", "Downing Street"),
        (GUEST, "President Volodymyr Zelensky", "The White House"),
        (TWO, "President Joe Biden", "The White House"),
    ],
)
def test_a_bare_title_the_story_does_not_give_the_seats_country_is_still_another_speaker(
    story: str, speaker: str, seat: str
) -> None:
    assert ("speaker_changed", "high") in _speaker(story, speaker, seat)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Britain said the UK would act. Ukraine disagreed.", "United Kingdom"),
        ("Britain said it would act. Ukraine disagreed.", None),  # once each: no country leads
        ("Officials in Washington said the U.S. would act.", "United States"),  # Washington, D.C. is no rival
        ("The Kremlin said Russia would act. The U.S. disagreed.", "Russia"),
        ("The talks ended.", None),
    ],
)
def test_the_story_country_is_the_one_named_most(text: str, country: str | None) -> None:
    assert story_country(text) == country
