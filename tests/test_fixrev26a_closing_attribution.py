"""rev26a item 2 (helper fixrev26a): a closing attribution keeps an allegation the accuser's even with where or
when it was made after the verb ("..., two former employees testified in court on Monday") or with the accuser
after "by" ("..., as described by several witnesses"). A blame verb with an object of its own beside the deed told
as fact ("..., environmental groups blamed officials for ignoring warnings"), or another's description ("as
described by prison officials"), keeps the high finding. The texts are written for these tests."""

from __future__ import annotations

import pytest

from test_fixrev25h_findings import GROUPS, _hedges

EMPLOYEES = "Two former employees allege that the manager falsified safety records."
WITNESSES = "Witnesses allege that guards beat the prisoners."


@pytest.mark.parametrize(
    ("claim", "retold"),
    [
        (EMPLOYEES, "The manager falsified safety records, two former employees testified in court on Monday."),
        (EMPLOYEES, "The manager falsified safety records, two former employees testified at his trial last week."),
        (WITNESSES, "Guards beat the prisoners, as described by several witnesses."),
        (WITNESSES, "Guards beat the prisoners, as witnesses described."),
    ],
)
def test_closing_attribution_with_place_time_or_by_keeps_the_allegation(claim: str, retold: str) -> None:
    assert _hedges(claim, retold) == []


@pytest.mark.parametrize(
    ("claim", "stated"),
    [
        (
            GROUPS,
            "The dam harmed fish stocks in the river, environmental groups blamed officials on Monday for ignoring "
            "warnings.",
        ),
        (
            GROUPS,
            "The dam harmed fish stocks in the river, environmental groups blamed officials at a meeting on Monday.",
        ),
        (WITNESSES, "Guards beat the prisoners, as described by prison officials."),
    ],
)
def test_blame_of_others_or_another_describer_stays_high(claim: str, stated: str) -> None:
    assert _hedges(claim, stated) == [("allegation_as_fact", "high")]
