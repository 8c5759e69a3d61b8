"""The group-claim check (rev27a 3) read every sentence of the original for every link: 800+800 sentences took
24 user-s against 13.5 before. The original's claimant sentences are now read once per original."""

from __future__ import annotations

import pytest

import storytrace.facts.cues as cues
from storytrace import compare


def test_claimant_sentences_read_once_per_original(monkeypatch: pytest.MonkeyPatch) -> None:
    n = 60
    source = " ".join(
        f"In a letter to resident number {i}, the mayor said the council approved {i + 100} million euros for "
        f"harbour project {i}."
        for i in range(n)
    )
    derived = " ".join(f"The council approved {i + 100} million euros for harbour project {i}." for i in range(n))
    calls = [0]
    real = cues._subject_phrase

    def counted(text: str) -> str:
        calls[0] += 1
        return real(text)

    cues._claimant_sentences.cache_clear()
    monkeypatch.setattr(cues, "_subject_phrase", counted)
    compare(source, derived)
    # linear: a bounded number of reads per sentence, not one per sentence for each link (n * n = 3,600)
    assert calls[0] <= 10 * n
