"""fixrev26b left: the roundup rule still counted the weekday of a plan whose auxiliary an attribution interrupts
("Ueda will, officials said, testify on Monday": the commas ended the clause ``_AHEAD`` reads, and Monday, two days
before the wire's wrong stamp, read as a day of the week behind the story and silenced the warning). The
counterparts: a weekday in the past with an attribution, or after a plan told in its own aside, still reads as a
roundup."""

from __future__ import annotations

import pytest

from test_fixrev26b_stamps import BOJ, _conflict


@pytest.mark.parametrize(
    "closing",
    [
        "Ueda will, officials said, testify before a parliamentary committee on Monday.",
        "Ueda will \u2014 according to the ministry \u2014 testify before a parliamentary committee on Monday.",
        "Ueda will, officials told reporters, testify before a parliamentary committee on Monday.",
    ],
)
def test_a_plan_with_an_attribution_inside_still_warns(closing: str) -> None:
    warning = _conflict(BOJ + "\n\n" + closing)
    assert warning is not None and "nywire's stamp may be wrong" in warning


@pytest.mark.parametrize(
    "background",
    [
        "The finance ministry, officials said, had not stepped into the currency market on Monday.",
        "The committee, which will question Ueda next month, met on Monday to set its agenda.",
    ],
)
def test_a_past_weekday_beside_an_aside_still_reads_as_a_roundup(background: str) -> None:
    assert _conflict(BOJ + "\n\n" + background) is None
