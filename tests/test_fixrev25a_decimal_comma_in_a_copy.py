"""rev25a R6: a word's norm drops only a thousands grouping's commas ("1,500" is "1500"), not a decimal comma
("2,5" stays itself), so a copied sentence that writes "25%" for "2,5%" or "3,5 million" for "35 million" has
its figures compared and the change reported. The same figure written either way ("2,5%" and "2.5%", "1,500"
and "1500") stays quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings
from storytrace.text import normalize_word

LEXICAL = Settings(use_embeddings=False)
LEAD = "Olive oil prices in Spain have fallen sharply this year, the farm ministry said on Monday."
TAIL = "Farmers said the drop would hurt small producers across Andalusia."


def _numbers(original: str, suspect: str) -> list[str]:
    report = compare(f"{LEAD} {original} {TAIL}", f"{LEAD} {suspect} {TAIL}", settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "number_changed"]


@pytest.mark.parametrize(
    ("word", "norm"), [("1,500", "1500"), ("1,234,567", "1234567"), ("10,000-strong", "10000-strong"), ("2,5", "2,5")]
)
def test_only_a_grouping_comma_is_dropped(word: str, norm: str) -> None:
    assert normalize_word(word) == norm


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Prices fell 2,5% in May.", "Prices fell 25% in May."),
        ("The harvest was worth 35 million euros.", "The harvest was worth 3,5 million euros."),
        ("A litre now costs about 4,10 euros.", "A litre now costs about 410 euros."),
    ],
)
def test_a_decimal_comma_figure_changed_in_a_copy_is_reported(original: str, suspect: str) -> None:
    assert _numbers(original, suspect) != []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Prices fell 2,5% in May.", "Prices fell 2.5% in May."),
        ("The harvest was worth 3,5 million euros.", "The harvest was worth 3.5 million euros."),
        ("The plant employs 1,500 workers.", "The plant employs 1500 workers."),
    ],
)
def test_the_same_figure_written_either_way_stays_quiet(original: str, suspect: str) -> None:
    assert _numbers(original, suspect) == []
