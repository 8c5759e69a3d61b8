"""Serious distortions a QA pass (qa21) found unreported, each next to the faithful rewrite that must stay quiet:
a charge told as a verdict (facts/outcomes.py), relative
periods and a dropped wire dateline (facts/dates.py), a percentage change against a multiple (facts/numbers.py),
a named source dropped (facts/cues.py).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import Article, compare

_TAIL = " The council met on Friday to discuss the budget."


def _found(source: str, derived: str, kind: str) -> list[tuple[str | None, str]]:
    report = compare(source + _TAIL, derived + _TAIL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == kind]


def _serious(source: str, derived: str) -> list[tuple[str, str | None]]:
    report = compare(source + _TAIL, derived + _TAIL)
    return [(f.type, f.subtype) for f in report.findings if f.severity in ("high", "medium")]


def _verdicts(source: str, derived: str) -> list[str]:
    """The details of this module's findings only: main's "allegation presented as fact" speaks for other cases."""
    report = compare(source + _TAIL, derived + _TAIL)
    return [f.detail for f in report.findings if "presented as a verdict" in f.detail]


_CHARGED = "Tom Harris was charged on Monday with accepting bribes worth $40,000, prosecutors said."


@pytest.mark.parametrize(
    "derived",
    [
        "Tom Harris was convicted on Monday of accepting bribes worth $40,000, prosecutors said.",
        "Tom Harris was found guilty on Monday of accepting bribes worth $40,000, prosecutors said.",
    ],
)
def test_charge_told_as_verdict_is_high(derived: str) -> None:
    assert ("allegation_as_fact", "high") in _found(_CHARGED, derived, "hedge_changed")


def test_arrest_told_as_sentence_is_high() -> None:
    assert ("allegation_as_fact", "high") in _found(
        "Tom Harris was arrested on Monday on suspicion of accepting bribes, police said.",
        "Tom Harris was sentenced on Monday for accepting bribes, police said.",
        "hedge_changed",
    )


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (_CHARGED, "Tom Harris faced charges on Monday of accepting bribes worth $40,000, prosecutors said."),
        (_CHARGED, "Tom Harris could be convicted of accepting bribes worth $40,000, prosecutors said."),
        (
            "Tom Harris, who is accused of accepting bribes, faces up to ten years in prison if convicted.",
            "Tom Harris, accused of taking bribes, faces up to ten years in prison if he is convicted.",
        ),
    ],
)
def test_charge_kept_or_verdict_conditional_is_quiet(source: str, derived: str) -> None:
    assert _serious(source, derived) == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the original gives the verdict in another sentence, or in other words; the suspect drops the stage
        (
            "Tom Harris was charged with fraud in 2022. On Friday a jury found him guilty on all counts.",
            "Tom Harris was found guilty of fraud on Friday.",
        ),
        (
            "Ali Karimi, who was detained in 2021, is serving a 10-year sentence in Evin prison.",
            "Ali Karimi was sentenced to 10 years in Evin prison.",
        ),
        (
            "Tom Harris, who was charged with fraud last year, admitted the offence at Leeds Crown Court on Friday.",
            "Tom Harris pleaded guilty to fraud at Leeds Crown Court on Friday.",
        ),
        (
            "Tom Harris, on trial for fraud since March, heard the jury return a guilty verdict on Friday.",
            "Tom Harris was found guilty of fraud by the jury on Friday.",
        ),
        (
            "A man arrested on Monday over the attack had a previous conviction for assault, police said.",
            "A man held on Monday over the attack had previously been convicted of assault, police said.",
        ),
        (
            "Tom Harris was arrested on Monday. He spent five years in prison for robbery in the 1990s.",
            "Tom Harris, who was sentenced to five years for robbery in the 1990s, was held on Monday.",
        ),
    ],
)
def test_verdict_given_by_the_original_is_quiet(source: str, derived: str) -> None:
    assert _verdicts(source, derived) == []


def test_stage_kept_by_the_suspect_is_quiet() -> None:
    # no verdict in the original, but the suspect still tells the charge: it adds a later stage, not a changed one
    source = "Tom Harris was charged with fraud in 2022, prosecutors said."
    derived = "Tom Harris, who was charged with fraud in 2022, was convicted, prosecutors said."
    assert _verdicts(source, derived) == []
    dropped = "Tom Harris was convicted of fraud in 2022, prosecutors said."
    assert ("allegation_as_fact", "high") in _found(source, dropped, "hedge_changed")


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # an accuser, not an accused; a fee, not a charge
        (
            "Smith accused the minister of lying about the contract.",
            "Smith, a convicted fraudster, accused the minister of lying about the contract.",
        ),
        (
            "The company charged customers $40 a month for the service.",
            "The company, fined in 2020, was found guilty of overcharging customers $40 a month.",
        ),
    ],
)
def test_charged_or_accused_in_another_sense_is_no_stage(source: str, derived: str) -> None:
    assert _verdicts(source, derived) == []


_STRIKE = "Unions said the plan was insufficient and called a two-day strike {}."


@pytest.mark.parametrize(
    ("before", "after"),
    [("this week", "next week"), ("last week", "this week"), ("last month", "for next week")],
)
def test_relative_period_moved_ahead_is_changed(before: str, after: str) -> None:
    # a later copy can only move a relative date back: one moved ahead is another time
    assert ("changed", "high") in _found(_STRIKE.format(before), _STRIKE.format(after), "date_changed")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("for next week", "for this week"),
        ("for next month", "for this month"),
        ("this year", "last year"),
        ("for next month", "for next week"),
        ("for last month", "for last week"),
    ],
)
def test_relative_period_a_later_copy_can_give_is_quiet(before: str, after: str) -> None:
    assert _found(_STRIKE.format(before), _STRIKE.format(after), "date_changed") == []
    # nor with only one publication date, which places neither period against the other
    source = Article(text=_STRIKE.format(before) + _TAIL, published="2025-03-10")
    derived = Article(text=_STRIKE.format(after) + _TAIL, published=None)
    assert [f for f in compare(source, derived).findings if f.type == "date_changed"] == []


def test_relative_period_nested_is_quiet() -> None:
    assert _found(_STRIKE.format("this week"), _STRIKE.format("this month"), "date_changed") == []


def test_next_month_as_its_name_is_quiet_by_the_calendar() -> None:
    source = Article(text=_STRIKE.format("for next month") + _TAIL, published="2025-03-10")
    derived = Article(text=_STRIKE.format("in April") + _TAIL, published="2025-03-11")
    assert [f for f in compare(source, derived).findings if f.type == "date_changed"] == []


def test_dropped_dateline_does_not_hide_the_event_date() -> None:
    source = (
        "PORTO, March 14 (Wire) - Heavy flooding along the Douro river forced 4,200 people from their homes on "
        "Thursday, the interior ministry said."
    )
    derived = (
        "PORTO - Heavy flooding along the Douro river forced 4,200 people from their homes last week, the "
        "interior ministry said."
    )
    assert _found(source, derived, "date_changed") == [("blurred", "medium")]
    kept = derived.replace("last week", "on Thursday")
    assert _found(source, kept, "date_changed") == []


def test_date_the_dropped_dateline_does_not_cover_is_changed() -> None:
    # the original's only date is its dateline: a suspect's other day for the event is still a changed date
    source = "PORTO, March 14 (Wire) - Heavy flooding forced 4,200 people from their homes, the ministry said."
    derived = "Heavy flooding forced 4,200 people from their homes on March 12, the ministry said."
    assert ("changed", "high") in _found(source, derived, "date_changed")


def test_dateline_changed_into_another_is_changed() -> None:
    source = "PORTO, March 14 (Wire) - Heavy flooding forced 4,200 people from their homes on Thursday."
    derived = "PORTO, March 12 (Wire) - Heavy flooding forced 4,200 people from their homes on Thursday."
    assert _found(source, derived, "date_changed") == [("changed", "high")]


_WAITS = "Waiting times at public hospitals {} last year, according to the audit office."


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("rose by 18%", "doubled"),
        ("rose by 100%", "tripled"),
        ("doubled", "rose by 50%"),
        ("fell by 66%", "fell by a third"),
        ("rose by 30%", "halved"),
    ],
)
def test_percentage_change_against_multiple(before: str, after: str) -> None:
    assert ("changed", "high") in _found(_WAITS.format(before), _WAITS.format(after), "number_changed")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("rose by 100%", "doubled"),
        ("fell by 50%", "halved"),
        ("rose by 95%", "nearly doubled"),
        # rounded either way, in percentage points with the slack of a percentage in words
        ("fell 66%", "fell by two-thirds"),
        ("fell by two-thirds", "fell 66%"),
        ("rose 33%", "rose by a third"),
        ("rose 98%", "doubled"),
        ("rose 102%", "doubled"),
        ("fell 49%", "halved"),
        ("rose 18%", "rose by almost a fifth"),
    ],
)
def test_percentage_change_restated_as_multiple_is_quiet(before: str, after: str) -> None:
    assert _found(_WAITS.format(before), _WAITS.format(after), "number_changed") == []


def test_level_reached_is_no_change() -> None:
    # "rose to 50%" is a share reached, not a rise of 50%
    source = "The share of homes with heat pumps rose to 50% last year, the agency said."
    derived = "The share of homes with heat pumps doubled last year, the agency said."
    assert ("changed", "high") not in _found(source, derived, "number_changed")


def test_multiple_of_another_figure_is_not_paired() -> None:
    # "doubled" is the profits', "up 12%" the sales': no figure changed
    source = "Profits doubled last year to $4m, the company said."
    derived = "Profits soared last year to $4m, with sales up 12%, the company said."
    assert ("changed", "high") not in _found(source, derived, "number_changed")


_AUDIT = "According to a report by the national audit office, waiting times rose by 18% last year."


def test_named_report_dropped() -> None:
    assert ("source_dropped", "low") in _found(_AUDIT, "Waiting times rose by 18% last year.", "attribution_changed")


@pytest.mark.parametrize(
    "derived",
    [
        "Waiting times rose by 18% last year, a report by the national audit office found.",
        "Waiting times rose by 18% last year, the audit office said.",
    ],
)
def test_named_report_kept_is_quiet(derived: str) -> None:
    assert _found(_AUDIT, derived, "attribution_changed") == []
