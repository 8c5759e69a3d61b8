"""An age written "108-year olds", a span of months the original gives as a date, "the two" for things already
named: no new figure; a figure changed still is (facts15). The articles are invented for these tests."""

from __future__ import annotations

import pytest

from numbers13_context import findings_of


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "In 2008, almost 10,000 108-year olds cast ballots and just over 9,000 110-year olds voted in 2010.",
            "In 2008, nearly 10,000 voters said to be 108 years old cast ballots, and 9,000 aged 110 voted in 2010.",
        ),
        (
            "The ten banks have already paid dividends totalling about $1.8 billion over the last seven months.",
            "The ten banks have already paid dividends totalling $1.8 billion in just seven months.",
        ),
        (
            "Obama met Ayers in 1995, but his campaign said he has not spoken to him since Obama became a senator.",
            "Obama met Ayers in 1995, but his campaign said there has been no contact between the two since Obama "
            "became a senator.",
        ),
        (
            "Clinton was negotiating for the DNC while Ryan was looking out for the RNC and Lynch was the mediator.",
            "Lynch may have acted as a mediator between the two parties while Clinton and Ryan negotiated.",
        ),
    ],
)
def test_a_figure_the_original_gives_another_way_is_not_new(original: str, suspect: str) -> None:
    assert [f for f in findings_of(original, suspect, "number_changed") if f.severity != "low"] == []


@pytest.mark.parametrize(
    ("original", "suspect", "after"),
    [
        (
            "The council said 4,000 homes would be built on the site over the next ten years under the plan.",
            "The council said 6,000 homes would be built on the site over the next ten years under the plan.",
            "6,000",
        ),
        (
            "The ten banks have already paid dividends totalling about $1.8 billion over the last seven months.",
            "The ten banks have already paid dividends totalling $1.8 billion in just nine months.",
            "just nine months",
        ),
        (
            "The police arrested the suspects after a brief chase through the town centre on Friday night.",
            "The police arrested the three suspects after a brief chase through the town centre on Friday night.",
            "three",
        ),
    ],
)
def test_a_changed_or_new_figure_is_still_reported(original: str, suspect: str, after: str) -> None:
    found = findings_of(original, suspect, "number_changed")
    assert [f.after for f in found if f.severity in ("high", "medium")] == [after]
