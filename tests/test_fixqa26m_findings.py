"""Misses from user QA qa26 (helper fixqa26m), each beside the faithful retelling that must stay quiet:

- P1: a plan with an end date told as done ("plans to close its bakery by the end of 2026" -> "has closed"), with
  both publication dates known: the date reader takes "of 2026" as the mention, so "by the end" before it is
  still a deadline that does not date the step.

Each rule is tried on a few wordings a rewriter might use (tense, word order, voice), not one string.
"""

from __future__ import annotations

import pytest

from storytrace import Article, compare

PRE = "Norland Foods reported higher full-year profit on Thursday. "
POST = " Unions said they would seek talks with management. Analysts had forecast a smaller rise."


def _findings(
    source: str, derived: str, published: str | None = None, suspect_published: str | None = None
) -> list[tuple[str, str | None, str, str]]:
    """(type, subtype, severity, detail) of the medium and high findings for a sentence told in a small story."""
    report = compare(
        Article(text=PRE + source + POST, id="o", published=published),
        Article(text=PRE + derived + POST, id="s", published=suspect_published or published),
    )
    return [(f.type, f.subtype, f.severity, f.detail) for f in report.findings if f.severity in ("medium", "high")]


def _typed(found: list[tuple[str, str | None, str, str]], kind: str) -> list[tuple[str, str | None, str, str]]:
    return [f for f in found if f[0] == kind]


# --- P1: a plan with an end date told as done ---------------------------------------------------------------

PLAN = "The company plans to close its bakery in Drammen by the end of 2026, a move that will affect 140 jobs."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (PLAN, PLAN.replace("plans to close", "has closed")),
        (PLAN, "The company closed its bakery in Drammen, a move that will affect 140 jobs."),
        (
            "The company intends to shut its Drammen bakery before the end of 2026, affecting 140 jobs.",
            "The company has shut its Drammen bakery, affecting 140 jobs.",
        ),
        (
            "The company plans to close its bakery in Drammen by end of 2026, a move that will affect 140 jobs.",
            "Its bakery in Drammen has been closed by the company, a move that will affect 140 jobs.",
        ),
    ],
)
def test_plan_with_end_date_told_as_done(source: str, derived: str) -> None:
    (found,) = _typed(_findings(source, derived, "2026-02-05", "2026-02-06"), "hedge_changed")
    assert found[1:3] == ("certainty_increased", "medium")


@pytest.mark.parametrize(
    "derived",
    [
        "The company intends to shut its bakery in Drammen before the end of 2026, a move that will affect 140 jobs.",
        "By the end of 2026 the company plans to have closed its bakery in Drammen, a move that will affect 140 jobs.",
        "The company will close its bakery in Drammen by the end of 2026 under its plan, affecting 140 jobs.",
    ],
)
def test_plan_with_end_date_kept_stays_quiet(derived: str) -> None:
    assert not _typed(_findings(PLAN, derived, "2026-02-05", "2026-02-06"), "hedge_changed")


def test_plan_with_end_date_reported_done_much_later_stays_quiet() -> None:
    # a report a month on may tell the plan carried out: news, not a firmer retelling
    derived = PLAN.replace("plans to close", "has closed")
    assert not _typed(_findings(PLAN, derived, "2026-02-05", "2026-03-20"), "hedge_changed")
