"""fixrev27d (rev27d 2): "nearly" before a round percentage allows at most one point (and 6% of it): "nearly
100% effective" for 94% and "nearly 50% of the vote" for 47% are changed figures; "nearly 5%" for 4.7% and
"nearly 50%" for 49.4% round as "nearly $5 million" for $4.7 million does. Counts keep their 6% ("nearly 200"
for 190).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
_PRE = "The city council met on Tuesday to discuss the new budget for the coming year. "
_POST = " The mayor said the plan would be reviewed next spring. Residents can comment on the plan online."


def _changed(original: str, suspect: str) -> list[str]:
    report = compare(_PRE + original + _POST, _PRE + suspect + _POST, settings=LEXICAL)
    return [
        f"{f.severity}: {f.detail}"
        for f in report.findings
        if f.type == "number_changed" and f.severity in ("high", "medium")
    ]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The vaccine was 94% effective in the trial.", "The vaccine was nearly 100% effective in the trial."),
        ("She won 47% of the vote in the first round.", "She won nearly 50% of the vote in the first round."),
        ("Inflation rose to 4.5% in May.", "Inflation rose to nearly 5% in May."),
    ],
)
def test_nearly_more_than_a_point_below_a_round_share_is_a_changed_figure(original: str, suspect: str) -> None:
    assert _changed(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Inflation rose to 4.7% in May.", "Inflation rose to nearly 5% in May."),
        ("She won 49.4% of the vote in the first round.", "She won nearly 50% of the vote in the first round."),
        ("The vaccine was 99.2% effective in the trial.", "The vaccine was nearly 100% effective in the trial."),
        ("The plant laid off 190 workers last year.", "The plant laid off nearly 200 workers last year."),
    ],
)
def test_nearly_a_round_figure_just_above_is_the_same_figure(original: str, suspect: str) -> None:
    assert not _changed(original, suspect)
