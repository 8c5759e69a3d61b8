"""A plan or a promise told as done (facts/cues.py ``_planned_as_done``): a passive past ("the library was
closed"), a past whose form is the bare verb ("the city shut"), a promise in reported speech ("said it would
release" -> "has released"), and a word that only looks like "plan" ("plant"). Faithful rewrites that keep the
plan, put the step to come or under way stay quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

_LEXICAL = Settings(use_embeddings=False)
_LIBRARY = "The city plans to close the Elm Street library next year to save money, the mayor said on Monday."
_SHUT = "The city plans to shut the Elm Street library next year, the mayor said."
_JOBS = "Acme plans to cut 500 jobs at its Ohio plant, a spokeswoman said on Monday."
_FUNDS = "The government said it would release 15 million euros in emergency funds."


def _done(source: str, derived: str) -> list[str]:
    report = compare(source, derived, settings=_LEXICAL)
    return [f.severity for f in report.findings if f.type == "hedge_changed" and f.subtype == "certainty_increased"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_LIBRARY, "The Elm Street library was closed to save money, the mayor said on Monday."),
        (_LIBRARY, "The Elm Street library has been closed to save money, the mayor said on Monday."),
        (_LIBRARY, "The mayor said on Monday that the Elm Street library was closed to save money."),
        (_SHUT, "The mayor said the city shut the Elm Street library."),
        (_JOBS, "Acme has cut 500 jobs at its Ohio plant, a spokeswoman said on Monday."),
        (_JOBS, "Acme said it cut 500 jobs at its Ohio plant, a spokeswoman said on Monday."),
        (_FUNDS, "The government has released 15 million euros in emergency funds."),
    ],
)
def test_plan_or_promise_told_as_done_is_medium(source: str, derived: str) -> None:
    assert "medium" in _done(source, derived)


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_LIBRARY, "The Elm Street library is being closed to save money, the mayor said on Monday."),
        (_LIBRARY, "The Elm Street library is to be closed next year to save money, the mayor said on Monday."),
        (_LIBRARY, "To save money, the Elm Street library will be closed next year, the mayor said on Monday."),
        (_SHUT, "The mayor said the city would shut the Elm Street library next year."),
        (_SHUT, "The city will shut the Elm Street library next year, the mayor said."),
        (_JOBS, "Acme intends to cut 500 jobs at its Ohio plant, a spokeswoman said on Monday."),
        (_JOBS, "A spokeswoman said on Monday that Acme aims to cut 500 jobs at its Ohio plant."),
        (_FUNDS, "The government promised to release 15 million euros in emergency funds."),
        (_FUNDS, "The government said it will release 15 million euros in emergency funds."),
        (_FUNDS, "The government announced the release of 15 million euros in emergency funds."),
        (
            "Acme, which closed its Hull plant last year, plans to close its Leeds factory, the company said.",
            "Having closed its Hull plant last year, Acme will close its Leeds factory, the company said.",
        ),
    ],
)
def test_plan_kept_or_to_come_is_not_medium(source: str, derived: str) -> None:
    assert "medium" not in _done(source, derived)
