"""A date blurred in a sentence that also gets a clause appended ("collapsed in November 2023, leaving 212
employees without jobs" -> "collapsed a couple of years ago, leaving ..., a shameful betrayal of ...") is still a
blurred date: the link is partial only for the added clause. A loose link whose vague word tells another thing
stays quiet, as does the same sentence with its date kept (qa27 P3)."""

from __future__ import annotations

import pytest

from storytrace import compare

SENTENCE = "Brightline Pay collapsed into administration in November 2023, leaving 212 employees without jobs."
COURT = (
    "Daniel Okafor, 47, is accused of fraud. Okafor's lawyer, Simon Reyes, said his client had acted in good faith "
    f"and had been let down by a finance team that failed to flag the problems. {SENTENCE} If convicted, Okafor "
    "faces up to 10 years in prison."
)


def _dates(derived_sentence: str) -> list[tuple[str, str | None, str | None]]:
    report = compare(COURT, COURT.replace(SENTENCE, derived_sentence))
    return [(f.subtype or "", f.before, f.after) for f in report.findings if f.type == "date_changed"]


@pytest.mark.parametrize(
    ("derived", "after"),
    [
        (
            "Brightline Pay collapsed into administration a couple of years ago, leaving 212 employees without "
            "jobs, a shameful betrayal of the ordinary workers who trusted him.",
            "a couple of years ago",
        ),
        (
            "Brightline Pay collapsed into administration some time ago, leaving 212 employees without jobs, in "
            "what critics called a disgraceful betrayal of loyal staff.",
            "some time ago",
        ),
        (
            "Brightline Pay collapsed into administration in 2023, leaving 212 employees without jobs, and many of "
            "those families are still struggling to pay their bills.",
            "in 2023",
        ),
    ],
)
def test_blur_beside_an_added_clause_is_reported(derived: str, after: str) -> None:
    assert _dates(derived) == [("blurred", "in November 2023", after)]


@pytest.mark.parametrize(
    "derived",
    [
        "Brightline Pay collapsed into administration in November 2023, leaving 212 employees without jobs, a "
        "shameful betrayal of the ordinary workers who trusted him.",
        "Brightline Pay collapsed recently, and its founder has since launched a new venture in Dubai while former "
        "staff wait for their wages.",
    ],
)
def test_date_kept_or_loose_link_is_quiet(derived: str) -> None:
    assert _dates(derived) == []


def _dated(derived_sentence: str, published: str) -> list[tuple[str, str | None, str | None]]:
    from storytrace import Article

    source = Article(text=COURT, published="2024-03-10T08:00:00+00:00")
    derived = Article(text=COURT.replace(SENTENCE, derived_sentence), published=published)
    return [(f.subtype or "", f.before, f.after) for f in compare(source, derived).findings if f.type == "date_changed"]


def test_a_roughly_counted_relative_date_in_a_dated_story_is_blurred() -> None:
    derived = (
        "Brightline Pay collapsed into administration a few months ago, leaving 212 employees without jobs, a "
        "shameful betrayal of the ordinary workers who trusted him."
    )
    assert _dated(derived, "2024-03-11T04:00:00+00:00") == [("blurred", "in November 2023", "a few months ago")]


def test_a_correct_relative_date_in_a_dated_story_is_quiet() -> None:
    derived = "Brightline Pay collapsed into administration last November, leaving 212 employees without jobs."
    assert _dated(derived, "2024-03-11T04:00:00+00:00") == []
