"""Relative dates of a republished story: "resigned on Tuesday" is the latest Tuesday on or before the story's
day, "today" the story's day; a later story that re-dates an event the original had as past to its own days is
old news made fresh (``date_changed``, ``shifted``), and the detail gives the day the words mean, without the
slack kept for two outlets' time stamps (user QA, session 19)."""

from __future__ import annotations

import datetime as dt

import pytest

from storytrace.align import align
from storytrace.article import Article
from storytrace.facts.dates import date_findings, extract_dates, resolve
from storytrace.finding import Finding
from storytrace.text import analyse

D = dt.date
MAYOR = (
    "The mayor of Linford resigned {} after a report found she had misused council funds. "
    "Her deputy, Tom Hale, will serve as acting mayor until an election in the autumn."
)


def check(source: str, derived: str, s_pub: str | None, d_pub: str | None) -> list[Finding]:
    alignment = align(analyse(Article(source, published=s_pub)), analyse(Article(derived, published=d_pub)), embed=None)
    return date_findings(alignment)


def one(text: str) -> tuple[tuple[dt.date, dt.date], ...]:
    (m,) = extract_dates(text)
    return resolve(m, D(2025, 6, 11))  # a Wednesday


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The mayor resigned on Tuesday.", [D(2025, 6, 10)]),
        ("On Tuesday, the council approved the plan.", [D(2025, 6, 10)]),
        ("The company said on Tuesday it would cut jobs.", [D(2025, 6, 10)]),
        ("The mayor resigned on Wednesday.", [D(2025, 6, 11)]),  # on or before: the story's own day
        ("The council will vote on Tuesday.", [D(2025, 6, 10), D(2025, 6, 17)]),
        ("The vote is scheduled for Tuesday, officials said.", [D(2025, 6, 10), D(2025, 6, 17)]),
    ],
)
def test_a_weekday_in_the_past_tense_is_the_last_such_day(text: str, days: list[dt.date]) -> None:
    assert sorted(a for a, _b in one(text)) == days


@pytest.mark.parametrize(
    ("before", "s_pub", "after", "d_pub", "meant"),
    [
        ("on Tuesday", "2025-06-04", "today", "2025-06-12", "June 12, 2025"),
        ("on Tuesday", "2025-06-04", "on Tuesday", "2025-06-12", "June 10, 2025"),
        ("yesterday", "2025-06-04", "today", "2025-06-12", "June 12, 2025"),
        ("on June 3", "2025-06-04", "on Tuesday", "2025-06-11", "June 10, 2025"),
    ],
)
def test_old_news_made_fresh(before: str, s_pub: str, after: str, d_pub: str, meant: str) -> None:
    (f,) = check(MAYOR.format(before), MAYOR.format(after), s_pub, d_pub)
    assert (f.type, f.subtype, f.severity, f.before, f.after) == ("date_changed", "shifted", "high", before, after)
    assert f.detail.startswith("old news made fresh:")
    assert f.detail.endswith(f"means {meant}")  # the day itself, not the day either side
    if before != "on June 3":
        assert "(June 3, 2025, in a story of June 4, 2025)" in f.detail


@pytest.mark.parametrize(
    ("before", "s_pub", "after", "d_pub"),
    [
        ("on Tuesday", "2025-06-04", "on June 3", "2025-06-12"),  # the right day, written out
        ("on Tuesday", "2025-06-04", "last week", "2025-06-12"),  # the right relative date a week on
        ("on Tuesday", "2025-06-04", "on Tuesday", "2025-06-05"),  # the same words a day on
        ("on Tuesday", "2025-06-04", "on Tuesday", None),  # no date to tell
    ],
)
def test_a_right_relative_date_is_quiet(before: str, s_pub: str, after: str, d_pub: str | None) -> None:
    assert check(MAYOR.format(before), MAYOR.format(after), s_pub, d_pub) == []


def test_a_copy_dated_before_its_original_is_not_old_news() -> None:
    assert check(MAYOR.format("on Tuesday"), MAYOR.format("on Tuesday"), "2025-06-12", "2025-06-04") == []


def test_a_wrong_day_in_a_story_of_the_same_day_is_changed_and_shows_the_day() -> None:
    (f,) = check(MAYOR.format("on June 3"), MAYOR.format("on Monday"), "2025-06-04", "2025-06-04")
    assert (f.subtype, f.severity) == ("changed", "high")
    assert f.detail.endswith("which for a story published on June 4, 2025 means June 2, 2025")
