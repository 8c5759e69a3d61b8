"""Review of quotes19 (rev19q): "she said" after a sentence in which two people speak is nobody's for sure, so
a rewrite that names the two the other way round gives the quote to no different speaker."""

from __future__ import annotations

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
QUOTE = ' "The fire is serious but under control," she said. About 200 homes were evacuated.'


def _speaker_changed(original: str, suspect: str) -> bool:
    report = compare(original + QUOTE, suspect + QUOTE, settings=LEXICAL)
    return any(f.type == "quote_fabricated" and f.severity == "high" for f in report.findings)


def test_two_speakers_named_the_other_way_round_are_no_new_speaker() -> None:
    assert not _speaker_changed(
        "Sarah Cole and Gemma Ashworth said crews arrived within eight minutes.",
        "Gemma Ashworth and Sarah Cole said crews arrived within eight minutes.",
    )


def test_one_named_speaker_swapped_is_still_a_new_speaker() -> None:
    assert _speaker_changed(
        "Gemma Ashworth said crews arrived within eight minutes.",
        "Sarah Cole said crews arrived within eight minutes.",
    )
