"""fq26c: the place table (facts/places.py), a hand-written list of capitals and well-known cities with their
countries. A city the original names that the suspect places in a country it does not lie in ("near Malmo" ->
"near Malmo in Norway") is a medium place change; its own country added or dropped is quiet, and so is a
namesake's ("London, Ontario" -> "London, Canada"; "Paris, Texas"). A capital's dateline ("PARIS (Reuters) -")
ties the story to that country's seat, so "President Emmanuel Macron said" -> "The Elysee said" there is the same
voice (low), while another country's seat stays medium.

The texts are written for these tests."""

from __future__ import annotations

import re

import pytest

from storytrace import compare
from storytrace.facts import places
from storytrace.facts.cues import attributions
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

TOURISTS = "Two Danish tourists were hurt when their hire car hit a tree near Malmo on Tuesday, police said."
SUMMIT = "The summit in Lyon ended on Friday with a joint statement on trade, officials said."
FLOOD = "Flooding in Porto Alegre killed 12 people on Monday, the fire service said."


def _places(original: str, suspect: str) -> list[tuple[str, str | None, str]]:
    report = compare(original, suspect, settings=LEXICAL)
    return [(f.severity, f.subtype, f.detail) for f in report.findings if f.type == "entity_changed"]


def _moved(original: str, suspect: str) -> list[str]:
    return [sev for sev, _, detail in _places(original, suspect) if detail.startswith("place moved")]


@pytest.mark.parametrize(
    ("original", "suspect", "faithful"),
    [
        (
            TOURISTS,
            TOURISTS.replace("Two Danish tourists", "Two tourists").replace("near Malmo", "near Malmo in Norway"),
            TOURISTS.replace("Two Danish tourists", "Two tourists").replace(
                "near Malmo", "near Malmo in southern Sweden"
            ),
        ),
        (
            # the people's country the suspect moves the city to: no less a place moved
            TOURISTS.replace("Two Danish tourists", "Tourists from Norway"),
            TOURISTS.replace("Two Danish tourists", "Tourists").replace("near Malmo", "near Malmo in Norway"),
            TOURISTS.replace("Two Danish tourists", "Tourists").replace("near Malmo", "near Malmo in Sweden"),
        ),
        (SUMMIT, SUMMIT.replace("Lyon", "Lyon, Belgium,"), SUMMIT.replace("Lyon", "Lyon, France,")),
        (
            FLOOD,
            FLOOD.replace("Porto Alegre", "Porto Alegre, Argentina,"),
            FLOOD.replace("Porto Alegre", "Porto Alegre, Brazil,"),
        ),
    ],
)
def test_a_city_placed_in_another_country_is_medium(original: str, suspect: str, faithful: str) -> None:
    assert _moved(original, suspect) == ["medium"]
    assert _places(original, faithful) == []


def test_a_citys_country_dropped_is_quiet() -> None:
    assert _places(TOURISTS.replace("near Malmo", "near Malmo in Sweden"), TOURISTS) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The talks in Edinburgh ended on Friday, officials said.",
            "The talks in Edinburgh, Scotland, ended on Friday, officials said.",
        ),
        (
            "The talks in Edinburgh ended on Friday, officials said.",
            "The talks in Edinburgh, UK, ended on Friday, officials said.",
        ),
        (
            "The talks in London ended on Friday, officials said.",
            "The talks in London, England, ended on Friday, officials said.",
        ),
        (
            "A bomb exploded in Belfast on Friday, police said.",
            "A bomb exploded in Belfast, Northern Ireland, on Friday, police said.",
        ),
        (
            "A bomb exploded in Belfast on Friday, police said.",
            "A bomb exploded in Belfast, Ireland, on Friday, police said.",
        ),
        (
            "The talks were held in Kiev in 1986, archives show.",
            "The talks were held in Kiev, Soviet Union, in 1986, archives show.",
        ),
    ],
)
def test_a_part_of_a_country_or_a_former_state_is_where_the_city_lies(original: str, suspect: str) -> None:
    assert _places(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The plant in Birmingham will close next year, the company said.",
            "The plant in Birmingham, U.S., will close next year, the company said.",
        ),
        (
            "The plant in London, Ontario, will close next year, the company said.",
            "The plant in London, Canada, will close next year, the company said.",
        ),
        (
            "The rally in Paris, Texas drew 3,000 people on Saturday, organisers said.",
            "The rally in Paris in the United States drew 3,000 people on Saturday, organisers said.",
        ),
        (
            "The match in Cordoba ended 2-1 on Sunday, the league said.",
            "The match in Cordoba, Argentina, ended 2-1 on Sunday, the league said.",
        ),
        (
            "The match in Valencia ended 2-1 on Sunday, the league said.",
            "The match in Valencia, Venezuela, ended 2-1 on Sunday, the league said.",
        ),
        # a city of many countries' (Chile's, Spain's, Cuba's ...): not in the table, so never judged
        (
            "The match in Santiago ended 2-1 on Sunday, the league said.",
            "The match in Santiago, Spain, ended 2-1 on Sunday, the league said.",
        ),
    ],
)
def test_a_namesakes_country_is_quiet(original: str, suspect: str) -> None:
    assert _places(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The plant in London, Ontario, will close next year, the company said.",
            "The plant in London, England, will close next year, the company said.",
        ),
        (
            "The rally in Paris, Texas drew 3,000 people on Saturday, organisers said.",
            "The rally in Paris, France drew 3,000 people on Saturday, organisers said.",
        ),
    ],
)
def test_the_tables_own_city_for_a_namesake_is_still_a_change(original: str, suspect: str) -> None:
    assert "high" in [sev for sev, _, _ in _places(original, suspect)]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        # a capital standing for its government, not the city placed
        (
            "The losses suffered by Moscow in the war have mounted, analysts said.",
            "The losses suffered by Moscow in Ukraine have mounted, analysts said.",
        ),
        # a country opening the next clause, or a list of places
        (
            "Speaking in Berlin, the Russian envoy accused the West of escalation on Monday.",
            "In Berlin, Russia accused the West of escalation on Monday.",
        ),
        (
            "Protests were held in Stockholm on Sunday, police said.",
            "Protests were held in Stockholm, Norway and Denmark on Sunday, police said.",
        ),
    ],
)
def test_a_country_beside_a_city_that_does_not_place_it_is_no_move(original: str, suspect: str) -> None:
    assert _moved(original, suspect) == []


PARIS = (
    "PARIS, March 14 (Reuters) -\n\nPresident Emmanuel Macron said on Tuesday that the government would raise the "
    "pension age to 64. Unions called strikes for Thursday."
)
PARIS_ONE_LINE = (
    "PARIS (Reuters) - President Emmanuel Macron said on Tuesday that the government would raise the pension age "
    "to 64. Unions called strikes for Thursday."
)
BERLIN = (
    "BERLIN, March 14 (Reuters) -\n\nChancellor Olaf Scholz said on Tuesday that the government would raise the "
    "pension age to 68. Unions called strikes for Thursday."
)
PARIS_TEXAS = (
    "PARIS, Texas (AP) -\n\nPresident Emmanuel Macron said on Tuesday that the government would raise the pension "
    "age to 64. Unions called strikes for Thursday."
)
DELHI = (
    "NEW DELHI, March 3 (Reuters) -\n\nPrime Minister Narendra Modi said on Tuesday that the government would "
    "build 20 million new homes by 2030. The opposition Congress party called the target unrealistic."
)


def _speaker(story: str, speaker: str, seat: str) -> list[str]:
    report = compare(story, story.replace(speaker, seat), settings=LEXICAL)
    return [f.severity for f in report.findings if f.subtype == "speaker_changed"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (PARIS, "President Emmanuel Macron", "The Elysee"),
        (PARIS_ONE_LINE, "President Emmanuel Macron", "The Elysee"),
        (BERLIN, "Chancellor Olaf Scholz", "The Chancellery"),
    ],
)
def test_a_capitals_dateline_ties_the_story_to_its_seat(story: str, speaker: str, seat: str) -> None:
    assert _speaker(story, speaker, seat) == ["low"]


@pytest.mark.parametrize(
    ("story", "speaker", "seat"),
    [
        (PARIS, "President Emmanuel Macron", "The White House"),
        (PARIS_ONE_LINE, "President Emmanuel Macron", "The Kremlin"),
        (BERLIN, "Chancellor Olaf Scholz", "The Elysee"),
        # a namesake's dateline gives its state, and ties the story to no capital's country
        (PARIS_TEXAS, "President Emmanuel Macron", "The Elysee"),
        (DELHI, "Prime Minister Narendra Modi", "Downing Street"),
    ],
)
def test_another_seat_than_the_datelines_is_not_low(story: str, speaker: str, seat: str) -> None:
    got = _speaker(story, speaker, seat)
    assert got and "low" not in got


def test_a_datelines_dash_is_no_part_of_the_speaker() -> None:
    found = attributions(PARIS_ONE_LINE, 0, PARIS_ONE_LINE.index("."))
    assert [a.who for a in found] == ["President Emmanuel Macron"]


def test_the_table_reads_names_as_news_writes_them() -> None:
    assert places.city_countries("MALMO") == places.city_countries("Malmö") == {"Sweden"}
    assert places.city_names("Kiev") == places.city_names("Kyiv")
    assert places.capital_country("PARIS") == "France"
    assert places.capital_country("LONDON") == "United Kingdom"
    assert places.capital_country("Lyon") is None
    assert places.country_named("U.K.") == "United Kingdom"
    assert places.country_named("Georgia") is None  # a US state as often: "Atlanta, Georgia"


def test_every_city_is_listed_under_one_country() -> None:
    seen: dict[str, str] = {}
    for entry in re.split(r"\n(?=\S)", places._CITIES.strip()):
        country, cities = entry.split(":", 1)
        for city in re.split(r",\s*(?![^()]*\))", " ".join(cities.split())):
            for name in re.sub(r"\([^)]*\)", "", city).split("/"):
                key = places._plain(name.lstrip("*").strip())
                assert seen.setdefault(key, country) == country, key
    known = set(places._COUNTRY_NAMES) | {"Georgia", "Vatican"}
    assert {c for cs in places._CITY_COUNTRIES.values() for c in cs} <= known


# The European Parliament retold as "MPs" where the NER reads no name in "MPs approved" (its "will vote" form it
# does read: tests/test_fixrev25a_people_from_a_country.py), in the same sentence or one after the body's.
EUROPEAN = "The European Parliament approved the law by 427 votes to 167, officials said."
ACROSS = "The European Parliament met in Strasbourg on Tuesday. It approved the law by 427 votes to 167."


@pytest.mark.parametrize(
    ("original", "suspect", "faithful"),
    [
        (
            EUROPEAN,
            EUROPEAN.replace("The European Parliament", "MPs"),
            EUROPEAN.replace("The European Parliament", "MEPs"),
        ),
        (ACROSS, ACROSS.replace("It approved", "MPs approved"), ACROSS.replace("It approved", "MEPs approved")),
    ],
)
def test_mps_for_the_european_parliament_is_another_body(original: str, suspect: str, faithful: str) -> None:
    assert [sev for sev, sub, _ in _places(original, suspect) if sub == "organisation"] == ["medium"]
    assert _places(original, faithful) == []


def test_mps_where_the_original_names_a_national_parliament_too_are_not_judged() -> None:
    original = "The European Parliament approved the law on Tuesday. British MPs criticised it on Wednesday."
    suspect = "The European Parliament approved the law on Tuesday. MPs in Britain criticised it on Wednesday."
    assert _places(original, suspect) == []
