"""A charge retold as charges faced, beside an arrest (review rev24f, item 1): "Two teenagers were charged with
murder ..., police said" -> "Two 16-year-old boys were arrested and face murder charges" keeps the charge as a
charge. The subject's own words ("16-year-old boys", "from Leeds", "The woman's husband"), a custody verb with
its agent ("arrested by police", "detained by armed officers", "handed themselves in to police") and the
accuser's words are no deed, so no allegation is told as fact. A deed stated beside the charges, in the
predicate or in a clause after the custody verb, still is (high).

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

HEAD = "Pub stabbing\n\nLEEDS, England, March 14 (2023) -\n\n"
TAIL = " The two will appear in court on Friday. Police said the investigation was continuing."
CHARGED = "Two teenagers were charged with murder on Tuesday after a man was stabbed outside a pub, police said."
WIFE = "A man has been charged with murder after his wife was found dead at their home, police said."


def _allegation(source: str, derived: str) -> list[str]:
    report = compare(HEAD + source + TAIL, HEAD + derived + TAIL, settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "allegation_as_fact"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            CHARGED,
            "Two teenagers were arrested by police and face murder charges after a man was stabbed outside a pub.",
        ),
        (
            CHARGED,
            "Two 16-year-old boys were arrested and face murder charges after a man was stabbed outside a pub, "
            "police said.",
        ),
        (
            CHARGED,
            "Two teenagers from Leeds were arrested and now face murder charges after a man was stabbed outside a "
            "pub, police said.",
        ),
        (
            CHARGED,
            "Two teenagers handed themselves in to police and face murder charges after a man was stabbed outside "
            "a pub.",
        ),
        (
            CHARGED,
            "Two teenagers were detained by armed officers and face murder charges after a man was stabbed outside "
            "a pub.",
        ),
        (
            WIFE,
            "The woman's husband was arrested and faces a murder charge after she was found dead at their home, "
            "police said.",
        ),
    ],
)
def test_charge_faced_beside_an_arrest_is_quiet(source: str, derived: str) -> None:
    assert _allegation(source, derived) == []


@pytest.mark.parametrize(
    "derived",
    [
        "Two teenagers stabbed a man to death outside a pub and face murder charges, police said.",
        "Police said two teenagers knifed a man outside a pub and face murder charges.",
        "Two teenagers were arrested after stabbing a man outside a pub and face murder charges, police said.",
        "Two teenagers were arrested for stabbing a man and now face murder charges.",
    ],
)
def test_deed_beside_the_charges_is_still_high(derived: str) -> None:
    assert "high" in _allegation(CHARGED, derived)
