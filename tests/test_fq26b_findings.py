"""Misses from session 25's reviews (helper fq26b), each beside the faithful retelling that must stay quiet:

- a request told as done ("was asked to pay the fine" -> "has paid the fine"; "paid" is the irregular past of the
  planned verb, and "by the council" after it no longer hides that the words are kept);
- a denied claim told as fact ("denied reports that troops had crossed the border" -> "Troops have crossed");
- a decision still to come told as taken ("will decide next week whether to suspend" -> "has suspended");
- "without" told as "with" ("signed the deal without board approval" -> "with board approval"), while "with no
  board approval" restates it;
- "a day or two ago" is a range of days (it was no date at all), as "two or three days ago" is;
- durations in different units compare ("70 minutes" -> "two hours" is a changed figure, "-> more than an hour"
  is not; "48 hours" -> "two weeks" is).

Each rule is tried on a few wordings a rewriter might use (tense, word order, voice), not one string.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storytrace import Article, compare
from storytrace.facts.dates import extract_dates, resolve

PRE = "Officials gave an update on Wednesday afternoon. "
POST = " A further statement is expected next week. Local media reported long queues at the town hall."


def _findings(source: str, derived: str, published: str | None = None) -> list[tuple[str, str | None, str, str]]:
    """(type, subtype, severity, detail) of the medium and high findings for a sentence told in a small story."""
    report = compare(
        Article(text=PRE + source + POST, id="o", published=published),
        Article(text=PRE + derived + POST, id="s", published=published),
    )
    return [(f.type, f.subtype, f.severity, f.detail) for f in report.findings if f.severity in ("medium", "high")]


def _typed(found: list[tuple[str, str | None, str, str]], kind: str) -> list[tuple[str, str | None, str, str]]:
    return [f for f in found if f[0] == kind]


# --- a request told as done ---------------------------------------------------------------------------------

ASKED = "The board was asked to pay the fine by the council."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (ASKED, "The board has paid the fine."),
        (ASKED, "The board paid the fine to the council."),
        ("The council asked the board to pay the fine.", "The board has paid the fine."),
        ("The board has been asked by the council to pay the fine.", "The board paid the fine."),
        ("The council has urged the board to pay the fine.", "The fine has been paid by the board."),
    ],
)
def test_request_told_as_done(source: str, derived: str) -> None:
    (found,) = _typed(_findings(source, derived), "hedge_changed")
    assert found[1:3] == ("certainty_increased", "medium")
    assert "only asked for" in found[3] and "stated as done" in found[3]


@pytest.mark.parametrize(
    "derived",
    [
        "The council asked the board to pay the fine.",
        "The council has requested that the board pay the fine.",
        "The board must pay the fine, the council said.",
    ],
)
def test_request_restated_is_quiet(derived: str) -> None:
    assert _findings(ASKED, derived) == []


def test_request_in_the_other_voice_is_quiet() -> None:
    source = "The council asked the board to pay the fine."
    assert _findings(source, "The board was asked by the council to pay the fine.") == []


@pytest.mark.parametrize(
    "derived",
    ["Police called on residents to stay indoors.", "Residents were told by police to stay indoors."],
)
def test_request_in_other_words_is_still_a_request(derived: str) -> None:
    assert _findings("Police urged residents to stay indoors.", derived) == []


# --- a denied claim told as fact -------------------------------------------------------------------------------

DENIED = "The ministry denied reports that troops had crossed the border."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (DENIED, "Troops have crossed the border."),
        (DENIED, "Troops crossed the border."),
        (
            "The ministry on Tuesday denied media reports that troops had crossed the border.",
            "Government troops have crossed the border.",
        ),
        ("The ministry denied that troops had crossed the border.", "Troops have crossed the border."),
    ],
)
def test_denied_claim_told_as_fact(source: str, derived: str) -> None:
    (found,) = _typed(_findings(source, derived), "hedge_changed")
    assert found[1:3] == ("allegation_as_fact", "high")
    assert found[3].startswith("denied claim presented as fact: the original says \u201cThe ministry")


@pytest.mark.parametrize(
    "derived",
    [
        "The ministry denied that troops had crossed the border.",
        "Reports that troops had crossed the border were denied by the ministry.",
        "The ministry rejected reports of troops crossing the border.",
        "The ministry said reports that troops had crossed the border were false.",
    ],
)
def test_denial_restated_is_quiet(derived: str) -> None:
    assert _findings(DENIED, derived) == []


def test_denial_in_the_next_sentence_keeps_the_claim_disputed() -> None:
    derived = "Troops crossed the border. That is what local media reported, but the ministry denies it."
    assert _typed(_findings(DENIED, derived), "hedge_changed") == []


def test_plain_report_told_flat_is_no_denied_claim() -> None:
    source = "Troops crossed the border on Monday, officials said."
    assert _typed(_findings(source, "Troops have crossed the border."), "hedge_changed") == []


# --- a decision still to come told as taken -------------------------------------------------------------------

DECIDE = "The committee will decide next week whether to suspend the licence."


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (DECIDE, "The committee has suspended the licence."),
        (DECIDE, "The committee suspended the licence."),
        (
            "Next week the committee will decide whether or not to suspend the licence.",
            "The licence has been suspended by the committee.",
        ),
        ("The committee is to rule on whether to suspend the licence.", "The committee has now suspended the licence."),
    ],
)
def test_pending_decision_told_as_taken(source: str, derived: str) -> None:
    (found,) = _typed(_findings(source, derived), "hedge_changed")
    assert found[1:3] == ("certainty_increased", "medium")
    assert "a decision not yet taken" in found[3] and "stated as done" in found[3]


@pytest.mark.parametrize(
    "derived",
    [
        "Next week the committee will rule on whether the licence should be suspended.",
        "A decision on suspending the licence is due from the committee next week.",
        "The committee could suspend the licence next week.",
        "The committee will decide next week if the licence is to be suspended.",
    ],
)
def test_pending_decision_restated_is_quiet(derived: str) -> None:
    assert _typed(_findings(DECIDE, derived), "hedge_changed") == []


def test_decision_already_taken_told_as_done_is_quiet() -> None:
    source = "The committee decided on Monday to suspend the licence."
    assert _typed(_findings(source, "The committee has suspended the licence."), "hedge_changed") == []


# --- "without" told as "with" --------------------------------------------------------------------------------

WITHOUT = "The company signed the deal without board approval."


@pytest.mark.parametrize(
    ("source", "derived", "before", "after"),
    [
        (WITHOUT, "The company signed the deal with board approval.", "without board approval", "with board approval"),
        ("The company signed the deal with board approval.", WITHOUT, "with board approval", "without board approval"),
        (
            "The company signed the deal without the board's approval.",
            "The company signed the deal with the board's approval.",
            "without the board's approval",
            "with the board's approval",
        ),
        (WITHOUT, "With board approval, the company signed the deal.", "without board approval", "With board approval"),
    ],
)
def test_without_told_as_with(source: str, derived: str, before: str, after: str) -> None:
    (found,) = _typed(_findings(source, derived), "hedge_changed")
    assert found[1:3] == ("negation_flipped", "high")
    assert found[3] == f"claim reversed: the original says \u201c{before}\u201d, the suspect \u201c{after}\u201d"


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (WITHOUT, "The company signed the deal with no board approval."),
        (WITHOUT, "The company signed the deal without the approval of its board."),
        (WITHOUT, "The company signed the deal with little board support."),
        ("The team won without its captain.", "The team won with its captain out injured."),
        ("The village was left without power for days.", "The village was left dealing with power cuts for days."),
        ("The plant now runs without coal.", "The plant now runs with gas instead of coal."),
    ],
)
def test_without_restated_is_quiet(source: str, derived: str) -> None:
    assert _typed(_findings(source, derived), "hedge_changed") == []


# --- "a day or two ago" ------------------------------------------------------------------------------------

PUBLISHED = "2026-05-06"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "unit", "offset", "offset_end"),
    [
        ("The storm hit a day or two ago.", "day", -2, -1),
        ("The plant closed a week or two ago.", "week", -2, -1),
        ("The mine was sold a year or two ago.", "year", -2, -1),
        ("The storm hit two or three days ago.", "day", -3, -2),
    ],
)
def test_a_unit_or_two_ago_is_a_range(text: str, unit: str, offset: int, offset_end: int) -> None:
    (m,) = extract_dates(text)
    assert (m.kind, m.unit, m.offset, m.offset_end) == ("relative", unit, offset, offset_end)


def test_a_day_or_two_ago_resolves_to_the_two_days_before() -> None:
    (m,) = extract_dates("The storm hit the coast a day or two ago.")
    assert resolve(m, dt.date(2026, 5, 6)) == ((dt.date(2026, 5, 4), dt.date(2026, 5, 5)),)


DAY_OR_TWO = "The storm hit the coast a day or two ago, officials said."


@pytest.mark.parametrize(
    "derived",
    [
        "The storm hit the coast on Monday, officials said.",
        "The storm hit the coast yesterday, officials said.",
        "The storm hit the coast on May 5, officials said.",
    ],
)
def test_a_day_or_two_ago_fits_the_days_before(derived: str) -> None:
    assert _typed(_findings(DAY_OR_TWO, derived, PUBLISHED), "date_changed") == []


@pytest.mark.parametrize(
    "derived",
    [
        "The storm hit the coast last week, officials said.",
        "The storm hit the coast on April 29, officials said.",
    ],
)
def test_a_day_or_two_ago_conflicts_with_a_week_before(derived: str) -> None:
    (found,) = _typed(_findings(DAY_OR_TWO, derived, PUBLISHED), "date_changed")
    assert found[1] == "changed" and "\u2018a day or two ago\u2019" in found[3]


# --- durations in different units ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "derived", "detail"),
    [
        ("The meeting lasted 70 minutes.", "The meeting lasted two hours.", "70 minutes became two hours"),
        ("The meeting lasted 70 minutes.", "The meeting lasted half an hour.", "70 minutes became half an hour"),
        (
            "The meeting lasted 70 minutes.",
            "The meeting lasted more than two hours.",
            "70 minutes became more than two hours",
        ),
        ("The search lasted 48 hours.", "The search lasted two weeks.", "48 hours became two weeks"),
        ("The search lasted two days.", "The search lasted 12 hours.", "two days became 12 hours"),
        ("The strike lasted three weeks.", "The strike lasted three days.", "three weeks became three days"),
        ("The project took 18 months.", "The project took three years.", "18 months became three years"),
    ],
)
def test_duration_in_another_unit_changed(source: str, derived: str, detail: str) -> None:
    (found,) = _typed(_findings(source, derived), "number_changed")
    assert found[1] == "changed" and found[3] == f"figure changed: {detail}"


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("The meeting lasted 70 minutes.", "The meeting lasted more than an hour."),
        ("The meeting lasted 70 minutes.", "The meeting lasted over an hour."),
        ("The meeting lasted 120 minutes.", "The meeting lasted two hours."),
        ("The meeting lasted two hours.", "The meeting lasted about 115 minutes."),
        ("The search lasted 48 hours.", "The search lasted two days."),
        ("The search lasted 14 days.", "The search lasted two weeks."),
        ("The project took 24 months.", "The project took two years."),
        ("Rescuers searched for 36 hours.", "Rescuers searched for a day and a half."),
    ],
)
def test_duration_in_another_unit_restated_is_quiet(source: str, derived: str) -> None:
    assert _typed(_findings(source, derived), "number_changed") == []
