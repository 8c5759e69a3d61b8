"""Session 23 follow-up (rev23i 6): the pull-quote check answers each distinct quote text once and charges its budget
the characters it searches: 20,000 copies of one caption beside a 1 MB paragraph holding its words searched that
paragraph 20,000 times (20 s)."""

from __future__ import annotations

import resource

from storytrace.article import _without_pull_quotes

BIG = " ".join(["the council said the bridge would close"] * 25_000)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def test_copies_of_one_caption_are_answered_once() -> None:
    captions = ["the council said the bridge reopens"] * 20_000
    before = _cpu()
    kept = _without_pull_quotes([BIG, *captions])
    assert _cpu() - before < 5.0  # 20 s before; about 0.5 s now
    assert kept == [BIG, *captions]


def test_every_copy_of_a_pull_quote_gets_the_same_answer() -> None:
    story = "The mayor said the council would not back down on the bridge, whatever the cost to the town."
    quote = "“the council would not back down on the bridge”"
    other = "Crews began work on the north bank of the river on Monday morning, the council said."
    assert _without_pull_quotes([story, quote, other, quote]) == [story, other]
