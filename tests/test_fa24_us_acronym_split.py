"""Sentences around "U.S." before an acronym (helper fa24, issue 3 item d). nupunkt keeps "U.S." with the acronym
after it whatever follows, so "Most of the guns were bought in the U.S. FBI agents said they were traced to
Texas." was one sentence where the same report written "... in the U.S. The FBI said ..." is two: the rewrite's
sentences no longer matched the original's. Now a clause ending in "the U.S." followed by a body that speaks or
acts ("FBI agents said", "FDA officials said") is two sentences, and "approved by the U.S. | FDA in 2019", which
nupunkt split, is one again. Still one: "filed with the U.S. SEC on Monday", "The U.S. FBI agents said ...".

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace.text import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Most of the guns were bought in the U.S. FBI agents said they were traced to three dealers in Texas.",
            "Most of the guns were bought in the U.S.",
        ),
        (
            "The suspect had been living in the U.S. FBI agents arrested him in Toronto on Friday.",
            "The suspect had been living in the U.S.",
        ),
        (
            "The drug is already sold in Europe but not in the U.S. FDA officials said they would decide by March.",
            "The drug is already sold in Europe but not in the U.S.",
        ),
    ],
)
def test_a_clause_ending_in_the_us_before_a_body_that_speaks_is_two_sentences(text: str, first: str) -> None:
    assert _sentences(text) == [first, text[len(first) + 1 :]]


@pytest.mark.parametrize(
    "text",
    [
        "The drug was approved by the U.S. FDA in 2019 for adults with severe asthma.",
        "The company has filed with the U.S. SEC on Monday to list its shares in New York.",
        "The U.S. FBI agents said the ring had operated from Canada since 2019.",
        "Officials at the U.S. EPA said the rule would be delayed until next year.",
    ],
)
def test_the_us_before_a_bodys_acronym_in_one_sentence_stays_one(text: str) -> None:
    assert _sentences(text) == [text]
