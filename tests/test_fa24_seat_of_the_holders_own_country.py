"""A bare "Prime Minister Rishi Sunak said" retold as "Downing Street said" (helper fa24, issue 3 item a): the
office's seat speaking for its holder is at most a low speaker_changed when the original ties the holder to the
seat's country in his own sentence ("said Britain would ...") or names no other country at all (rev24a made a
story naming no country medium; rev25a restored low: a domestic story seldom names its own country); session 23 asked
for the surname in a headline, so a body-only British story was a high false alarm. Still high when the holder's
sentence speaks of another country first, when the story is another country's or when it names him with
another country ("of India").

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

FUEL = (
    "{} said on Tuesday that the government would cut fuel duty by 5p a litre for a year. The cut will cost the "
    "Treasury about 2.4 billion pounds, officials said. Motoring groups welcomed the move."
)
BRITAIN = (
    "{} said on Tuesday that Britain would not back any deal that left Ukraine's ports under blockade. The UK has "
    "sent 2.3 billion pounds in aid since the invasion, officials said. Talks resume next week in Istanbul."
)
TRADE = (
    "Britain and India agreed on Tuesday to cut tariffs on 300 goods. {} said India and Britain would sign a full "
    "trade deal by the end of the year. British officials said the UK would cut whisky duties. Talks resume in "
    "London next week."
)
TRADE_VAGUE = TRADE.replace("India and Britain would sign", "the two countries would sign")


def _speaker(story: str, speaker: str, seat: str) -> list[tuple[str | None, str]]:
    report = compare(story.format(speaker), story.format(seat), settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "attribution_changed"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (FUEL, "Prime Minister Rishi Sunak", "Downing Street"),
        (BRITAIN, "Prime Minister Rishi Sunak", "Downing Street"),
        (
            BRITAIN.replace("Britain would", "the United States would").replace("The UK", "The U.S."),
            "President Joe Biden",
            "The White House",
        ),
    ],
)
def test_the_seat_of_a_holder_tied_to_its_country_in_his_own_sentence_is_low(
    story: str, speaker: str, seat: str
) -> None:
    assert _speaker(story, speaker, seat) == [("speaker_changed", "low")]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (TRADE, "Prime Minister Narendra Modi", "Downing Street"),
        (TRADE_VAGUE, "Prime Minister Narendra Modi", "Downing Street"),
        (BRITAIN, "Prime Minister Narendra Modi of India", "Downing Street"),
        (FUEL, "Prime Minister Rishi Sunak", "The White House"),
        (FUEL, "Former Prime Minister Boris Johnson", "Downing Street"),
    ],
)
def test_a_holder_the_story_gives_another_country_or_another_seat_is_still_high(
    story: str, speaker: str, seat: str
) -> None:
    assert ("speaker_changed", "high") in _speaker(story, speaker, seat)
