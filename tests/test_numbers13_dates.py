"""A written span of years ("between 2019 and 2021") is one date."""

from __future__ import annotations

from numbers13_context import findings_of as _findings
from storytrace.facts.dates import extract_dates

# --- spans of years -----------------------------------------------------------------------------------


def test_a_written_span_of_years_is_one_date() -> None:
    spans = [(m.text, m.year, m.year_end) for m in extract_dates("Ridership fell between 2019 and 2021.")]
    assert spans == [("between 2019 and 2021", 2019, 2021)]
    assert [(m.year, m.year_end) for m in extract_dates("It fell from 2019 to 2021.")] == [(2019, 2021)]
    # two years, not a span
    assert [(m.year, m.year_end) for m in extract_dates("It fell in 2019 and 2021.")] == [(2019, None), (2021, None)]
    # a count after "to" is no year
    assert [m.text for m in extract_dates("It rose from 2019 to 2000 people.")] == ["from 2019"]


def test_a_span_written_another_way_is_quiet() -> None:
    original = "Ridership fell sharply between 2019 and 2021, the report found."
    for suspect in (
        "Ridership fell sharply in 2019-2021, the report found.",
        "The report found that ridership fell sharply from 2019 to 2021.",
    ):
        assert _findings(original, suspect, "date_changed") == [], suspect


def test_a_span_with_another_end_is_a_changed_date() -> None:
    original = "Ridership fell sharply between 2019 and 2021, the report found."
    for suspect, after in (
        ("Ridership fell sharply between 2018 and 2021, the report found.", "between 2018 and 2021"),
        ("Ridership fell sharply in 2021, the report found.", "in 2021"),
    ):
        found = _findings(original, suspect, "date_changed")
        assert [(f.subtype, f.severity, f.before, f.after) for f in found] == [
            ("changed", "medium", "between 2019 and 2021", after)
        ], suspect


def test_a_year_moved_outside_the_span_stays_high() -> None:
    found = _findings(
        "Ridership fell sharply between 2019 and 2021, the report found.",
        "Ridership fell sharply between 2022 and 2023, the report found.",
        "date_changed",
    )
    assert [(f.subtype, f.severity) for f in found] == [("changed", "high")]
