"""A relation that claims reuse points at reused sentences (clean22): compare, like trace, calls no suspect
(partly) derived when none of its sentences is linked to the original's."""

from __future__ import annotations

from typing import Any

import pytest

from storytrace import compare
from storytrace.settings import DEFAULT_SETTINGS

ORIGINAL = (
    "The auction house said the collection, believed to be worth more than 40 million dollars, would be sold in "
    "New York next spring.\n\n"
    "The heirs of the collector, who died in March, had fought over the paintings for six years in the courts of "
    "three countries.\n\n"
    "Experts said the sale could set a record for a private collection of modern art.\n"
)
# Another story that shares a stock phrase of six words with it, and nothing else.
STOCK_PHRASE = (
    "A stolen violin believed to be worth more than two million dollars was found in a Vienna taxi on Sunday."
)


def test_a_stock_phrase_alone_makes_no_partial_copy() -> None:
    for settings in (DEFAULT_SETTINGS.with_(use_embeddings=False), DEFAULT_SETTINGS):
        report = compare(ORIGINAL, STOCK_PHRASE, settings=settings)
        assert all(link.kind == "added" for link in report.alignment.links)
        assert report.scores.verbatim > DEFAULT_SETTINGS.partial_reuse  # the run is still counted as copied words
        assert report.verdict.relation in ("related", "unrelated")
        assert "no sentence of it is linked to one of the original's" in report.verdict.evidence


def test_a_copied_sentence_still_makes_a_partial_copy() -> None:
    suspect = (
        "The heirs of the collector, who died in March, had fought over the paintings for six years in the courts "
        "of three countries. A stolen violin was found in a Vienna taxi on Sunday, police said, and its owner, a "
        "cellist from Graz, was said to be relieved. Officers are looking for the driver who took it to a depot."
    )
    report = compare(ORIGINAL, suspect, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))
    assert report.verdict.relation == "partially_derived"


# --- code debts: one sentence choice for the old-news parse, one first-match helper -------------------------------


def test_the_sentences_asked_ahead_are_those_the_verbs_are_read_from(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_Tenses.asked`` (what is parsed ahead in a batch) and ``_Tenses.of`` (what is read) choose the sentences
    one way: a quoted weekday and the sentences past the cap are neither asked for nor read."""
    from storytrace.article import article_from_text
    from storytrace.facts import dates, tense
    from storytrace.text import analyse

    lines = ['"I resigned on Monday," the mayor said.']
    lines += [f"Crew {k} of the harbour fleet left port on Tuesday after the storm." for k in range(30)]
    doc = analyse(article_from_text(" ".join(lines)))
    mentions = [m for m in dates.extract_dates(doc.text) if m.unit == "weekday"]
    assert len(mentions) == 31
    tenses = dates._Tenses(doc)
    asked = tenses.asked(mentions)
    read: list[tuple[int, int]] = []
    real = tense.governor

    def recording(text: str, start: int, end: int, span: tuple[int, int]) -> Any:
        read.append((start, end))
        return real(text, start, end, span)

    monkeypatch.setattr(tense, "governor", recording)
    for m in mentions:
        tenses.of(m)
    assert asked == read
    assert len(asked) == dates._MAX_PARSED - 1  # the quoted sentence counts to the cap but is not parsed
    assert tenses.asked(mentions) == []  # all asked and answered


def test_a_charge_told_as_a_verdict_is_still_found() -> None:
    """outcomes reads the original's stage with cues' first-match helper (its own copy is gone)."""
    original = (
        "The former mayor was charged with accepting bribes from a building firm, prosecutors said on Monday. "
        "He denies wrongdoing and is due in court next month."
    )
    suspect = (
        "The former mayor was convicted of accepting bribes from a building firm, prosecutors said on Monday. "
        "He denies wrongdoing and is due in court next month."
    )
    report = compare(original, suspect, settings=DEFAULT_SETTINGS.with_(use_embeddings=False))
    assert any(f.type == "hedge_changed" and f.severity == "high" for f in report.findings), report.findings
