# ruff: noqa: E501 - the story is as qa26 wrote it, one paragraph a line
"""A cause the original never gives is no faithful merge (review rev27c, R1).

fq27a let a summary sentence tell facts from two sentences of the original as one when a plain word stood with
each in its own sentence. "The company will close its bakery in Drammen because sales volumes fell 3.1%" joins
the bakery closure and the fall in volumes, told apart, by a cause the original never states; "company", a word
both sentences have of anything, anchored the join and the claim went quiet. Now facts of different sentences
joined by a cause, time or condition ("because", "after", "if") are no faithful merge, and the subject nouns of a
story about one body ("company", "group", "police") anchor nothing. The counterpart: qa26's faithful merge of
profit, prices and volumes ("..., even though volumes fell 3.1%") stays quiet.
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text
from test_fixqa26t_independent_report import ORIGINAL

HEAD = "Norland Foods lifts profit\n\nPublished 5 February 2026 13:00 UTC\n\n"
TAIL = " It raised its dividend to 4.50 crowns a share."


def _loud(sentence: str) -> list[str]:
    report = compare(
        article_from_text(ORIGINAL, id="original"), article_from_text(HEAD + sentence + TAIL, id="suspect")
    )
    return [
        f"{f.type}/{f.subtype}"
        for f in report.findings
        if f.subtype in ("recombined", "weak_support") and f.severity in ("medium", "high")
    ]


def test_a_cause_joining_two_sentences_facts_is_flagged() -> None:
    assert _loud("The company will close its bakery in Drammen because sales volumes fell 3.1%.")


def test_a_time_joining_two_sentences_facts_is_flagged() -> None:
    assert _loud("The company will close its bakery in Drammen, affecting 140 jobs, after sales volumes fell 3.1%.")


def test_the_same_facts_side_by_side_stay_quiet() -> None:
    # counterpart: the closure and its jobs, one sentence of the original, told without a cause
    assert _loud("The company will close its bakery in Drammen by the end of 2026, affecting around 140 jobs.") == []


def test_a_faithful_merge_stays_quiet() -> None:
    # counterpart (qa26 P9): profit, prices and volumes from two sentences, "even though" asserting no cause
    assert (
        _loud(
            "Norland Foods said 2025 operating profit rose 18% to 2.31 billion crowns on higher prices, even though volumes fell 3.1%."
        )
        == []
    )
