"""A country put for another in an aligned sentence (session 23, helper fm23): "a court in Denmark" -> "a
Swedish court" and "a Danish businessman" -> "a Swedish businessman" were already found through the NER (kept
here); "Two Danes" -> "Two Swedes", whose people's words the NER reads as no name, was silent. Faithful retellings
(the same country in another form) and a sentence naming both countries stay quiet."""

from __future__ import annotations

import pytest

from storytrace import compare


def _entities(source: str, derived: str) -> list[tuple[str | None, str, str | None, str | None]]:
    return [
        (f.subtype, f.severity, f.before, f.after)
        for f in compare(source, derived).findings
        if f.type == "entity_changed"
    ]


CRASH = "Two {} were among the passengers injured in the crash near Hamburg on Friday."


def test_one_people_put_for_another_is_reported() -> None:
    assert _entities(CRASH.format("Danes"), CRASH.format("Swedes")) == [("group", "high", "Danes", "Swedes")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (
            "A court in Denmark on Tuesday jailed a businessman for six years for tax fraud.",
            "A Swedish court on Tuesday jailed a businessman for six years for tax fraud.",
        ),
        (
            "A Danish businessman was jailed for six years on Tuesday for tax fraud.",
            "A Swedish businessman was jailed for six years on Tuesday for tax fraud.",
        ),
    ],
)
def test_a_country_put_for_another_stays_reported(source: str, derived: str) -> None:
    assert [(s, v) for s, v, _b, _a in _entities(source, derived)] == [("group", "high")]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        (CRASH.format("Danes"), CRASH.format("Danish citizens")),
        (CRASH.format("Danes"), CRASH.format("people from Denmark")),
        (
            "A court in Denmark on Tuesday jailed a businessman for six years for tax fraud.",
            "A Danish court on Tuesday jailed a businessman for six years for tax fraud.",
        ),
        (
            "A Danish businessman was jailed for six years on Tuesday for tax fraud.",
            "A businessman from Denmark was jailed for six years on Tuesday for tax fraud.",
        ),
        (
            "A Swedish court on Tuesday jailed a Danish businessman for six years for tax fraud.",
            "A court in Sweden on Tuesday jailed a businessman from Denmark for six years for tax fraud.",
        ),
    ],
)
def test_the_same_country_retold_is_quiet(source: str, derived: str) -> None:
    assert _entities(source, derived) == []


def test_a_sentence_naming_both_countries_is_not_judged() -> None:
    # the original names both countries: which one the court's is, this reading cannot tell (left a miss)
    source = "A court in Denmark on Tuesday jailed a Swedish businessman for six years for tax fraud."
    derived = "A Swedish court on Tuesday jailed a Danish businessman for six years for tax fraud."
    assert _entities(source, derived) == []
