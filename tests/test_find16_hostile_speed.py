"""Hostile inputs finish quickly: one 20 KB sentence of a few words repeated (difflib without autojunk took
minutes lining it up), and a run-on list of 2,500 figures on each side (read pair by pair, seconds). The
bound is generous (CPU seconds, so a loaded machine does not fail it); the findings stay those of the slow
way.
"""

from __future__ import annotations

import itertools
import random
import time
from difflib import SequenceMatcher

from storytrace import compare
from storytrace.align import DIFF_PAIRS_CAP, word_opcodes

BOUND_S = 10.0


def _timed(source: str, derived: str) -> tuple[float, int]:
    compare("A warm-up.", "A warm-up.")  # the model loads once, outside the timing
    start = time.process_time()
    report = compare(source, derived)
    return time.process_time() - start, len(report.findings)


def test_a_run_on_of_repeated_words_is_lined_up_quickly() -> None:
    source = " ".join(["the council said"] * 1700)
    derived = " ".join(["the council says"] * 1700)
    took, _ = _timed(source, derived)
    assert took < BOUND_S


def test_a_run_on_list_of_figures_is_compared_quickly() -> None:
    rng = random.Random(16)
    figures = [f"{rng.randint(1, 999)} people" for _ in range(2500)]
    changed = [f if rng.random() < 0.8 else f"{rng.randint(1, 999)} people" for f in figures]
    took, found = _timed(" ".join(figures), " ".join(changed))
    assert took < BOUND_S
    assert found > 0  # the changed figures are still read and reported


def _valid(ops: list[tuple[str, int, int, int, int]], a: list[str], b: list[str]) -> None:
    i = j = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (i, j)
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    assert all((x[0] == "equal") != (y[0] == "equal") for x, y in itertools.pairwise(ops))


def test_word_opcodes_is_difflib_under_the_cap_and_a_valid_lining_up_above() -> None:
    rng = random.Random(7)
    vocab = [f"w{k}" for k in range(400)]
    a = [rng.choice(vocab) for _ in range(150)]
    b = [w if rng.random() < 0.85 else rng.choice(vocab) for w in a]
    assert len(a) * len(b) <= DIFF_PAIRS_CAP
    assert word_opcodes(a, b) == SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    long_a = [rng.choice(vocab) for _ in range(1500)]
    long_b = [w if rng.random() < 0.85 else rng.choice(vocab) for w in long_a]
    ops = word_opcodes(long_a, long_b)
    _valid(ops, long_a, long_b)
    shared = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal")
    exact = sum(m.size for m in SequenceMatcher(None, long_a, long_b, autojunk=False).get_matching_blocks())
    assert shared >= 0.95 * exact
