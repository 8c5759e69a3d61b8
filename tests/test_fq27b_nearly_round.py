"""fq27b (rev26c item 7): "nearly 200 workers" for 190 is a rounding up that says so, no changed figure, as
"nearly 2,000" for 1,900 already was; small round figures are otherwise exact ("600"), so only a "nearly"-like
qualifier (nearly, almost, close to, just under) within 6% above the original's figure makes them one. "nearly
300" for 190, "nearly 200" for 180 (10%) or for 210 (not below) stay changed figures.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.numbers import extract_quantities
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
BEFORE = "The city council met on Tuesday to discuss the new budget for the coming year. "
AFTER = " The mayor said the plan would be reviewed next spring. Residents can comment on the plan online."


def _changed(original: str, suspect: str) -> list[str]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f"{f.severity} {f.detail}" for f in report.findings if f.type == "number_changed" and f.severity != "low"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The plant laid off 190 workers last year.", "The plant laid off nearly 200 workers last year."),
        ("The plant laid off 190 workers last year.", "The plant laid off almost 200 workers last year."),
        ("The plant laid off 190 workers last year.", "The plant laid off close to 200 workers last year."),
        ("The plant laid off 197 workers last year.", "The plant let go just under 200 of its workers last year."),
        ("Police arrested 57 protesters on Saturday.", "Police arrested nearly 60 protesters on Saturday."),
        ("The project cost $4.7 million.", "The project cost nearly $5 million."),
    ],
)
def test_nearly_a_round_figure_just_above_is_no_change(original: str, suspect: str) -> None:
    assert _changed(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The plant laid off 190 workers last year.", "The plant laid off nearly 300 workers last year."),
        ("The plant laid off 180 workers last year.", "The plant laid off nearly 200 workers last year."),
        ("The plant laid off 210 workers last year.", "The plant laid off nearly 200 workers last year."),
        ("The plant laid off 190 workers last year.", "The plant laid off about 250 workers last year."),
        # not round: "nearly 197" says 195 or 196
        ("The plant laid off 190 workers last year.", "The plant laid off nearly 197 workers last year."),
    ],
)
def test_nearly_a_figure_too_far_or_below_is_still_changed(original: str, suspect: str) -> None:
    assert _changed(original, suspect)


def test_small_round_figures_are_still_exact() -> None:
    (q,) = extract_quantities("The plant laid off 200 workers.")
    assert q.precision == 1.0
    assert _changed("The plant laid off 190 workers last year.", "The plant laid off 200 workers last year.")
