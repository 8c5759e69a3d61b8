"""Session 23 follow-up (rev23i 2, 4): a title-case deck right under the headline that opens with "By" and a time, or
whose "outlet" words hold a verb, is the story's ("By Sunday Night, Officials Ordered Evacuations"), not a byline;
and the under-headline rule holds under the headline only, not under a mid-story subhead."""

from __future__ import annotations

import pytest

from test_ing23_byline_under_headline import HEADLINE, LEAD, MORE, UNKNOWN_OUTLETS, _sentences

DECKS = [
    "By Sunday Night, Officials Ordered Evacuations",
    "By Next Year, Prices Will Double",
    "By Late Tuesday, Two Towns Lay Underwater",
    "BY SUNDAY NIGHT, OFFICIALS ORDERED EVACUATIONS",
    "By Early Monday, Crews Restored Power To 40,000 Homes",
    "By Mid-Morning, Floodwaters Reached Main Street",
]


@pytest.mark.parametrize("deck", DECKS)
def test_a_deck_under_the_headline_is_story(deck: str) -> None:
    sentences = _sentences(f"{HEADLINE}\n\n{deck}\n\n{LEAD}\n\n{MORE}")
    assert sentences[:2] == [(HEADLINE, False), (deck, False)]
    assert not any(boilerplate for _, boilerplate in sentences)


@pytest.mark.parametrize("byline", UNKNOWN_OUTLETS)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_the_same_shape_under_a_mid_story_subhead_is_story(byline: str, gap: str) -> None:
    subhead = "What Happens Next"
    text = f"{HEADLINE}\n\n{LEAD}\n\n{subhead}{gap}{byline}\n\n{MORE}"
    assert not any(boilerplate for _, boilerplate in _sentences(text))


def test_a_mid_story_deck_under_a_subhead_is_story() -> None:
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\nWhat Happens Next\nBy Late Summer, Crews Will Rebuild Bridges.\n"
        "The council said the work would take two years.\n\n" + MORE
    )
    assert not any(boilerplate for _, boilerplate in _sentences(text))
