"""rev25f 3+4: a copied sentence whose figure is regrouped stays quiet. The Indian lakh grouping ("Rs 1,50,000",
"12,50,000 farmers") drops all its commas as the international one does (rev25a kept the first, so "Rs 150,000"
read as a new figure); a metric measure to three decimals ("3.962 metres", "the 4.478-metre Matterhorn") is as
likely a translation's grouping dot and keeps both readings, while an imperial one ("2.125 inches") is English
and a regrouped copy of it is a changed figure. A decimal comma ("2,5", "15,16", "4,10") is still the figure's own.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings
from storytrace.text import normalize_word

LEXICAL = Settings(use_embeddings=False)
LEAD = "Two German climbers died in a fall in the Swiss Alps on Sunday, police in Zermatt said."
TAIL = "A rescue helicopter recovered their bodies on Monday."


def _findings(original: str, suspect: str) -> list[tuple[str, str]]:
    report = compare(f"{LEAD} {original} {TAIL}", f"{LEAD} {suspect} {TAIL}", settings=LEXICAL)
    return [(f.type, f.severity) for f in report.findings]


@pytest.mark.parametrize(
    ("word", "norm"),
    [("1,50,000", "150000"), ("12,50,000", "1250000"), ("1,250,000", "1250000"), ("2,5", "2,5"), ("15,16", "15,16")],
)
def test_only_grouping_commas_are_dropped(word: str, norm: str) -> None:
    assert normalize_word(word) == norm


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Each family will get Rs 1,50,000 in aid.", "Each family will get Rs 150,000 in aid."),
        ("About 12,50,000 farmers will benefit.", "About 1,250,000 farmers will benefit."),
        ("The pair fell from a ridge at 3.962 metres.", "The pair fell from a ridge at 3,962 metres."),
        (
            "They fell near the top of the 4.478-metre Matterhorn.",
            "They fell near the top of the 4,478-metre Matterhorn.",
        ),
    ],
)
def test_a_regrouped_copy_is_quiet(original: str, suspect: str) -> None:
    assert _findings(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The pair fell 2.125 inches short of the ledge.", "The pair fell 2,125 inches short of the ledge."),
        ("The pair fell from a ridge at 3.962 metres.", "The pair fell from a ridge at 3,862 metres."),
        ("Each family will get Rs 1,50,000 in aid.", "Each family will get Rs 250,000 in aid."),
    ],
)
def test_a_changed_figure_is_still_found(original: str, suspect: str) -> None:
    assert any(t in ("number_changed", "number_added") for t, _ in _findings(original, suspect))
