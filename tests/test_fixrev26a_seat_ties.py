"""rev26a item 3 (helper fixrev26a): a story naming no country ties itself to the seat's country by its common
bodies too (the Federal Reserve, Senate Republicans, the Pentagon, the GOP; the Bank of England), so a faithful
"The White House said" for "President Joe Biden said" stays low. "Several states" ties a story to the United
States only when it names that country: a Nigerian story's states do not make Tinubu's words the White House's.
"Labour" and "MPs" alone tie no story to Britain (New Zealand has both). The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

US_SENATE = (
    "President Joe Biden said on Tuesday that the administration would forgive 10,000 dollars of student debt per "
    "borrower. Senate Republicans said they would try to block the plan. The Education Department will open "
    "applications in October."
)
US_FED = (
    "President Joe Biden said on Tuesday that inflation was easing and wages were rising faster than prices. "
    "The Federal Reserve raised interest rates again last week. Republicans blamed the administration's spending "
    "for high prices."
)
UK_BANK = (
    "Prime Minister Rishi Sunak said on Tuesday that inflation would halve by the end of the year. "
    "The Bank of England raised interest rates again last week. Labour said the plan was not working."
)
NIGERIA = (
    "LAGOS, March 14 (Reuters) -\n\nPresident Bola Tinubu said on Tuesday that the government would pay a new "
    "minimum wage from May. Governors of several states said they could not afford it. Unions called a strike "
    "for Thursday."
)
NEW_ZEALAND = (
    "Prime Minister Chris Hipkins said on Tuesday that the government would cut fuel taxes from April. "
    "Labour said the plan was fully funded. MPs will vote on the budget next week."
)


def _speaker_changes(text: str, who: str, seat: str) -> list[str]:
    report = compare(text, text.replace(who, seat), settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "speaker_changed"]


@pytest.mark.parametrize(
    ("text", "who", "seat"),
    [
        (US_SENATE, "President Joe Biden", "The White House"),
        (US_FED, "President Joe Biden", "The White House"),
        (UK_BANK, "Prime Minister Rishi Sunak", "Downing Street"),
    ],
)
def test_seat_for_its_holder_in_a_story_naming_the_countrys_bodies_is_low(text: str, who: str, seat: str) -> None:
    assert _speaker_changes(text, who, seat) == ["low"]


@pytest.mark.parametrize(
    ("text", "who", "seat"),
    [
        (NIGERIA, "President Bola Tinubu", "The White House"),
        (NEW_ZEALAND, "Prime Minister Chris Hipkins", "Downing Street"),
    ],
)
def test_states_or_labour_alone_tie_no_story_to_the_seat(text: str, who: str, seat: str) -> None:
    found = _speaker_changes(text, who, seat)
    assert found and "low" not in found
