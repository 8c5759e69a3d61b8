"""rev24a 5: a defendant's stand told in other words (fa24 e, ``_FIGHTS_CASE``) frees only its own words from an
added clause: a negated stand ("will not contest two counts of tax evasion"), another party's ("prosecutors vowed
to challenge her claims") or more than the stand is still an added clause.

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
    "tail",
    [
        "and would fight the charges, though he will not contest two counts of tax evasion.",
        "and would fight the charges, while prosecutors vowed to challenge her claims at trial.",
    ],
)
def test_a_negated_or_another_partys_stand_is_still_added(tail: str) -> None:
    assert _added(tail) != []


@pytest.mark.parametrize("tail", ["and vowed to contest the case.", "and he vowed to contest the case at trial."])
def test_the_defendants_stand_in_other_words_stays_quiet(tail: str) -> None:
    assert _added(tail) == []
