"""Findings problems from the media-researcher QA pass qa25 (session 25, helper fixqa25f), each beside the
faithful (or the really changed) counterpart:

- a double negation restated plainly ("no worker would be laid off without an offer of retraining" ->
  "every worker would be offered retraining before any layoffs") is no negation flipped (P2);
- "by the end of the year", a target ahead, is the story's year: told "by the end of 2027" in a story of 2026 it
  is a changed date, told "by the end of 2026" or "later this year" it is the same (P4);
- a clause restating a clause of its linked sentence in new words ("and said negotiations could restart on
  Friday" for "and that talks could resume on Thursday") is no added clause, and its changed day is told (P3);
- a demand appended to a copied sentence (", and the government must act now") is an added clause, though
  short; one the original makes is not (P5).
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
    story = (
        "The coach joined the club in January and left at the end of the year, the club said.\nHe coaches in Spain.\n"
    )
    assert _dates(story, story.replace("at the end of the year", "at the end of 2025")) == []


# --- P3: a clause restating the linked sentence's clause ------------------------------------------------------

TALKS = "Peter Lindqvist said the strike was regrettable and that talks could resume on Thursday.\n{rest}"
REST = "The port handled 1.8 million containers last year.\n"


def test_clause_retold_with_another_day_is_a_changed_date_not_an_added_clause() -> None:
    derived = "Peter Lindqvist called the walkout regrettable and said negotiations could restart on {day}.\n" + REST
    changed = compare(TALKS.format(rest=REST), derived.format(day="Friday")).findings
    assert [(f.type, f.subtype, f.before, f.after) for f in changed if f.type == "date_changed"] == [
        ("date_changed", "changed", "on Thursday", "on Friday")
    ]
    assert not [f for f in changed if f.subtype == "clause"]
    assert compare(TALKS.format(rest=REST), derived.format(day="Thursday")).findings == ()


def test_clause_the_original_does_not_say_is_still_added() -> None:
    derived = "Peter Lindqvist said the strike was regrettable and that shareholders would sue the union.\n" + REST
    found = _kinds(TALKS.format(rest=REST), derived)
    assert ("claim_added", "clause", "medium") in found


# --- P5: a demand appended to a copied sentence --------------------------------------------------------------

REVOLT = "This is clearly just the beginning of a nationwide revolt against automation"
DOCKS = (
    "About 3,000 dockworkers at the Port of Greymouth walked off the job on Tuesday over a plan to automate two "
    "of its five berths.\n{said}\n{revolt}.\n"
)
RUIZ = "Transport Minister Helena Ruiz urged both sides to return to the table."


def test_demand_appended_to_a_copied_sentence_is_an_added_clause() -> None:
    source = DOCKS.format(said=RUIZ, revolt=REVOLT)
    derived = DOCKS.format(said=RUIZ, revolt=REVOLT + ", and the government must act now")
    found = [f for f in compare(source, derived).findings if f.type == "claim_added"]
    assert [(f.subtype, f.severity, f.after) for f in found] == [
        ("clause", "medium", "and the government must act now")
    ]


@pytest.mark.parametrize(
    ("said", "source_ends", "derived_ends"),
    [
        # the original makes the demand itself, in another sentence
        (
            "Transport Minister Helena Ruiz said the government must act now to end the stoppage.",
            "",
            ", and the government must act now",
        ),
        # the linked sentence makes it, the copy says it in other words
        (RUIZ, ", and the government must act now", ", and the government has to act now"),
    ],
)
def test_demand_the_original_makes_is_quiet(said: str, source_ends: str, derived_ends: str) -> None:
    source = DOCKS.format(said=said, revolt=REVOLT + source_ends)
    derived = DOCKS.format(said=said, revolt=REVOLT + derived_ends)
    assert [f for f in compare(source, derived).findings if f.type == "claim_added"] == []
