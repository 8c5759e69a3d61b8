"""fixrev27d (rev27d review of fq27b's places and "nearly" rounding).

1. After an opening "In <city>, " a country followed by a relative clause, a source ("according to") or a long
   apposition is the clause's subject, as is a country the original tells of apart from the city: no "place
   moved". A country the original never names ("In Malmo, Norway, police said") is still the city's place.
2. A place restated with a compass word ("Boston in eastern England"), a kind of part ("in the US state of
   Texas"), a nation told as its state ("Perth, Scotland" -> "Perth in the UK") or a US state as its region
   ("Columbus, Ohio" -> "Columbus, in the Midwest") is the same place; another nation, another region or another
   state of the kind stays reported.
3. A part of two countries (Punjab; Georgia) is in the one the table puts a city it knows in: "Lahore, Punjab"
   -> "Lahore, India" and "Tbilisi, Georgia" -> "Tbilisi in the United States" are reported.
4. A state added after words the original uses as a place ("in Plano", "Plano police", a dateline) tells where
   that city lies; after a person or a company ("Gavin Newsom, the Texas governor") it is reported. The
   original's "other part" that would contradict it must be a place too: "Georgia Smith" and "the tariffs
   Washington imposed" are no state.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import Article, compare
from storytrace.facts.entities import _opening_subject
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
_PRE = "Emergency crews worked through the night after the storm, officials said. "
_POST = " Schools in the region will stay closed on Tuesday. Forecasters expect calmer weather later in the week."


def _findings(original: str, suspect: str, kind: str | None = "entity_changed") -> list[str]:
    report = compare(
        Article(text=_PRE + original + _POST, id="o"), Article(text=_PRE + suspect + _POST, id="s"), settings=LEXICAL
    )
    return [
        f"{f.severity} {f.subtype}: {f.detail}"
        for f in report.findings
        if f.severity in ("high", "medium") and (kind is None or f.type == kind)
    ]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Argentina, which won the World Cup on penalties, celebrated in Doha on Sunday.",
            "In Doha, Argentina, which won the World Cup on penalties, celebrated on Sunday.",
        ),
        (
            "Argentina, the reigning South American champions, beat France in Doha on Sunday.",
            "In Doha, Argentina, the reigning South American champions, beat France on Sunday.",
        ),
        (
            "Iran demanded that sanctions be lifted first, two Western diplomats said, at talks in Vienna.",
            "In Vienna, Iran, according to two Western diplomats, demanded that sanctions be lifted first.",
        ),
        (
            "Russia, whose delegation arrived late, rejected the proposal at talks in Geneva.",
            "In Geneva, Russia, whose delegation arrived late on Monday, rejected the proposal.",
        ),
    ],
)
def test_a_subject_country_after_an_opening_city_is_no_place_moved(original: str, suspect: str) -> None:
    assert not [f for f in _findings(original, suspect) if "place moved" in f]


@pytest.mark.parametrize(
    "text",
    [
        "In Brussels, Hungary, which holds the rotating EU presidency, blocked the package.",
        "In Vienna, Iran, according to two Western diplomats, demanded that sanctions be lifted first.",
        "In Geneva, Russia, whose delegation arrived late on Monday, rejected the proposal.",
    ],
)
def test_a_relative_clause_or_a_source_after_the_country_makes_it_the_subject(text: str) -> None:
    country_end = text.index(",", text.index(",") + 1)
    assert _opening_subject(text, country_end, len(text))


def test_a_country_closed_before_its_clause_is_the_city_s_place() -> None:
    text = "In Malmo, Norway, police said two men were arrested."
    assert not _opening_subject(text, text.index(", police"), len(text))


def test_a_country_the_original_never_names_is_still_the_city_s_place() -> None:
    found = _findings(
        "In Malmo, police said two men were arrested.", "In Malmo, Norway, police said two men were arrested."
    )
    assert [f for f in found if f.startswith("medium place: place moved")]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The flooding was worst in Boston, Lincolnshire, where 200 homes were evacuated.",
            "The flooding was worst in Boston in eastern England, where 200 homes were evacuated.",
        ),
        (
            "The flooding was worst in Halifax, West Yorkshire, where 200 homes were evacuated.",
            "The flooding was worst in Halifax in the north of England, where 200 homes were evacuated.",
        ),
        ("The factory near Munich, Bavaria, will close.", "The factory near Munich in southern Germany will close."),
        ("The storm hit Perth, Scotland, on Sunday.", "The storm hit Perth in the UK on Sunday."),
        (
            "The plant in Columbus, Ohio, will close next year.",
            "The plant in Columbus, in the Midwest, will close next year.",
        ),
        (
            "The storm knocked out power in Austin on Sunday.",
            "The storm knocked out power in Austin, in the US state of Texas, on Sunday.",
        ),
    ],
)
def test_a_place_restated_in_wider_words_is_quiet(original: str, suspect: str) -> None:
    assert not _findings(original, suspect, None)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The flooding was worst in Boston, Lincolnshire, where 200 homes were evacuated.",
            "The flooding was worst in Boston in southern Scotland, where 200 homes were evacuated.",
        ),
        ("The storm hit Perth, Scotland, on Sunday.", "The storm hit Perth in Wales on Sunday."),
        (
            "The plant in Columbus, Ohio, will close next year.",
            "The plant in Columbus, in the Deep South, will close next year.",
        ),
        (
            "The storm knocked out power in Austin on Sunday.",
            "The storm knocked out power in Austin, in the US state of Ohio, on Sunday.",
        ),
    ],
)
def test_a_place_moved_in_wider_words_is_reported(original: str, suspect: str) -> None:
    assert _findings(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Police in Lahore, Punjab, arrested two men.", "Police in Lahore, India, arrested two men."),
        ("Police in Amritsar, Punjab, arrested two men.", "Police in Amritsar, Pakistan, arrested two men."),
        ("A protest in Tbilisi, Georgia, drew thousands.", "A protest in Tbilisi in the United States drew thousands."),
    ],
)
def test_a_part_of_two_countries_is_in_the_city_s_one(original: str, suspect: str) -> None:
    assert _findings(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Police in Lahore, Punjab, arrested two men.", "Police in Lahore, Pakistan, arrested two men."),
        ("Police in Amritsar, Punjab, arrested two men.", "Police in Amritsar, India, arrested two men."),
        ("A protest in Atlanta, Georgia, drew thousands.", "A protest in Atlanta in the United States drew thousands."),
    ],
)
def test_a_part_of_two_countries_told_as_the_city_s_country_is_quiet(original: str, suspect: str) -> None:
    assert not _findings(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "Governor Gavin Newsom signed the bill on Monday, his office said.",
            "Gavin Newsom, the Texas governor, signed the bill on Monday, his office said.",
        ),
        (
            "Apple said on Monday it would cut 600 jobs.",
            "Apple, the Texas company, said on Monday it would cut 600 jobs.",
        ),
        ("Nurse Jane Smith said the ward was full.", "Nurse Jane Smith, Ohio, said the ward was full."),
        (
            "The victim lived in Plano, the Ohio town, a neighbour said.",
            "The victim lived in Plano, Texas, a neighbour said.",
        ),
    ],
)
def test_a_state_after_no_place_of_the_original_is_reported(original: str, suspect: str) -> None:
    assert _findings(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Police in Plano said the suspect fled.", "Police in Plano, Texas, said the suspect fled."),
        ("Plano police said the suspect fled.", "Plano, Texas, police said the suspect fled."),
        ("PLANO (Reuters) - Police said the suspect fled.", "PLANO, Texas (Reuters) - Police said the suspect fled."),
        (
            "The tariffs Washington imposed hit a factory in Plano hard.",
            "The tariffs Washington imposed hit a factory in Plano, Texas, hard.",
        ),
        (
            "Georgia Smith, a neighbour, said the victim lived in Plano.",
            "Georgia Smith, a neighbour, said the victim lived in Plano, Texas.",
        ),
    ],
)
def test_a_state_added_to_a_place_of_the_original_is_quiet(original: str, suspect: str) -> None:
    assert not _findings(original, suspect)
