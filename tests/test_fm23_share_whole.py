"""A share of a cost told as the whole of it (facts/numbers.py ``_share_as_whole``): "will pay 70% of the
cost" -> "is paying for the whole project". Faithful rewrites that keep the share, or a part word, stay quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_LEAD = "The Kessler Bridge will close to trains for 11 weeks from May 5 while engineers replace corroded beams."
_SHARE = (
    "The state Transport Department, which owns the bridge, will pay 70% of the cost, with Northline covering the rest."
)
_TAIL = "Freight trains will be diverted through Ashby Junction, a detour of about 40 miles."


def _numbers(derived_share: str) -> list[tuple[str | None, str]]:
    report = compare(f"{_LEAD} {_SHARE} {_TAIL}", f"{_LEAD} {derived_share} {_TAIL}")
    return [(f.subtype, f.severity) for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    "derived",
    [
        "The bridge belongs to the state Transport Department, which is paying for the whole project.",
        "The state Transport Department, which owns the bridge, will pay the full cost of the work.",
    ],
)
def test_share_told_as_whole_is_a_changed_figure(derived: str) -> None:
    assert ("changed", "medium") in _numbers(derived)


@pytest.mark.parametrize(
    "derived",
    [
        "The bridge belongs to the state Transport Department, which is paying for 70% of the project; "
        "Northline will pay the remainder.",
        "The state Transport Department, which owns the bridge, will cover most of the cost and Northline the rest.",
        "The state Transport Department owns the bridge and will pay the bulk of the cost, with Northline paying "
        "the rest.",
    ],
)
def test_share_kept_stays_quiet(derived: str) -> None:
    assert [f for f in _numbers(derived) if f[1] != "low"] == []
