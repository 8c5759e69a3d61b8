"""One country, city or body written two ways is no swap; capitals of a headline are no name (facts14)."""

from __future__ import annotations

import pytest

from numbers13_context import findings_of
from storytrace import Settings, compare
from storytrace.facts.entities import Entity, _misspelt, _written_as_name, referents_in, same_referent

LEXICAL = Settings(use_embeddings=False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("USSR", "the Soviet Union"),
        ("U.S.S.R.", "Soviet Union"),
        ("Britain", "the UK"),
        ("Washington, D.C.", "D.C."),
        ("Washington", "DC"),
        ("the U.S.", "America"),
        ("Holland", "the Netherlands"),
        ("Burma", "Myanmar"),
    ],
)
def test_one_referent_written_two_ways(a: str, b: str) -> None:
    assert same_referent(a, b) and same_referent(b, a)


@pytest.mark.parametrize(("a", "b"), [("the Soviet Union", "the UK"), ("Washington", "Moscow"), ("DC", "NYC")])
def test_two_referents_stay_two(a: str, b: str) -> None:
    assert not same_referent(a, b)


def test_referents_in_keeps_case_so_pronouns_and_words_are_not_names() -> None:
    assert referents_in("Talks with us were held; who knows.") == frozenset()
    assert referents_in("The U.S. and the WHO met.") == referents_in("America met the World Health Organization.")


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "According to the files, the USSR sought talks with Western governments as early as 1985.",
            "According to the files, the Soviet Union sought talks with Western governments as early as 1985.",
        ),
        (
            "The deal was first proposed by Britain in talks with the European Union last year.",
            "The deal was first proposed by the UK in talks with the European Union last year.",
        ),
        (
            "The rally began near the Capitol in Washington shortly after noon on Saturday.",
            "The rally began near the Capitol in D.C. shortly after noon on Saturday.",
        ),
        (
            "The rally began near the Capitol in D.C. shortly after noon on Saturday.",
            "The rally began near the Capitol in Washington, D.C. shortly after noon on Saturday.",
        ),
    ],
)
def test_an_alias_is_not_a_changed_or_new_name(original: str, suspect: str) -> None:
    assert findings_of(original, suspect, "entity_changed") == []


@pytest.mark.parametrize(
    ("original", "suspect", "after"),
    [
        (
            "According to the files, the USSR sought talks with Western governments as early as 1985.",
            "According to the files, Britain sought talks with Western governments as early as 1985.",
            "Britain",
        ),
        (
            "The rally began near the Capitol in Washington shortly after noon on Saturday.",
            "The rally began near the Capitol in Moscow shortly after noon on Saturday.",
            "Moscow",
        ),
    ],
)
def test_another_place_is_still_reported(original: str, suspect: str, after: str) -> None:
    found = findings_of(original, suspect, "entity_changed")
    assert [f.after for f in found if f.severity in ("high", "medium")] == [after]


def test_one_letter_slip_in_a_name_is_not_another_name() -> None:
    assert _misspelt("Pensylvania", "Pennsylvania") and _misspelt("Gerogia", "Georgia")
    assert not _misspelt("Austria", "Australia") and not _misspelt("Iran", "Iraq")
    original = "In his rally in Pensylvania this past Saturday night the president made an interesting comment."
    suspect = "During a rally in Pennsylvania last Saturday night, the president made an interesting comment."
    assert findings_of(original, suspect, "entity_changed") == []


def _entity(text: str, word: str) -> Entity:
    start = text.index(word)
    return Entity(start, start + len(word), word, "ORG")


def test_capitals_of_a_headline_or_a_line_opening_are_no_name() -> None:
    headline = "SHOCKING: Will Western Culture Survive the Assault?!  In a twist, people arrived."
    assert not _written_as_name(_entity(headline, "Assault"), headline)
    caps = "EXTRAVAGANT BAILOUT PLAN PROPOSED BY THE ADMINISTRATION  In a move, the plan was sent."
    assert not _written_as_name(_entity(caps, "EXTRAVAGANT"), caps)
    opening = "Download PDF  Prepare yourselves, because today I am about to say why I run."
    assert not _written_as_name(_entity(opening, "Prepare"), opening)
    glued = "Sends Eurozone into a Frenzy  Prepare to be astounded by what comes."
    assert not _written_as_name(Entity(glued.index("Frenzy"), glued.index(" to be"), "Frenzy  Prepare", "ORG"), glued)
    # a name in running text, in a list of names, or opening a sentence and written capitalised elsewhere,
    # stays a name
    listed = "It lets developers work in Java, C++ and Microsoft Visual Basic.net on Windows."
    assert _written_as_name(_entity(listed, "Microsoft"), listed)
    text = "The plan was backed by Okafor on Monday. Okafor said it would pass."
    assert _written_as_name(_entity(text, "Okafor"), text)
    second = text.rindex("Okafor")
    assert _written_as_name(Entity(second, second + 6, "Okafor", "PERSON"), text)


def test_a_headline_word_is_not_reported_as_a_new_name() -> None:
    original = (
        "Muslims are moving to America and European countries while saying they are offended by Western culture.\n\n"
        "Many of them demand changes to the countries they move to, the article claims.\n\n"
        "It gives no source for the claim and names no person who made such demands."
    )
    suspect = (
        "SHOCKING: Muslims Demand Changes to Host Countries! Will Western Culture Survive the Assault?!\n\n"
        "Muslims are moving to America and European countries while saying they are offended by Western culture.\n\n"
        "Many of them demand changes to the countries they move to, the article claims.\n\n"
        "It gives no source for the claim and names no person who made such demands."
    )
    report = compare(original, suspect, settings=LEXICAL)
    assert [f.after for f in report.findings if f.type == "entity_changed" and f.subtype == "not_in_original"] == []
