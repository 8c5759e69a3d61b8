"""Real distortions in short rewrites that the cues14 exemptions had silenced (review fixcues): an allegation
stated as fact beside an "investigators said", a negation inside one word the rewrite drops ("not-guilty plea"
-> "guilty plea"), "not unexpected" -> "unexpected", "not yet" / "not alone" retold with a carrier word that
says nothing of it, a "not" added before new words in a sentence otherwise kept, and a modal after a say-verb
in a "before" clause. The regex for the modal's clause stays linear on a long run of conjunctions.

Each pair sits in a short article (the same sentences before and after) so the alignment is a real one.
"""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts import cues
from storytrace.finding import Finding

BEFORE = (
    "The city council voted on Tuesday to approve a new budget for the coming year. "
    "The budget raises spending on public schools by 4 percent. "
    "Mayor Helen Ortiz said the plan would protect core services. "
)
AFTER = " Council member Raj Patel voted against the plan, citing rising debt. The new budget takes effect in July."


def hedges(source: str, derived: str) -> list[tuple[str, str]]:
    report = compare(BEFORE + source + AFTER, BEFORE + derived + AFTER)
    found: list[Finding] = [f for f in report.findings if f.type == "hedge_changed"]
    return [(f.subtype, f.severity) for f in found]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("The man allegedly set the fire, investigators said.", "The man set the fire, investigators said."),
        (
            "The official is accused of taking bribes, the inquiry heard.",
            "The official took bribes, the inquiry heard.",
        ),
        (
            "The official allegedly took bribes, according to a probe by auditors.",
            "The official took bribes, according to a probe by auditors.",
        ),
    ],
)
def test_allegation_stated_as_fact_beside_its_source_is_reported(source: str, derived: str) -> None:
    assert hedges(source, derived) == [("allegation_as_fact", "high")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("He entered a not-guilty plea on Monday.", "He entered a guilty plea on Monday."),
        ("The clinic is run by a not-for-profit group.", "The clinic is run by a for-profit group."),
        ("It was a never-ending dispute over the land.", "It was an ending dispute over the land."),
        ("The loss was not unexpected, the coach said.", "The loss was unexpected, the coach said."),
        ("The timing was not coincidental, the lawyer said.", "The timing was coincidental, the lawyer said."),
        ("The state has not yet approved the plan.", "The state has approved the plan before the deadline."),
        ("Patel is not alone in opposing the plan.", "Patel is alone in opposing the plan, unlike many."),
        ("The company will hire 200 workers this year.", "The company will not add jobs this year."),
    ],
)
def test_negation_reversed_is_reported(source: str, derived: str) -> None:
    assert hedges(source, derived) == [("negation_flipped", "high")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("He entered a not-guilty plea on Monday.", "He entered a not-guilty plea in court on Monday."),
        ("Not unexpectedly, the coach praised the young team.", "The coach praised the young team."),
    ],
)
def test_negation_that_denies_nothing_stays_quiet(source: str, derived: str) -> None:
    assert [f for f in hedges(source, derived) if f[0] == "negation_flipped"] == []


def test_modal_after_a_say_verb_in_a_before_clause_is_a_hedge() -> None:
    assert hedges(
        "Before the vote officials said the bill could fail.", "Before the vote officials said the bill will fail."
    ) == [("certainty_increased", "medium")]


def test_modal_clause_regex_reads_a_long_run_of_conjunctions() -> None:
    # took seconds when the look-ahead re-read the rest of the sentence for each "if"; checked by result
    # (session 15: the clause word nearest the modal is judged, no look-ahead left to test on its own)
    text = "if " * 33000 + ", may"
    assert not cues._modal_in_clause(text, 0, len(text) - 3)
    text = "if " * 33000 + "may"
    assert cues._modal_in_clause(text, 0, len(text) - 3)
