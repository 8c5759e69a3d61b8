"""The findings' fast paths skip a regex search when a sentence lacks the words every match needs. Those
word lists are kept by hand beside their regexes: here each fast path must give what the plain search gives,
on random sentences made of every literal word of the regexes (so a word added to a regex and not to its list
fails here), in mixed case, with punctuation, hyphens, underscores and digits."""

from __future__ import annotations

import random
import re

import pytest

from storytrace.facts import cues, numbers

_FILLER = "the mayor Smith police 3 12 2020 , . - _ ' ’ \" “ ” ( ) $5 5% \u212a ſaid İ ı café Ünited".split()


def _vocabulary(*patterns: re.Pattern[str]) -> list[str]:
    # Words and the phrases the patterns spell with \s+ ("cited\s+by" -> "cited by").
    phrases = (
        m.replace("\\s+", " ") for p in patterns for m in re.findall(r"[A-Za-z]+\.?(?:\\s\+[A-Za-z]+)*", p.pattern)
    )
    words = set(phrases)
    return sorted(words | {w.upper() for w in words} | {w.capitalize() for w in words}) + _FILLER


def _sentences(vocabulary: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    seps = [" ", " ", " ", "", "-", "\n", "  "]
    return ["".join(rng.choice(vocabulary) + rng.choice(seps) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def test_cue_patterns_are_skipped_only_where_they_cannot_match() -> None:
    patterns = list(cues._NEEDS)
    for text in _sentences(_vocabulary(*patterns), 3000, seed=1):
        for p in patterns:
            m = p.search(text)
            assert cues._first(p, text, [(0, len(text))]) == ((m.start(), m.end()) if m else None), (p.pattern, text)


def test_attributions_are_searched_wherever_they_can_match(monkeypatch: pytest.MonkeyPatch) -> None:
    class Everything(frozenset[str]):
        def isdisjoint(self, other: object) -> bool:
            return False

    texts = _sentences(_vocabulary(cues._SAY_VERB, cues._SUBJECT_AFTER), 2000, seed=2)
    fast = [cues.attributions(t, 0, len(t)) for t in texts]
    monkeypatch.setattr(cues, "_CUE_WORDS", Everything())
    assert [cues.attributions(t, 0, len(t)) for t in texts] == fast


def test_a_figures_qualifier_is_searched_wherever_it_can_match() -> None:
    for text in _sentences(_vocabulary(numbers._QUALIFIER), 3000, seed=3):
        for cut in range(0, len(text) + 1, 2):
            before = text[:cut]
            assert (numbers._qualifier(before) is None) == (numbers._QUALIFIER.search(before) is None), before


def test_lower_case_finds_what_ignoring_case_finds_but_for_three_characters() -> None:
    """``text.lower_is_ignorecase``: every character a case-insensitive ASCII letter matches lower-cases to
    that letter, except the three it names (checked over every code point)."""
    import sys

    from storytrace.text import _FOLDS_TO_ASCII, lower_is_ignorecase

    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    odd = {c for a in "abcdefghijklmnopqrstuvwxyz" for c in re.findall(a, everything, re.IGNORECASE) if c.lower() != a}
    assert odd == {"\u0130", "\u0131", "\u017f"} == set(_FOLDS_TO_ASCII.pattern.strip("[]"))
    assert lower_is_ignorecase("caf\u00e9 \u2019s") and not lower_is_ignorecase("\u017faid")
