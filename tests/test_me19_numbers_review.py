"""Review of nums19 (rev19n): a ratio is a share only up to "one in ten" and where a share stands; small shares
and counts over events keep their old readings ("one in 50" -> "one in 100" is a change, "killed 2 in 5 attacks"
a count)."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
BEFORE = "The report was published on Monday by the health agency. "
AFTER = " The agency will review the figures next year."


def _figures(original: str, suspect: str) -> list[str]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f.detail for f in report.findings if f.type == "number_changed" and f.severity in ("high", "medium")]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Two in five adults said they had skipped meals.", "About 40% of adults said they had skipped meals."),
        ("A survey found that nine out of 10 doctors agree.", "A survey found that 90% of doctors agree."),
        ("Militants killed 2 in 5 attacks last month.", "Militants killed 2 people in five attacks last month."),
        ("Police arrested 3 in 4 raids on Tuesday.", "Police arrested three people in four raids on Tuesday."),
    ],
)
def test_the_same_figure_told_another_way_is_quiet(original: str, suspect: str) -> None:
    assert _figures(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("One in 1,000 patients died after the operation.", "One in 100 patients died after the operation."),
        ("One in 50 patients died after the operation.", "One in 100 patients died after the operation."),
        ("Two in five adults said they had skipped meals.", "About 60% of adults said they had skipped meals."),
    ],
)
def test_a_changed_share_is_reported(original: str, suspect: str) -> None:
    assert _figures(original, suspect)
