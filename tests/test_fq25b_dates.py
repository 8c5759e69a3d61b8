"""Dates a rewrite got wrong that the check missed (user QA qa24b, fact-checker persona), each beside the
faithful wording that must stay quiet:

- "last week" is the calendar week before the story's, not the days up to the story (it took in the
  original's other date, "on Wednesday", and hid the spill's "on March 3" told as "last week");
- a date of a link is paired with the source date whose words it stands among ("overflowed ... on March 3");
- "last year" in a detail names the year it means ("2025"), not the loose stretch it is judged by;
- two weekday names are two days ("on Monday" -> "on Tuesday"), and a date kept verbatim in another sentence
  ("from Monday to Thursday") is that sentence's own, not the moved one;
- a relative day apart from the original's only by the day of slack between two stamps is told, medium;
- a year named outright told as "last year" with no date for the suspect is a blur.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storytrace import Article, compare
from storytrace.align import align
from storytrace.facts.dates import date_findings, extract_dates, resolve
from storytrace.finding import Finding
from storytrace.text import analyse


def check(
    source: str, derived: str, source_published: str | None = None, derived_published: str | None = None
) -> list[Finding]:
    """date_changed findings for a pair, aligned lexically (no model: fast and deterministic)."""
    alignment = align(
        analyse(Article(source, published=source_published)),
        analyse(Article(derived, published=derived_published)),
        embed=None,
    )
    return date_findings(alignment)


# --- "last week": the week before the story's --------------------------------------------------------------

SPILL = (
    "The Ministry of Environment on Wednesday fined Tarrow Lithium 4.2 million euros after a tailings pond at its "
    "Corvin mine overflowed into the Sella river on March 3."
)


def test_last_week_is_the_calendar_week_before() -> None:
    (m,) = extract_dates("It happened last week.")
    # Thursday March 19, 2026: the week before runs Monday 9 to Sunday 15 (Sunday 8 for a Sunday-first week)
    assert resolve(m, dt.date(2026, 3, 19)) == ((dt.date(2026, 3, 8), dt.date(2026, 3, 15)),)


def test_spill_date_told_as_last_week_is_changed_not_paired_with_the_fine() -> None:
    der = (
        "The Ministry of Environment fined Tarrow Lithium 4.2 million euros after a tailings pond at its Corvin "
        "mine overflowed last week into the Sella river."
    )
    (f,) = check(SPILL, der, "2026-03-18", "2026-03-19")
    assert (f.subtype, f.severity, f.before, f.after) == ("changed", "high", "on March 3", "last week")
    assert f.detail.endswith("means March 9 to 15, 2026")


@pytest.mark.parametrize(
    ("derived", "published"),
    [
        ("overflowed into the Sella river earlier this month", "2026-03-19"),
        ("overflowed into the Sella river two weeks ago", "2026-03-17"),
        ("overflowed into the Sella river on March 3", "2026-03-18"),  # a rewrite published the same day
    ],
)
def test_right_relative_dates_for_the_spill_are_quiet(derived: str, published: str) -> None:
    der = SPILL.replace("overflowed into the Sella river on March 3", derived)
    assert check(SPILL, der, "2026-03-18", published) == []


def test_last_week_that_is_right_is_quiet() -> None:
    src = "A tailings pond overflowed into the Sella river on March 3, officials said."
    der = "A tailings pond overflowed into the Sella river last week, officials said."
    assert check(src, der, "2026-03-04", "2026-03-10") == []  # Tuesday the 10th: the 3rd was last week
    assert check(src, der, "2026-03-04", "2026-03-09") == []  # Monday the 9th: Sunday-first or not


def test_last_week_for_a_day_of_the_story_s_own_week_is_medium() -> None:
    src = "The council approved the plan on Tuesday, the mayor's office said."  # Wednesday March 18: the 17th
    (f,) = check(src, "The council approved the plan last week, the mayor's office said.", "2026-03-18", "2026-03-19")
    assert (f.subtype, f.severity) == ("changed", "medium")


# --- "last year" read as the year it names -----------------------------------------------------------------

TRIAL = "The trial, which began in 2024, has enrolled about 2,800 patients at 190 hospitals in 14 countries."


def test_last_year_detail_names_the_year() -> None:
    der = TRIAL.replace("began in 2024", "began last year")
    (f,) = check(TRIAL, der, "2026-04-14", "2026-04-15")
    assert (f.subtype, f.severity) == ("changed", "high")
    assert f.detail.endswith("which for a story published on April 15, 2026 means 2025")


def test_last_year_that_is_right_is_quiet() -> None:
    der = TRIAL.replace("began in 2024", "began last year")
    assert check(TRIAL, der, "2025-04-14", "2025-04-15") == []


# --- P8: a year told as a relative one with no date to resolve it ------------------------------------------


def test_undated_year_told_as_last_year_is_blurred() -> None:
    der = TRIAL.replace("began in 2024", "began last year")
    (f,) = check(TRIAL, der)
    assert (f.type, f.subtype, f.severity, f.before, f.after) == (
        "date_changed",
        "blurred",
        "medium",
        "in 2024",
        "last year",
    )
    assert "no publication date" in f.detail


def test_undated_year_kept_is_quiet() -> None:
    der = "About 2,800 patients at 190 hospitals in 14 countries have enrolled in the trial, which began in 2024."
    assert check(TRIAL, der) == []


# --- weekdays ------------------------------------------------------------------------------------------------

VOTE = (
    "The Brannock County school board voted 5-0 on Monday to move its 31 schools to a four-day week.\n"
    "Classes will run from Monday to Thursday, with each school day extended by 70 minutes."
)


@pytest.mark.parametrize(("source_published", "derived_published"), [(None, None), ("2026-05-05", "2026-05-06")])
def test_monday_told_as_tuesday_is_changed(source_published: str | None, derived_published: str | None) -> None:
    der = VOTE.replace("voted 5-0 on Monday", "voted 5-0 on Tuesday")
    (f,) = check(VOTE, der, source_published, derived_published)
    assert (f.subtype, f.severity, f.before, f.after) == ("changed", "high", "on Monday", "on Tuesday")


def test_monday_told_as_yesterday_a_day_later_is_low() -> None:
    der = VOTE.replace("voted 5-0 on Monday", "voted 5-0 yesterday")
    (f,) = check(VOTE, der, "2026-05-05", "2026-05-06")  # Tuesday's story, Wednesday's rewrite
    # low, not medium: a stamp a day off (time zone, crawl date) gives the same gap (lead's call, rev25c)
    assert (f.subtype, f.severity, f.before, f.after) == ("changed", "low", "on Monday", "yesterday")
    assert "means May 5, 2026" in f.detail and "a day off" in f.detail


@pytest.mark.parametrize(
    ("derived", "derived_published"),
    [
        ("voted 5-0 yesterday", "2026-05-05"),  # published the same day: yesterday is Monday
        ("voted 5-0 on Monday", "2026-05-06"),  # the weekday kept a day later
        ("voted 5-0 two days ago", "2026-05-06"),  # "5-0 two" is no count: the score stays out of the date
        ("voted 5-0 on May 4", "2026-05-06"),
        ("voted 5-0 earlier this week", "2026-05-06"),
    ],
)
def test_right_dates_for_the_vote_are_quiet(derived: str, derived_published: str) -> None:
    der = VOTE.replace("voted 5-0 on Monday", derived)
    assert check(VOTE, der, "2026-05-05", derived_published) == []


def test_weekday_moved_to_another_sentence_is_still_kept() -> None:
    """The rule the verbatim sentence must not defeat: a date the rewrite moved is no change."""
    src = "The board voted on Monday to close the school. The building will be sold."
    der = "The board voted to close the school. On Monday, it said the building will be sold."
    assert check(src, der, "2026-05-05", "2026-05-05") == []


# --- the QA pair itself, through compare (the real model) ---------------------------------------------------


def test_llm_rewrite_of_the_spill_is_found() -> None:
    src = (
        "SELLA VALLEY, March 18 (Meridian Wire) - " + SPILL + "\n"
        "The spill killed fish along a 12-kilometre stretch of the river, the ministry said."
    )
    der = (
        "Tarrow Lithium has been fined 4.2 million euros after a tailings pond at its Corvin mine overflowed last "
        "week and sent waste into the Sella river.\n"
        "Fish died along a 12-kilometre stretch of the river, the ministry said."
    )
    report = compare(Article(src, id="o", published="2026-03-18"), Article(der, id="s", published="2026-03-19"))
    found = [f for f in report.findings if f.type == "date_changed"]
    assert [(f.subtype, f.before, f.after) for f in found] == [("changed", "on March 3", "last week")]
    quiet = der.replace("overflowed last week", "overflowed earlier this month")
    report = compare(Article(src, id="o", published="2026-03-18"), Article(quiet, id="s", published="2026-03-19"))
    assert [f for f in report.findings if f.type == "date_changed"] == []


def test_last_week_of_a_sunday_story_takes_in_the_week_just_ended() -> None:
    (m,) = extract_dates("It happened last week.")
    # Sunday March 22, 2026: Sunday-first, last week is March 15 to 21; Monday-first, March 9 to 15
    assert resolve(m, dt.date(2026, 3, 22)) == ((dt.date(2026, 3, 8), dt.date(2026, 3, 21)),)
