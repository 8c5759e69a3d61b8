"""fixrev27d (rev27d review of fq27b's places and "nearly" rounding).

1. After an opening "In <city>, " a country followed by a relative clause, a source ("according to") or a long
   apposition is the clause's subject, as is a country the original tells of apart from the city: no "place
   moved". A country the original never names ("In Malmo, Norway, police said") is still the city's place.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
_PRE = "Emergency crews worked through the night after the storm, officials said. "
_POST = " Schools in the region will stay closed on Tuesday. Forecasters expect calmer weather later in the week."


def _findings(original: str, suspect: str, kind: str | None = "entity_changed") -> list[str]:
    report = compare(
        Article(text=_PRE + original + _POST, id="o"), Article(text=_PRE + suspect + _POST, id="s"), settings=LEXICAL
    )
    return [
        f"{f.severity} {f.subtype}: {f.detail}"
        for f in report.findings
        if f.severity in ("high", "medium") and (kind is None or f.type == kind)
    ]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Argentina, which won the World Cup on penalties, celebrated in Doha on Sunday.",
            "In Doha, Argentina, which won the World Cup on penalties, celebrated on Sunday.",
        ),
        (
            "Argentina, the reigning South American champions, beat France in Doha on Sunday.",
            "In Doha, Argentina, the reigning South American champions, beat France on Sunday.",
        ),
        (
            "Iran demanded that sanctions be lifted first, two Western diplomats said, at talks in Vienna.",
            "In Vienna, Iran, according to two Western diplomats, demanded that sanctions be lifted first.",
        ),
        (
            "Russia, whose delegation arrived late, rejected the proposal at talks in Geneva.",
            "In Geneva, Russia, whose delegation arrived late on Monday, rejected the proposal.",
        ),
    ],
)
def test_a_subject_country_after_an_opening_city_is_no_place_moved(original: str, suspect: str) -> None:
    assert not [f for f in _findings(original, suspect) if "place moved" in f]


def test_an_aside_alone_makes_the_country_the_subject() -> None:
    # the original never names Hungary: only the relative clause tells it is the subject
    original = "The country holding the rotating EU presidency blocked the package at a meeting in Brussels."
    suspect = "In Brussels, Hungary, which holds the rotating EU presidency, blocked the package."
    assert not [f for f in _findings(original, suspect) if "place moved" in f]


def test_a_country_the_original_never_names_is_still_the_city_s_place() -> None:
    found = _findings("In Malmo, police said two men were arrested.", "In Malmo, Norway, police said two men were arrested.")
    assert [f for f in found if f.startswith("medium place: place moved")]
