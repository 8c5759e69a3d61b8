"""Findings problems from the media-researcher QA pass qa25 (session 25, helper fixqa25f), each beside the
faithful (or the really changed) counterpart:

- a double negation restated plainly ("no worker would be laid off without an offer of retraining" ->
  "every worker would be offered retraining before any layoffs") is no negation flipped (P2);
- "by the end of the year", a target ahead, is the story's year: told "by the end of 2027" in a story of 2026 it
  is a changed date, told "by the end of 2026" or "later this year" it is the same (P4);
"""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.facts.dates import extract_dates

PORT = (
    "Meridian Terminals said in a statement that the automation would cost $310 million and that {claim}.\n"
    "The port handled 1.8 million containers last year.\n"
)
DOUBLE_NEGATION = "no worker would be laid off without an offer of retraining"


def _kinds(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    return [(f.type, f.subtype, f.severity) for f in compare(source, derived).findings]


# --- P2: a double negation restated positively ---------------------------------------------------------------


@pytest.mark.parametrize("reverse", [False, True])
def test_double_negation_told_positively_is_quiet(reverse: bool) -> None:
    derived = (
        "In a statement, Meridian Terminals said the automation project would cost $310 million and insisted that "
        "every worker would be offered retraining before any layoffs.\n"
        "The port handled 1.8 million containers last year.\n"
    )
    source = PORT.format(claim=DOUBLE_NEGATION)
    pair = (derived, source) if reverse else (source, derived)
    assert ("hedge_changed", "negation_flipped", "high") not in _kinds(*pair)


@pytest.mark.parametrize(
    "claim",
    [
        # the "no" dropped, the "without" kept: layoffs with no offer
        "workers would be laid off without an offer of retraining",
        # the "without" dropped too, with what it governed: every worker laid off
        "every worker would be laid off",
    ],
)
def test_double_negation_with_one_negation_dropped_is_a_flip(claim: str) -> None:
    found = _kinds(PORT.format(claim=DOUBLE_NEGATION), PORT.format(claim=claim))
    assert ("hedge_changed", "negation_flipped", "high") in found


# --- P4: "by the end of the year" is the story's year ----------------------------------------------------------

LEAKS = (
    "Vallis Water said it was fixing about 180 leaks a week and expected to reduce losses from its pipes by 15% "
    "{when}.\nThe ban applies to about 1.2 million households in the region.\n"
)


def _dates(source: str, derived: str, published: str = "2026-03-11") -> list[tuple[str | None, str]]:
    report = compare(Article(source, published=published), Article(derived, published=published))
    return [(f.subtype, f.severity) for f in report.findings if f.type == "date_changed"]


@pytest.mark.parametrize("reverse", [False, True])
def test_end_of_the_year_told_as_another_year_is_changed(reverse: bool) -> None:
    pair = (LEAKS.format(when="by the end of the year"), LEAKS.format(when="by the end of 2027"))
    assert _dates(*(pair[::-1] if reverse else pair)) == [("changed", "high")]


@pytest.mark.parametrize("when", ["by the end of 2026", "later this year", "this year", "by year-end"])
def test_end_of_the_year_told_as_the_same_year_is_quiet(when: str) -> None:
    assert _dates(LEAKS.format(when="by the end of the year"), LEAKS.format(when=when)) == []


@pytest.mark.parametrize(
    "text",
    [
        # "the year" points back to the year the sentence before names
        "Sales at the chain fell by a third in 2019. The firm said it would close 30 shops by the end of the year.",
        # a past event, no target: the year it happened, not the story's
        "The coach joined the club in January and left at the end of the year, the club said.",
    ],
)
def test_end_of_the_year_read_only_as_a_target_with_no_year_named_before(text: str) -> None:
    assert not [m for m in extract_dates(text) if "end of the year" in m.text]


def test_past_end_of_the_year_told_with_its_year_is_quiet() -> None:
    story = "The coach joined the club in January and left at the end of the year, the club said.\nHe coaches in Spain.\n"
    assert _dates(story, story.replace("at the end of the year", "at the end of 2025")) == []
