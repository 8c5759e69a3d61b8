"""Findings regressions the review rev25h found in this session's merges fixqa25f and fixrev25c (session 25,
helper fixrev25h), each beside its faithful (or really changed) counterpart:

- a clause appended to a copied sentence is an added clause, though it shares a topic with a clause of the
  linked sentence: that clause sits copied beside it, so it is not what the new clause restates (P1);
"""

from __future__ import annotations

import pytest

from storytrace import compare

PRE = "Officials gave an update on Wednesday afternoon. "
POST = " A further statement is expected next week. Local media reported long queues at the town hall."
MARCH = "Thousands marched through the capital on Sunday, and police said the protest was peaceful."
FACTORY = "The factory closed in March, and 300 workers lost their jobs."


def _kinds(source: str, derived: str) -> list[tuple[str, str | None, str]]:
    return [(f.type, f.subtype, f.severity) for f in compare(PRE + source + POST, PRE + derived + POST).findings]


# --- P1: a clause appended beside a copy of the linked sentence's clause -------------------------------------


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (MARCH, MARCH[:-1] + ", although several protesters were arrested."),
        (FACTORY, FACTORY[:-1] + ", but the factory will reopen under new owners."),
        (FACTORY, FACTORY[:-1] + ", and hundreds more workers will lose jobs at suppliers."),
    ],
)
def test_clause_appended_to_a_copy_is_an_added_clause(source: str, derived: str) -> None:
    assert ("claim_added", "clause", "medium") in _kinds(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the second clause retold, not copied: the linked clause is what it restates
        (MARCH, "Thousands marched through the capital on Sunday, and police described the demonstration as calm."),
        (MARCH, "Thousands of people marched through the capital on Sunday, in a protest police said was peaceful."),
        (FACTORY, "The factory closed in March, with 300 workers losing their jobs."),
    ],
)
def test_clause_retold_beside_a_copy_is_quiet(source: str, derived: str) -> None:
    assert _kinds(source, derived) == []
