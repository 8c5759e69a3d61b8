"""rev25f 5: a defendant's stand said more firmly ("would strongly dispute", "now contests") stays no added clause,
but only for a closed list of manner and time adverbs: rev25a took any -ly word, so a made-up outcome ("and had
successfully challenged the case") and another party named Kelly ("while Kelly would dispute the allegations")
were exempt as the defendant's stand.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from test_fixrev24a_stand_clause import _added


@pytest.mark.parametrize(
    "tail", ["and had successfully challenged the case.", "while Kelly would dispute the allegations."]
)
def test_an_outcome_or_another_party_is_still_added(tail: str) -> None:
    assert _added(tail) != []


@pytest.mark.parametrize(
    "tail", ["and would vigorously dispute the allegations.", "and would firmly contest the charges."]
)
def test_a_listed_manner_adverb_stays_quiet(tail: str) -> None:
    assert _added(tail) == []
