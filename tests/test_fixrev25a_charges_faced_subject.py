"""rev25a R3: in "<suspects> were arrested and face murder charges" the predicate starts at the first auxiliary;
an -ed word in the subject's opening ("Two masked teenagers", "Two suspected gang members") is an adjective,
not the suspects' deed, so the faithful rewrite keeps the allegation. A bare past verb with its object before
the charges ("stabbed a man to death ... and face murder charges", also after a masked subject or before an
arrest) still tells the deed as fact.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
HEAD = "Pub stabbing\n\nLEEDS, England, March 14 (2023) -\n\n"
TAIL = " The two will appear in court on Friday. Police said the investigation was continuing."
CHARGED = "Two teenagers were charged with murder on Tuesday after a man was stabbed outside a pub, police said."
GANG = CHARGED.replace("Two teenagers", "Two men") + " Police believe both men belong to a local gang."


def _allegations(original: str, suspect: str) -> list[str]:
    report = compare(HEAD + original + TAIL, HEAD + suspect + TAIL, settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "hedge_changed" and f.subtype == "allegation_as_fact"]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            GANG,
            "Two suspected gang members were arrested and face murder charges after a man was stabbed outside a "
            "pub, police said.",
        ),
        (
            CHARGED,
            "Two unnamed teenagers were arrested and face murder charges after a man was stabbed outside a pub, "
            "police said.",
        ),
        (
            CHARGED,
            "Two masked teenagers were arrested and face murder charges after a man was stabbed outside a pub, "
            "police said.",
        ),
    ],
)
def test_an_adjective_of_the_subject_is_no_deed(original: str, suspect: str) -> None:
    assert _allegations(original, suspect) == []


@pytest.mark.parametrize(
    "suspect",
    [
        "Two teenagers stabbed a man to death outside a pub and face murder charges, police said.",
        "Two masked teenagers stabbed a man to death outside a pub and face murder charges, police said.",
        "Two teenagers stabbed a man to death outside a pub and were arrested and face murder charges, police said.",
    ],
)
def test_a_deed_told_before_the_charges_is_still_high(suspect: str) -> None:
    assert "high" in _allegations(CHARGED, suspect)
