"""A fraction followed by a scale word ("2½ million"): one figure, its scale included."""

from __future__ import annotations

from storytrace import Settings, compare
from storytrace.facts.numbers import extract_quantities


def test_a_scale_word_after_a_fraction_scales_the_figure() -> None:
    text = "There are 2½ million people and $3 1/2 billion."
    found = [(q.text, q.value) for q in extract_quantities(text)]
    assert found == [("2½ million", 2_500_000.0), ("$3 1/2 billion", 3_500_000_000.0)]


def test_a_fraction_with_a_scale_is_not_a_changed_figure() -> None:
    # "2½ million" was read as 2.5 and reported as changed against "2.5 million".
    lexical = Settings(use_embeddings=False)
    template = "The census office said {} people live in the region, up from last year."
    same = compare(template.format("2.5 million"), template.format("2½ million"), settings=lexical)
    assert [f for f in same.findings if f.type == "number_changed"] == []
    changed = compare(template.format("3.5 million"), template.format("2½ million"), settings=lexical)
    assert [f.after for f in changed.findings if f.type == "number_changed"] == ["2½ million"]
