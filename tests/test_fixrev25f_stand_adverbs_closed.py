"""rev25f 5: a defendant's stand said more firmly ("would strongly dispute", "now contests") stays no added clause,
but only for a closed list of manner and time adverbs: rev25a took any -ly word, so a made-up outcome ("and had
successfully challenged the case") and another party named Kelly ("while Kelly would dispute the allegations")
were exempt as the defendant's stand.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

ORIGINAL = (
    "Former mayor Daniel Ferreira was charged with bribery on Wednesday. His lawyer, Helen Markham, said her client "
    "was innocent and would fight the charges. He is due back in court on April 2."
)
SUSPECT = (
    "Former mayor Daniel Ferreira was charged with bribery on Wednesday. Helen Markham, his attorney, insisted he "
    "was innocent {} He is due back in court on April 2."
)


def _added(tail: str) -> list[str]:
    report = compare(ORIGINAL, SUSPECT.format(tail))
    return [f.detail for f in report.findings if f.type == "claim_added" and f.severity in ("high", "medium")]


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
