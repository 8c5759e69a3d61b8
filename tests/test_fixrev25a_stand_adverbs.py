"""rev25a R5: a defendant's stand said more firmly ("and would strongly dispute the allegations", "would
robustly challenge the case", "now contests the charges") is the same stand, no added clause; another party
with an -ly name ("while his family would dispute the claims") or a negated stand is still added.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from test_fixrev24a_stand_clause import _added


@pytest.mark.parametrize(
    "tail",
    [
        "and would strongly dispute the allegations.",
        "and would robustly challenge the case.",
        "and now contests the charges.",
    ],
)
def test_a_stand_said_more_firmly_stays_quiet(tail: str) -> None:
    assert _added(tail) == []


@pytest.mark.parametrize(
    "tail",
    [
        "and would fight the charges, though he will not strongly contest two counts of tax evasion.",
        "and would fight the charges, while his family would dispute the claims of his former partners.",
    ],
)
def test_a_negated_or_another_partys_stand_is_still_added(tail: str) -> None:
    assert _added(tail) != []
