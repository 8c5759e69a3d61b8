"""Review rev25c of fq25a/fq25b (session 25): an active "X accuse(s)/accused Y of" allegation retold as X's word
must stay quiet as "X allege that" does (P1, P3), a verb of blame or witness keeps it only beside the same
accuser (P2), "two or three days ago" is a vague span, not "three days ago" (P4), and a date that misses the
original's only by the day either publication stamp may be off is low (the lead's call: time zones, crawl dates).
Each with the unfaithful counterpart that must still be found."""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.facts.dates import extract_dates

COUNCIL = (
    "The council met in the town hall. Members discussed the budget for the coming year at length. "
    "{claim} "
    "The mayor said the decision would be reviewed next spring. Residents can comment on the plan online."
)


def _hedges(claim: str, retold: str) -> list[tuple[str | None, str]]:
    report = compare(COUNCIL.format(claim=claim), COUNCIL.format(claim=retold))
    return [(f.subtype, f.severity) for f in report.findings if f.type == "hedge_changed"]


def _dates(
    claim: str, retold: str, published: str | None = None, retold_published: str | None = None
) -> list[tuple[str | None, str, str]]:
    report = compare(
        Article(text=COUNCIL.format(claim=claim), id="o", published=published),
        Article(text=COUNCIL.format(claim=retold), id="s", published=retold_published),
    )
    return [(f.subtype, f.severity, f.detail) for f in report.findings if f.type == "date_changed"]


PROSECUTORS = "Prosecutors accuse Daniel Smith of stealing $2 million from the charity he ran."
ACTIVISTS = "Activists accused the company of polluting the river for years."
CRITICS = "Critics have accused the mayor of misleading voters about the cost."
EMPLOYEES = "Two former employees accuse the manager of falsifying records."
WITNESSES = "Witnesses allege that the guards beat the prisoners."
GROUPS = "Environmental groups allege that the dam harmed fish stocks."
OPPOSITION = "Opposition leaders accuse the government of delaying the inquiry."


# --- P1/P3: an accusation kept as the accuser's word -----------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        pytest.param(PROSECUTORS, "Prosecutors say Daniel Smith stole $2 million from the charity he ran.", id="say"),
        pytest.param(
            "Activists accuse the company of polluting the river for years.",
            "Activists say that the company has polluted the river for years.",
            id="say_that",
        ),
        pytest.param(OPPOSITION, "Opposition leaders claim the government has delayed the inquiry.", id="claim"),
        pytest.param(ACTIVISTS, "The company had polluted the river for years, activists said.", id="past_said_after"),
        pytest.param(CRITICS, "The mayor misled voters about the cost, critics say.", id="have_accused_say"),
        pytest.param(
            PROSECUTORS,
            "According to prosecutors, Daniel Smith stole $2 million from the charity he ran.",
            id="according",
        ),
    ],
)
def test_accusation_kept_as_the_accusers_word_is_quiet(claim: str, retold: str) -> None:
    assert _hedges(claim, retold) == []


@pytest.mark.parametrize(
    ("claim", "stated"),
    [
        pytest.param(PROSECUTORS, "Daniel Smith stole $2 million from the charity he ran.", id="present"),
        pytest.param(ACTIVISTS, "The company polluted the river for years.", id="past"),
        pytest.param(CRITICS, "The mayor misled voters about the cost.", id="have_accused"),
    ],
)
def test_accusation_told_as_fact_is_still_reported(claim: str, stated: str) -> None:
    assert _hedges(claim, stated) == [("allegation_as_fact", "high")]


def test_passive_accusation_names_no_accuser_to_keep() -> None:
    # "was accused of" says nothing of who accuses: a speech verb by someone else does not keep the claim
    claim = "Daniel Smith was accused of stealing $2 million from the charity he ran."
    stated = "Daniel Smith stole $2 million from the charity he ran, his neighbour said."
    assert _hedges(claim, stated) == [("allegation_as_fact", "high")]


# --- P2: blame and witness verbs, only beside the same accuser -------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        pytest.param(WITNESSES, "Witnesses described guards beating the prisoners.", id="described"),
        pytest.param(GROUPS, "Environmental groups blame the dam for harming fish stocks.", id="blame_for"),
        pytest.param(EMPLOYEES, "Two former employees testified that the manager falsified records.", id="testified"),
        pytest.param(EMPLOYEES, "The manager falsified records, two former employees testified.", id="testified_after"),
        pytest.param(
            OPPOSITION, "Opposition leaders criticised the government for delaying the inquiry.", id="criticised"
        ),
    ],
)
def test_accuser_describing_or_blaming_keeps_the_allegation(claim: str, retold: str) -> None:
    assert _hedges(claim, retold) == []


@pytest.mark.parametrize(
    ("claim", "stated"),
    [
        pytest.param(WITNESSES, "The guards beat the prisoners, and the warden described the scene.", id="described"),
        pytest.param(
            EMPLOYEES, "The manager falsified records, which regulators blamed for the losses.", id="blamed_by_others"
        ),
        pytest.param(
            ACTIVISTS, "The company has polluted the river for years, and the mayor criticised it.", id="criticised"
        ),
        # "reporting" is the deed's word here, not anyone's report, though the residents are named beside it
        pytest.param(
            "Residents of three villages allege that the company waited two days before reporting the spill.",
            "The company waited two days before reporting the spill, angering residents of three villages.",
            id="reporting_the_spill",
        ),
    ],
)
def test_blame_or_witness_verb_of_someone_else_keeps_nothing(claim: str, stated: str) -> None:
    assert _hedges(claim, stated) == [("allegation_as_fact", "high")]


# --- P4: "two or three days ago" ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "unit", "offsets"),
    [
        ("two or three days ago", "day", (-3, -2)),
        ("2 to 3 weeks ago", "week", (-3, -2)),
        ("one or two years ago", "year", (-2, -1)),
    ],
)
def test_a_span_of_counts_ago_is_one_date_spanning_its_counts(span: str, unit: str, offsets: tuple[int, int]) -> None:
    # one mention, a range of its unit (rev25h P4: read as vague, "-> two weeks ago" was quiet)
    (m,) = extract_dates(f"The storm hit the coast {span}, officials said.")
    assert (m.text, m.kind, m.unit, (m.offset, m.offset_end)) == (span, "relative", unit, offsets)


def test_one_count_ago_is_still_precise() -> None:
    (m,) = extract_dates("The storm hit the coast three days ago, officials said.")
    assert (m.text, m.kind, m.offset) == ("three days ago", "relative", -3)


def test_two_or_three_days_ago_told_as_a_few_days_ago_is_quiet() -> None:
    claim = "The storm hit the coast two or three days ago, officials said."
    retold = "The storm struck the coast a few days ago, officials said."
    assert _dates(claim, retold) == []


def test_three_days_ago_told_as_a_few_days_ago_is_still_a_blur() -> None:
    claim = "The storm hit the coast three days ago, officials said."
    retold = "The storm struck the coast a few days ago, officials said."
    assert [(s, v) for s, v, _d in _dates(claim, retold)] == [("blurred", "medium")]


# --- a day off by the stamps is low ----------------------------------------------------------------------------

VOTED = "The council voted on Monday to close the library."


@pytest.mark.parametrize(
    ("retold", "published", "retold_published"),
    [
        # a Monday story, a rewrite stamped Tuesday in UTC: "today" is its Monday evening
        pytest.param("Councillors decided today to shut the library.", "2026-05-04", "2026-05-05", id="time_zone"),
        # Tuesday's story first seen by a crawler on Wednesday
        pytest.param("Councillors decided yesterday to shut the library.", "2026-05-05", "2026-05-06", id="crawl"),
    ],
)
def test_a_day_off_by_the_stamps_is_low_with_its_note(retold: str, published: str, retold_published: str) -> None:
    ((subtype, severity, detail),) = _dates(VOTED, retold, published, retold_published)
    assert (subtype, severity) == ("changed", "low")
    assert "check that neither publication date is a day off" in detail


def test_a_weekday_moved_with_the_same_stamps_is_still_high() -> None:
    retold = "Councillors decided on Wednesday to shut the library."
    assert [(s, v) for s, v, _d in _dates(VOTED, retold, "2026-05-05", "2026-05-06")] == [("changed", "high")]
