"""rev24a 1: a sentence ends on "the U.S." only after a place's preposition, never after "that", a verb of
saying, a conjunction or a passive's "by" (there the acronym is the clause's subject or agent)."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings
from storytrace.text import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts have warned for months that the U.S. SEC will tighten the rules on crypto exchanges.",
        "Lawmakers were told on Tuesday that the U.S. FBI has opened an inquiry into the leak.",
        "The company has said it is confident that the U.K. CMA will approve the merger by June.",
        "Investors are betting that the U.S. FOMC will cut rates in September.",
        "The firm was fined after the U.S. DOJ said it had broken sanctions rules.",
        "The drug was approved by the U.S. FDA in 2019 and is now sold in 40 countries.",
        "Studies that were funded by the U.S. NIH have shown little effect on survival.",
    ],
)
def test_acronym_as_subject_or_agent_stays_in_its_sentence(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Most of the guns were bought in the U.S. FBI agents said they were traced to Texas.",
            "Most of the guns were bought in the U.S.",
        ),
        (
            "The cash was wired from accounts in the U.K. SFO investigators have frozen them since.",
            "The cash was wired from accounts in the U.K.",
        ),
    ],
)
def test_place_then_new_speaker_splits(text: str, first: str) -> None:
    got = _sentences(text)
    assert len(got) == 2 and got[0] == first


def test_faithful_regulator_rewrite_stays_quiet() -> None:
    source = (
        "The company said it was confident that the U.K. CMA will approve the 3.2 billion pound merger by June. "
        "Shares rose 4%."
    )
    derived = (
        "The company said it expects Britain's competition regulator to clear the 3.2 billion pound merger by "
        "June. Shares rose 4%."
    )
    findings = compare(source, derived, settings=Settings(use_embeddings=False)).findings
    assert [(f.type, f.severity) for f in findings if f.severity != "low"] == []
