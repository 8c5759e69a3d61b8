"""rev26a item 5 (helper fixrev26a): the grouping comma's lakh pairs are bounded to four ("1,00,00,00,000" at
most), so a long run of two-digit comma groups ("Aged 15,15,...,15") is no longer rescanned at each comma
(quadratic: benchmarks/huge_pages.py, page age_list_48kb, times it). What is read stays as before: the Indian
and the international groupings lose their commas, a decimal comma and a list of ages keep theirs."""

from __future__ import annotations

import pytest

from storytrace.text import normalize_word


@pytest.mark.parametrize(
    ("word", "norm"),
    [
        ("1,50,000", "150000"),
        ("12,50,000", "1250000"),
        ("1,00,00,000", "10000000"),
        ("1,00,00,00,000", "1000000000"),
        ("1,250,000", "1250000"),
        ("2,5", "2,5"),
        ("15,16", "15,16"),
        ("4,10", "4,10"),
    ],
)
def test_grouping_commas_dropped_decimal_commas_kept(word: str, norm: str) -> None:
    assert normalize_word(word) == norm


def test_a_long_list_of_two_digit_ages_keeps_its_commas() -> None:
    ages = ",".join("15" for _ in range(2_000))
    assert normalize_word(ages) == ages
    # a closing three-digit group takes at most four pairs before it as a lakh grouping, not the whole list
    assert normalize_word(ages + ",150") == ",".join("15" for _ in range(1_995)) + ",1515151515150"
