"""fixrev26c (rev26c item 1): a country after "<city>, " that is the subject of its clause ("In Doha, Argentina on
Sunday beat France") is not where the city lies, so the rewrite is no place moved; a country after " in " followed
by a time word ("near Malmo in Norway on Sunday") and one closed by punctuation ("in Lyon, Belgium, on Friday")
still place the city.

rev26c item 5c: "Georgia" after a city the table puts in Georgia or the United States ("in Tbilisi, Georgia",
"in Atlanta, Georgia") is the city's own place, no place the original never names; after another city it is.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
BEFORE = "Emergency crews worked through the night after the storm, officials said. "
AFTER = " Schools in the region will stay closed on Tuesday. Forecasters expect calmer weather later in the week."


def _moved(original: str, suspect: str) -> list[str]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "entity_changed" and f.detail.startswith("place moved")]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Iran demanded on Monday that sanctions be lifted first, at nuclear talks in Vienna.",
            "At nuclear talks in Vienna, Iran on Monday demanded that sanctions be lifted first.",
        ),
        (
            "Argentina beat France on penalties in the World Cup final in Doha on Sunday.",
            "In Doha, Argentina on Sunday beat France on penalties in the World Cup final.",
        ),
        (
            "Russia launched 40 drones at Kyiv overnight, the air force said.",
            "In Kyiv, Russia overnight launched 40 drones, the air force said.",
        ),
        (
            "Israel sent a delegation to truce talks in Cairo this week.",
            "At truce talks in Cairo, Israel this week sent a delegation.",
        ),
        # the subject set off by commas after an opening place
        (
            "Argentina beat France on penalties in the World Cup final in Doha on Sunday.",
            "In Doha, Argentina, on Sunday, beat France on penalties in the World Cup final.",
        ),
    ],
)
def test_a_country_subject_after_a_city_is_no_place_moved(original: str, suspect: str) -> None:
    assert _moved(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Two Danish tourists were injured near Malmo on Sunday.",
            "Two tourists were injured near Malmo in Norway on Sunday.",
        ),
        (
            "The summit in Lyon ended on Friday with a joint statement on trade.",
            "The summit in Lyon, Belgium, on Friday ended with a joint statement on trade.",
        ),
        (
            "The summit in Lyon ended on Friday with a joint statement on trade.",
            "The summit ended on Friday in Lyon, Belgium.",
        ),
    ],
)
def test_a_city_put_in_another_country_is_still_moved(original: str, suspect: str) -> None:
    assert _moved(original, suspect) == ["medium"]


def _not_in_original(original: str, suspect: str) -> list[str]:
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [f.severity for f in report.findings if f.type == "entity_changed" and f.subtype == "not_in_original"]


@pytest.mark.parametrize("city", ["Tbilisi", "Atlanta"])
def test_georgia_after_its_own_city_is_quiet(city: str) -> None:
    original = f"Crews in {city} restored power on Monday."
    assert _not_in_original(original, original.replace(city, f"{city}, Georgia,")) == []


def test_georgia_after_another_city_is_still_not_in_the_original() -> None:
    original = "Crews in Lyon restored power on Monday."
    assert _not_in_original(original, original.replace("Lyon", "Lyon, Georgia,"))
