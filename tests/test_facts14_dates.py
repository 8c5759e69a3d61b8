"""A span of days in one month, written several ways, is one date (facts14)."""

from __future__ import annotations

import pytest

from numbers13_context import findings_of
from storytrace.facts.dates import extract_dates

SENTENCE = "The summit will be held in Geneva {}, the organisers said."


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The summit runs from 3 to 5 May in Geneva.", "from 3 to 5 May"),
        ("It was held on May 3-5, 2019.", "on May 3-5, 2019"),
        ("It is between May 3 and 5 this year.", "between May 3 and 5"),
        ("It runs from May 3 to May 5 in Geneva.", "from May 3 to May 5"),
        ("It runs between the 3rd and the 5th of May.", "between the 3rd and the 5th of May"),
    ],
)
def test_a_span_of_days_is_read_whole(text: str, span: str) -> None:
    [m] = [m for m in extract_dates(text) if m.day is not None]
    assert (m.text, m.month, m.day, m.day_end) == (span, 5, 3, 5)


def test_and_or_to_after_a_date_joins_a_day_only_after_from_or_between() -> None:
    assert [(m.text, m.day_end) for m in extract_dates("On May 3 and 5 people died.")] == [("On May 3", None)]
    assert [(m.text, m.day_end) for m in extract_dates("It will run May 3 to 5 percent.")] == [("May 3", None)]


@pytest.mark.parametrize("suspect", ["from 3 to 5 May", "between May 3 and 5", "on 3-5 May", "from May 3 to May 5"])
def test_the_same_span_written_another_way_is_quiet(suspect: str) -> None:
    original = SENTENCE.format("on May 3-5")
    derived = SENTENCE.format(suspect)
    assert findings_of(original, derived, "date_changed") == []
    assert findings_of(original, derived, "number_changed") == []
    assert findings_of(derived, original, "date_changed") == []


@pytest.mark.parametrize("suspect", ["from 3 to 6 May", "on June 3-5", "from 13 to 15 May", "on May 8"])
def test_another_span_or_day_is_a_changed_date(suspect: str) -> None:
    found = findings_of(SENTENCE.format("on May 3-5"), SENTENCE.format(suspect), "date_changed")
    assert [f.subtype for f in found] == ["changed"]


def test_another_span_with_its_year_is_a_changed_date() -> None:
    found = findings_of(SENTENCE.format("on May 3-5, 2025"), SENTENCE.format("from 4 to 5 May 2025"), "date_changed")
    assert [f.subtype for f in found] == ["changed"]
    assert (
        findings_of(SENTENCE.format("on May 3-5, 2025"), SENTENCE.format("between 3 and 5 May 2025"), "date_changed")
        == []
    )
