"""rev25a R2: the un- participles that do deny their rest ("not loaded" is "unloaded", "not tied" "untied",
"not leashed" "unleashed") are off the stop list of words that only look like denials (rev24e had put them
there), so a faithful rewrite with them is no negation flip again; a plain flip ("not loaded" -> "loaded")
still is. "Income" denies nothing ("did not come"): a real flip beside it is reported.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
LEAD = "Police were called to a house in Carver on Monday night."
TAIL = "A 34-year-old man was later arrested."


def _flips(original: str, suspect: str) -> list[str]:
    report = compare(f"{LEAD} {original} {TAIL}", f"{LEAD} {suspect} {TAIL}", settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "hedge_changed" and f.subtype == "negation_flipped"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Police said the gun was not loaded when it was found.",
            "Police said the gun was unloaded when it was found.",
        ),
        (
            "The dog was not leashed when it attacked the boy, police said.",
            "The dog was unleashed when it attacked the boy, police said.",
        ),
        (
            "The boat was not tied up when the storm hit, the owner said.",
            "The boat was untied when the storm hit, the owner said.",
        ),
        (
            "The bags were not packed when officers arrived, police said.",
            "The bags were unpacked when officers arrived, police said.",
        ),
    ],
)
def test_an_un_participle_denies_what_not_denied(original: str, suspect: str) -> None:
    assert _flips(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Police said the gun was not loaded when it was found.", "Police said the gun was loaded when it was found."),
        (
            "The money did not come from the county budget, police said.",
            "The money came from the county's income, police said.",
        ),
    ],
)
def test_a_real_flip_is_still_reported(original: str, suspect: str) -> None:
    assert "high" in _flips(original, suspect)
