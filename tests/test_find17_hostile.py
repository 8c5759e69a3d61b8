"""Bounded work on hostile input, and long sentences still lined up word by word.

A quotation of thousands of repeated words in both texts took difflib (without autojunk) some 16 s of CPU in
facts/quotes.py; ``align.word_opcodes`` above its cap used to give up on a stretch with no word found once on
each side, so a long sentence worded alike reported every word changed. The bound is generous CPU time, so a
loaded machine does not fail it."""

from __future__ import annotations

import random
import time

from storytrace import compare
from storytrace.align import DIFF_PAIRS_CAP, word_opcodes

BOUND_S = 10.0


def _equal(ops: list[tuple[str, int, int, int, int]]) -> int:
    return sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal")


def test_a_long_hostile_quotation_in_both_texts_is_lined_up_quickly() -> None:
    rng = random.Random(17)
    said = " ".join(rng.choice(["we", "will"]) for _ in range(5000))
    retold = " ".join(rng.choice(["we", "will"]) for _ in range(5000))
    compare("A warm-up.", "A warm-up.")  # the model loads once, outside the timing
    start = time.process_time()
    report = compare(f'The mayor said: "{said}." Then he left.', f'The mayor said: "{retold}." Then he left.')
    assert time.process_time() - start < BOUND_S
    assert any(f.type.startswith("quote") for f in report.findings)  # the quotation is still read


def test_a_long_sentence_with_no_word_unique_to_both_sides_keeps_its_shared_words() -> None:
    rng = random.Random(3)
    words = "the council said that it will vote on the plan again next week after a long debate".split()
    half = [rng.choice(words) for _ in range(300)]
    a = half + half  # every word at least twice
    b = list(a)
    b[0], b[200], b[-1] = "mayor", "city", "today"  # the common ends differ too
    assert len(a) * len(b) > DIFF_PAIRS_CAP
    ops = word_opcodes(a, b)
    assert _equal(ops) == len(a) - 3
    # the opcodes still turn a into b
    out: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        out.extend(a[i1:i2] if tag == "equal" else b[j1:j2])
    assert out == b


def test_no_anchor_at_all_is_lined_up_in_pieces_in_bounded_time() -> None:
    a = ["x", "y"] * 5000
    b = ["y", "x", "x"] * 3000
    start = time.process_time()
    ops = word_opcodes(a, b)
    assert time.process_time() - start < BOUND_S
    assert _equal(ops) > 0.5 * len(b)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        assert (tag == "equal") == (a[i1:i2] == b[j1:j2] and i2 > i1)
        out.extend(b[j1:j2])
    assert out == b
