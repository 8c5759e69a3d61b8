""" "over the next five years" retold as "over five years" is one span of time, not a bound added (a low
`qualifier` finding the flourish repro of session 21 showed); a bound really added stays reported.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

_ORIGINAL = (
    "The House on Thursday approved a $68 billion bill that will fund road and bridge repairs across the country "
    "over the next five years. The bill passed by a vote of 228 to 201. The Senate will take it up next month."
)


def _qualifiers(original: str, suspect: str) -> list[tuple[str | None, str]]:
    report = compare(original, suspect, settings=LEXICAL)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize("span", ["over five years", "during the next five years"])
def test_the_same_span_of_time_stays_quiet(span: str) -> None:
    assert _qualifiers(_ORIGINAL, _ORIGINAL.replace("over the next five years", span)) == []


def test_the_span_said_the_other_way_round_stays_quiet() -> None:
    original = _ORIGINAL.replace("over the next five years", "over five years")
    assert _qualifiers(original, _ORIGINAL) == []


def test_a_bound_added_to_a_bare_span_is_still_reported() -> None:
    original = _ORIGINAL.replace("over the next five years", "for five years")
    suspect = _ORIGINAL.replace("over the next five years", "for more than five years")
    assert ("qualifier", "low") in _qualifiers(original, suspect)


@pytest.mark.parametrize(
    ("original_span", "suspect_span"),
    [
        # done within five years is not done over more than five: the bound moved
        ("will be finished within the next five years", "will take over five years"),
        ("will be completed in the first five years", "will take more than five years"),
    ],
)
def test_a_span_retold_as_a_bound_is_still_reported(original_span: str, suspect_span: str) -> None:
    base = (
        "The House on Thursday approved a $68 billion bill. The repairs {} , officials said. The vote was 228 to 201."
    )
    original = base.format(original_span).replace(" ,", ",")
    suspect = base.format(suspect_span).replace(" ,", ",")
    assert ("qualifier", "low") in _qualifiers(original, suspect)
