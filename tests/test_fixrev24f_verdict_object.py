"""A verdict the original gives someone else, told with a common-noun object (review rev24f, item 4): "Former
mayor Daniel Ferreira was charged" -> "has been found guilty" stays high when the original's only verdict is
"a jury convicted two harbour officials", "Judge Mary Okafor jailed the firm's owner" or "sentenced the firm's
former director": a count, or a noun the original does not describe him by, is another person. A verdict
whose object is him (a pronoun, his surname, a bare age, a noun of his description: "the former mayor", "the
ex-mayor") keeps the suspect's restatement quiet; so does "a jury found the former mayor guilty".

The texts are written for these tests (the story of tests/test_fm23_verdict.py)."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
LEAD = (
    "Former mayor Daniel Ferreira was charged on Wednesday with accepting bribes worth $210,000 in exchange "
    "for steering harbour contracts to a local firm, state prosecutors said."
)
VERDICT_LEAD = (
    "Former mayor Daniel Ferreira has been found guilty of accepting bribes worth $210,000 in exchange "
    "for steering harbour contracts to a local firm, state prosecutors said."
)
TAIL = "The council met on Friday to discuss the budget."


def _told_as_verdict(extra: str) -> bool:
    source = f"{LEAD}\n\n{extra}\n\n{TAIL}"
    derived = f"{VERDICT_LEAD}\n\n{extra}\n\n{TAIL}"
    report = compare(source, derived, settings=LEXICAL)
    return any(f.subtype == "allegation_as_fact" and f.severity == "high" for f in report.findings)


@pytest.mark.parametrize(
    "extra",
    [
        "In 2022 a jury convicted two harbour officials of taking bribes from the same firm.",
        "Last year Judge Mary Okafor jailed the firm's owner for six years.",
        "Judge Mary Okafor sentenced the firm's former director to four years in prison in March.",
        "A jury convicted his former business partner of bribery last year.",
        "Judge Mary Okafor jailed the firm's owner for his role in the scheme.",
        "A jury found the firm's owner guilty.",
        "Ferreira, 58, was held in 2021. Last month Judge Mary Okafor sentenced the 61-year-old to four years.",
    ],
)
def test_someone_elses_verdict_leaves_the_charge_told_as_verdict_high(extra: str) -> None:
    assert _told_as_verdict(extra)


@pytest.mark.parametrize(
    "extra",
    [
        "Judge Mary Okafor jailed the former mayor for four years.",
        "A judge jailed the ex-mayor for four years.",
        "A jury found the former mayor guilty.",
        "Judge Mary Okafor sentenced Ferreira to four years.",
        "The judge jailed him for four years in March.",
        "Ferreira, 61, was held in 2021. Last month Judge Mary Okafor sentenced the 61-year-old to four years.",
    ],
)
def test_his_own_verdict_keeps_the_restatement_quiet(extra: str) -> None:
    assert not _told_as_verdict(extra)
