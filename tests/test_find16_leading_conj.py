"""A clause that opens with a conjunction before its speaker ("..., and Sen. Harriet Okafor, who sponsored it,
said: ...") names that speaker: the conjunction is cut wherever the clause starts, not only at the text's
first character. So a quote given to another speaker there is reported, and the same speaker retold is not.
"""

from __future__ import annotations

import pytest

from hedges_context import AFTER, BEFORE
from storytrace import compare
from storytrace.facts.quotes import extract_quotes

QUOTE = "\u201cThis is a good day for every patient in the district.\u201d"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The plan passed on Monday, and Sen. Harriet Okafor, who sponsored it, said: " + QUOTE, "Sen. Harriet Okafor"),
        ("The plan passed on Monday, but the mayor, who opposed it, said: " + QUOTE, "the mayor"),
        ("And Sen. Harriet Okafor, who sponsored it, said: " + QUOTE, "Sen. Harriet Okafor"),
    ],
)
def test_the_speaker_after_a_conjunction(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def _speaker_findings(source_who: str, derived_who: str) -> list[str | None]:
    line = "The plan passed on Monday, and {}, who sponsored it, said: " + QUOTE
    report = compare(BEFORE + line.format(source_who) + AFTER, BEFORE + line.format(derived_who) + AFTER)
    return [f.subtype for f in report.findings if f.type in ("attribution_changed", "quote_fabricated")]


def test_a_quote_given_to_another_speaker_after_a_conjunction_is_reported() -> None:
    assert _speaker_findings("Sen. Harriet Okafor", "Councillor Brian Mabry") != []


def test_the_same_speaker_after_a_conjunction_is_quiet() -> None:
    assert _speaker_findings("Sen. Harriet Okafor", "Senator Harriet Okafor") == []
