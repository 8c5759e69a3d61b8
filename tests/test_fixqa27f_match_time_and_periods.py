"""A match report's clock told another way ("in the 71st minute" -> "with 19 minutes left", "penalty in the
17th minute" -> "after 17 minutes"), a keeper who "could only parry" (what he managed, no doubt), and a period
restated in months ("the final three months of last year" for the fourth quarter, "twelve months earlier" for
"a year earlier") are faithful; a different minute, a prediction's "could only" told as fact and a period of
another length are still reported (qa27 P5, P6)."""

from __future__ import annotations

import pytest

from storytrace import compare

SPORT = (
    "Sevilla led 2-0 at half-time through a Dodi Lukebakio penalty in the 17th minute and a header from Loic Bade "
    "eight minutes before the break. Mikel Oyarzabal equalised from close range in the 71st minute after Sevilla "
    "goalkeeper Orjan Nyland could only parry a cross. Sevilla defender Kike Salas was sent off in the 83rd minute "
    "for a second yellow card."
)
RESULTS = (
    "Halvorsen Foods reported a 14% rise in fourth-quarter operating profit on Tuesday. Operating profit rose to "
    "1.92 billion Norwegian crowns in the October-December period, from 1.68 billion a year earlier. Revenue grew "
    "6% to 14.3 billion crowns."
)


def _flagged(source: str, derived: str) -> list[tuple[str, str | None, str | None]]:
    """number_changed and hedge_changed findings at medium or above."""
    report = compare(source, derived)
    return [
        (f.subtype or "", f.before, f.after)
        for f in report.findings
        if f.type in ("number_changed", "hedge_changed") and f.severity in ("medium", "high")
    ]


@pytest.mark.parametrize(
    "derived",
    [
        "The visitors went in at the interval two goals to the good, Dodi Lukebakio converting a penalty after 17 "
        "minutes before Loic Bade headed home a second just before the break. Mikel Oyarzabal then levelled with 19 "
        "minutes left, pouncing from close range after Orjan Nyland had pushed a cross into his path. Kike Salas was "
        "dismissed for a second yellow card seven minutes from time.",
        "Sevilla were 2-0 up at the break, Lukebakio scoring from the spot 17 minutes in and Bade heading a second "
        "eight minutes before half-time. Oyarzabal pulled level from close range with 19 minutes remaining after "
        "goalkeeper Orjan Nyland could only parry a cross. Kike Salas was shown a second yellow card seven minutes "
        "before the end.",
        "Sevilla led 2-0 at half-time through a Dodi Lukebakio penalty on 17 minutes and a header from Loic Bade "
        "eight minutes before the break. Mikel Oyarzabal equalised from close range with 20 minutes to play after "
        "Sevilla goalkeeper Orjan Nyland parried a cross. Sevilla defender Kike Salas was sent off with seven "
        "minutes to go for a second yellow card.",
    ],
)
def test_match_clock_restated_is_quiet(derived: str) -> None:
    assert _flagged(SPORT, derived) == []


def test_other_minutes_are_still_reported() -> None:
    derived = (
        "Sevilla led 2-0 at half-time through a Dodi Lukebakio penalty after 27 minutes and a header from Loic Bade "
        "eight minutes before the break. Mikel Oyarzabal equalised from close range with nine minutes left after "
        "Sevilla goalkeeper Orjan Nyland could only parry a cross. Sevilla defender Kike Salas was sent off three "
        "minutes from time for a second yellow card."
    )
    assert sorted(after or "" for _s, _b, after in _flagged(SPORT, derived)) == [
        "27 minutes",
        "nine minutes",
        "three minutes",
    ]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Residents could only watch as the water rose through the streets of the old town on Sunday.",
            "Residents watched as the water rose through the streets of the old town on Sunday.",
        ),
        (
            "Residents watched as the water rose through the streets of the old town on Sunday.",
            "Residents could only watch as the water rose through the streets of the old town on Sunday.",
        ),
        (
            "City could only manage a 1-1 draw at home against Everton on Saturday, the club said.",
            "City managed only a 1-1 draw at home against Everton on Saturday, the club said.",
        ),
    ],
)
def test_could_only_of_what_someone_managed_is_no_hedge(source: str, derived: str) -> None:
    report = compare(source, derived)
    assert [f for f in report.findings if f.type == "hedge_changed"] == []


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "Engineers warned that the damaged dam could only hold for two more days, the agency said on Sunday.",
            "Engineers warned that the damaged dam will hold for two more days, the agency said on Sunday.",
        ),
        (
            "Analysts said the situation could only get worse for the airline in the coming months.",
            "Analysts said the situation will get worse for the airline in the coming months.",
        ),
    ],
)
def test_could_only_of_what_may_come_told_as_fact_is_reported(source: str, derived: str) -> None:
    assert _flagged(source, derived) == [("certainty_increased", "could", None)]


@pytest.mark.parametrize(
    "derived",
    [
        "Halvorsen Foods has posted stronger results for the final three months of last year, with operating profit "
        "up 14%. The company earned 1.92 billion crowns at the operating level between October and December, "
        "compared with 1.68 billion crowns in the same period twelve months earlier. Sales increased by 6% to reach "
        "14.3 billion crowns.",
        "Halvorsen Foods said its operating profit for the last three months of the year was up 14%. Operating "
        "profit reached 1.92 billion Norwegian crowns between October and December, against 1.68 billion twelve "
        "months before. Revenue grew 6% to 14.3 billion crowns.",
    ],
)
def test_period_restated_in_months_is_quiet(derived: str) -> None:
    assert [f for f in compare(RESULTS, derived).findings if f.type == "number_changed"] == []


@pytest.mark.parametrize(
    ("source", "derived", "after"),
    [
        (
            RESULTS,
            "Halvorsen Foods said its operating profit was up 14% after a three-month strike. Operating profit "
            "reached 1.92 billion Norwegian crowns in the October-December period, against 1.68 billion a year "
            "earlier. Revenue grew 6% to 14.3 billion crowns.",
            "three-month",
        ),
        (
            RESULTS,
            "Halvorsen Foods reported a 14% rise in fourth-quarter operating profit on Tuesday. Operating profit "
            "reached 1.92 billion Norwegian crowns between October and December, against 1.68 billion eighteen "
            "months earlier. Revenue grew 6% to 14.3 billion crowns.",
            "eighteen months",
        ),
        (
            RESULTS.replace("a year earlier", "two years earlier"),
            RESULTS.replace("a year earlier", "twelve months earlier"),
            "twelve months",
        ),
    ],
)
def test_period_of_another_length_is_reported(source: str, derived: str, after: str) -> None:
    assert [f.after for f in compare(source, derived).findings if f.type == "number_changed"] == [after]
