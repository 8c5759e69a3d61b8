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

ORIGINAL = """Norland Foods profit jumps 18% as price rises offset weaker volumes

Published 5 February 2026 07:00 UTC

Norland Foods reported an 18% rise in full-year operating profit on Thursday, as higher prices for its frozen meals and snacks more than made up for a fall in the volume of goods it sold.

The Oslo-listed group said operating profit reached 2.31 billion Norwegian crowns in 2025, up from 1.96 billion a year earlier. Revenue rose 6.4% to 28.7 billion crowns.

Sales volumes fell 3.1% across the group, with the sharpest decline in Sweden, where the company lost a supply contract with a large supermarket chain in the spring.

Chief executive Ingrid Solheim said the results showed the company's brands were holding up. "Consumers are still choosing our products even when they pay a little more, and that gives us confidence going into 2026," Solheim told analysts on a conference call.

The board proposed a dividend of 4.50 crowns per share, compared with 3.80 crowns last year.

Norland expects operating profit to grow by between 5% and 8% in 2026, though finance director Lars Eikeland cautioned that the outlook depended on cocoa and dairy costs, which remain volatile.

"We are not assuming any relief on input costs in our guidance," Eikeland said.

The company plans to close its bakery in Drammen by the end of 2026, a move that will affect around 140 jobs. Unions said they would seek talks with management.

Analysts at Fjordbank had forecast operating profit of 2.25 billion crowns.

Shares in Norland rose 4.2% in early trading in Oslo.

The group also said it was considering the sale of its Danish beverages unit, but added that no decision had been made."""
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
