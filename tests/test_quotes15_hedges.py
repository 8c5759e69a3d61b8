"""False-alarm patterns of hedge_changed on SheepDog rewrites (session 15, seed 15), each with a control that
must stay reported."""

from __future__ import annotations

import pytest

from test_quotes15_findings import _subtypes

FLIP = ("hedge_changed", "negation_flipped")
SURER = ("hedge_changed", "certainty_increased")

QUIET = [
    (  # "we must not forget that X" asserts X
        "The city continues to face pressing budget problems from its pension programmes.",
        "We must not forget that the city continues to face pressing budget problems from its pension programmes.",
        FLIP,
    ),
    (  # scraped text without apostrophes: "isnt" is a negation too
        "The mayors office isnt commenting on the dispute but the governor has called for a new vote.",
        "The mayor's office has chosen not to comment on the dispute, but the governor has called for a new vote.",
        FLIP,
    ),
    (  # "too important to be sold" says it should not be
        "Our transit system is too important to be sold off to the highest bidder, the mayor said.",
        "Our transit system should not be sold off to the highest bidder, the mayor said.",
        FLIP,
    ),
    (  # the "might" is the reader's guess
        "It was a deeply partisan plan, which you might have guessed from its opening line.",
        "It was a deeply partisan plan, as was clear from its opening line.",
        SURER,
    ),
    (  # a question keeps the doubt
        "The city is open to new riders, but perhaps it does not want riders who cannot pay their fares.",
        "The city welcomes new riders, but should it really take riders who cannot pay their fares?",
        SURER,
    ),
    (  # someone raising concerns keeps the doubt
        "But could rising fuel prices and a strike kill the recovery of the transit scheme?",
        "The report also raised concerns about the impact of rising fuel prices and a strike on the recovery "
        "of the transit scheme.",
        SURER,
    ),
    (  # a schedule for an expectation
        "The new depot is expected to open in September, officials said.",
        "The new depot is set to open in September, officials said.",
        SURER,
    ),
    (  # unnamed sources keep a report a report
        "The mayor's favourite route is reportedly the number 9 bus to the harbour.",
        "Sources close to the mayor reveal his favourite route is the number 9 bus to the harbour.",
        ("hedge_changed", "allegation_as_fact"),
    ),
    (  # the "investigation into" is the original's own words
        "The treasurer certainly could face an investigation into his handling of the transit fund.",
        "The treasurer could potentially face an investigation into his handling of the transit fund.",
        ("hedge_changed", "confirmation_weakened"),
    ),
]

REPORTED = [
    (
        "The mayor's office is commenting on the dispute and the governor has called for a new vote.",
        "The mayor's office is not commenting on the dispute and the governor has called for a new vote.",
        FLIP,
    ),
    (
        "The new depot may open in September, officials said.",
        "The new depot will open in September, officials said.",
        SURER,
    ),
    (
        "The mayor's favourite route is reportedly the number 9 bus to the harbour.",
        "The mayor's favourite route is the number 9 bus to the harbour.",
        ("hedge_changed", "allegation_as_fact"),
    ),
]


@pytest.mark.parametrize(("orig", "suspect", "finding"), QUIET)
def test_quiet(orig: str, suspect: str, finding: tuple[str, str]) -> None:
    assert finding not in _subtypes(orig, suspect)


@pytest.mark.parametrize(("orig", "suspect", "finding"), REPORTED)
def test_still_reported(orig: str, suspect: str, finding: tuple[str, str]) -> None:
    assert finding in _subtypes(orig, suspect)
