"""A change and the level it reached told as one ("operating profit rose 14% to 1.92 billion crowns") from the
original's two sentences about the same measure ("a 14% rise in fourth-quarter operating profit", "Operating
profit rose to 1.92 billion") joins no figure into another's fact; the same words about another measure, or
another measure's change, still do (qa27 P10)."""

from __future__ import annotations

import pytest

from storytrace import compare

ORIGINAL = """OSLO, March 10 (Meridian Wire) - Halvorsen Foods reported a 14% rise in fourth-quarter operating profit \
on Tuesday, beating analyst forecasts as price increases on its frozen fish products offset higher energy costs.

Operating profit rose to 1.92 billion Norwegian crowns ($181 million) in the October-December period, from 1.68 \
billion a year earlier.

Analysts polled by the company had on average expected 1.75 billion crowns.

Revenue grew 6% to 14.3 billion crowns, helped by strong demand in Germany and Poland.

"We have passed on most of the cost increases without losing volume, which shows the strength of our brands," \
chief executive Ingrid Solberg told reporters.

The company proposed a dividend of 4.50 crowns per share, up from 3.80 crowns last year.

Halvorsen also said it plans to close its Bergen packaging plant by the end of the year, affecting about 140 \
workers.

Shares in Halvorsen rose 5.2% in early trading in Oslo, making them the best performer on the benchmark index."""
SUMMARY = """Norwegian seafood group Halvorsen Foods said fourth-quarter operating profit rose 14% to 1.92 billion \
crowns, ahead of the 1.75 billion analysts had expected, as higher prices for frozen fish made up for rising \
energy bills.

Revenue was up 6% at 14.3 billion crowns and the board proposed a dividend of 4.50 crowns per share.

The company also plans to shut its Bergen packaging plant by the end of the year, affecting about 140 jobs.

Its shares gained 5.2% in Oslo."""
LEAD = "Norwegian seafood group Halvorsen Foods said fourth-quarter operating profit rose 14% to 1.92 billion crowns"


def _recombined(derived: str) -> list[str | None]:
    return [f.after for f in compare(ORIGINAL, derived).findings if f.subtype == "recombined" and f.severity != "low"]


@pytest.mark.parametrize(
    "lead",
    [
        LEAD,
        "Halvorsen Foods said its fourth-quarter operating profit climbed 14% to 1.92 billion crowns",
    ],
)
def test_change_and_level_of_one_measure_is_no_recombination(lead: str) -> None:
    assert _recombined(SUMMARY.replace(LEAD, lead)) == []


@pytest.mark.parametrize(
    ("lead", "joined"),
    [
        (
            "Norwegian seafood group Halvorsen Foods said fourth-quarter operating profit rose 14% to 14.3 billion "
            "crowns",
            "14% to 14.3",
        ),
        (
            "Norwegian seafood group Halvorsen Foods said fourth-quarter operating profit rose 6% to 1.92 billion "
            "crowns",
            "rose 6% to 1.92",
        ),
    ],
)
def test_another_measure_joined_is_still_recombined(lead: str, joined: str) -> None:
    assert _recombined(SUMMARY.replace(LEAD, lead)) == [joined]
