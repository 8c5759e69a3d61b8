"""rev25a (LOW, rev24a split): "the U.S." closing a preposition's list of places ("from Mexico into Texas and the
U.S.") ends its clause before a new speaker, as "in the U.S." does; a list after "that" is the clause's subject
and stays whole."""

from __future__ import annotations

import pytest

from storytrace.text import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The drugs were smuggled from Mexico into Texas and the U.S. DEA agents said the network was run from "
            "Sinaloa.",
            "The drugs were smuggled from Mexico into Texas and the U.S.",
        ),
        (
            "The drugs were sold across Mexico, Canada and the U.S. DEA agents said the network was run from Sinaloa.",
            "The drugs were sold across Mexico, Canada and the U.S.",
        ),
    ],
)
def test_a_list_of_places_ending_in_the_us_splits_before_a_speaker(text: str, first: str) -> None:
    got = _sentences(text)
    assert len(got) == 2 and got[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "Analysts have warned for months that China and the U.S. SEC will tighten the rules.",
        "The drug was approved by Canada and the U.S. FDA in 2019 and is now sold in 40 countries.",
    ],
)
def test_a_list_after_that_or_by_stays_whole(text: str) -> None:
    assert _sentences(text) == [text]
