"""fq27b: a city's state, province, county or Land ("Boston, Lincolnshire", "Austin, Texas") resolves to its
country, so a rewrite that restates the country ("Boston, England") or adds the city's right part ("in Austin" ->
"in Austin, Texas") is quiet, while a wrong country or part is still reported; the original's qualifier says
which city of a name it is ("London, Kentucky" -> "London in the United States" is no move to the table's
London); and after an opening "In <city>, " a country closed by a comma before the clause ("In Malmo, Norway,
police said") is where the city lies, not the clause's subject.

The texts are written for these tests, each faithful rewrite beside its unfaithful counterpart."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts import places
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
BEFORE = "Emergency crews worked through the night after the storm, officials said. "
AFTER = " Schools in the region will stay closed on Tuesday. Forecasters expect calmer weather later in the week."


def _places(original: str, suspect: str) -> list[str]:
    """The high and medium findings of a place or name changed, or a place not in the original."""
    report = compare(BEFORE + original + AFTER, BEFORE + suspect + AFTER, settings=LEXICAL)
    return [
        f"{f.severity} {f.detail}"
        for f in report.findings
        if f.type == "entity_changed" and f.severity in ("high", "medium")
    ]


def test_parts_resolve_to_their_countries() -> None:
    assert places.place_countries("Lincolnshire") == {"England", "United Kingdom"}
    assert places.place_countries("Calif.") == {"United States"}
    assert places.place_countries("Co. Antrim") == {"Northern Ireland", "United Kingdom"}
    assert places.place_countries("Punjab") == {"India", "Pakistan"}
    assert places.place_countries("Georgia") == {"Georgia", "United States"}
    assert places.place_countries("England") == {"England", "United Kingdom"}
    assert places.place_countries("Norway") == {"Norway"}
    assert places.place_countries("Springfield") == frozenset()
    assert places.city_parts("Austin") == {"Texas"}
    assert places.city_parts("München") == {"Bavaria"}
    assert places.city_parts("Kansas City") == {"Missouri", "Kansas"}
    assert places.city_parts("Paris") == frozenset()


def test_every_city_of_the_parts_table_is_a_city_in_a_named_part() -> None:
    for line in places._PART_CITIES.strip().splitlines():
        part, cities = line.split(":", 1)
        assert places.part_named(part) == part, part
        for city in cities.split(","):
            assert places.city_names(city.strip()), city


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The flooding was worst in Boston, Lincolnshire, where 200 homes were evacuated.",
            "The flooding was worst in Boston, England, where 200 homes were evacuated.",
        ),
        (
            "The flooding was worst in Halifax, West Yorkshire, where 200 homes were evacuated.",
            "The flooding was worst in Halifax, England, where 200 homes were evacuated.",
        ),
        (
            "The storm hit Wellington, Somerset, on Sunday.",
            "The storm hit Wellington, England, on Sunday.",
        ),
        (
            "Residents of Boston, Lincolnshire, were told to leave.",
            "Residents of the town of Boston in the UK were told to leave.",
        ),
        ("Police in Hyderabad, Telangana, arrested two men.", "Police in Hyderabad, India, arrested two men."),
        ("Police in Frankfurt, Hesse, arrested two men.", "Police in Frankfurt, Germany, arrested two men."),
        ("The storm hit Perth, Western Australia, on Sunday.", "The storm hit Perth in Australia on Sunday."),
        # the other way round: the county of the country the original gives, and a wire's abbreviation
        (
            "The flooding was worst in Boston, England, where 200 homes were evacuated.",
            "The flooding was worst in Boston, Lincolnshire, where 200 homes were evacuated.",
        ),
        (
            "Officials in Birmingham, Alabama, said the storm had passed.",
            "Officials in Birmingham, Ala., said the storm had passed.",
        ),
    ],
)
def test_a_part_restated_as_its_country_is_quiet(original: str, suspect: str) -> None:
    assert _places(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The flooding was worst in Boston, Lincolnshire, where 200 homes were evacuated.",
            "The flooding was worst in Boston, Massachusetts, where 200 homes were evacuated.",
        ),
        (
            "The flooding was worst in Halifax, West Yorkshire, where 200 homes were evacuated.",
            "The flooding was worst in Halifax, Canada, where 200 homes were evacuated.",
        ),
        (
            "The flooding was worst in Boston, England, where 200 homes were evacuated.",
            "The flooding was worst in Boston, Massachusetts, where 200 homes were evacuated.",
        ),
    ],
)
def test_another_country_or_part_for_a_part_is_still_high(original: str, suspect: str) -> None:
    assert [f for f in _places(original, suspect) if f.startswith("high")]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The tornado struck London, Kentucky, late on Friday.",
            "The tornado struck near London in the United States late on Friday.",
        ),
        (
            "The festival was held in Paris, Texas, on Saturday.",
            "The festival was held in Paris in the United States on Saturday.",
        ),
        ("The fire began near Valencia, California, on Sunday.", "The fire began near Valencia in the US on Sunday."),
        ("The killings in Moscow, Idaho, shocked the town.", "The killings in Moscow in the US shocked the town."),
        ("A plant in Dublin, Ohio, will close next year.", "A plant in Dublin, USA, will close next year."),
    ],
)
def test_the_originals_qualifier_wins_over_the_tables_city(original: str, suspect: str) -> None:
    assert _places(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("The tornado struck London, Kentucky, late on Friday.", "The tornado struck London, England, late on Friday."),
        ("The festival was held in Paris, Texas, on Saturday.", "The festival was held in Paris, France, on Saturday."),
    ],
)
def test_the_tables_country_for_a_qualified_namesake_is_still_high(original: str, suspect: str) -> None:
    assert [f for f in _places(original, suspect) if f.startswith("high")]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (
            "The storm knocked out power in Austin on Sunday.",
            "The storm knocked out power in Austin, Texas, on Sunday.",
        ),
        ("Crews in Seattle restored power on Monday.", "Crews in Seattle, Washington, restored power on Monday."),
        ("Fans gathered in Toronto on Sunday.", "Fans gathered in Toronto, Ontario, on Sunday."),
        ("A man was arrested in Brisbane on Sunday.", "A man was arrested in Brisbane, Queensland, on Sunday."),
        ("The factory near Munich will close.", "The factory near Munich, Bavaria, will close."),
        ("Police in Kansas City said the suspect fled.", "Police in Kansas City, Kansas, said the suspect fled."),
        ("A protest in Atlanta drew thousands.", "A protest in Atlanta, Georgia, drew thousands."),
        ("A protest in Tbilisi drew thousands.", "A protest in Tbilisi, Georgia, drew thousands."),
    ],
)
def test_the_citys_own_part_added_is_quiet(original: str, suspect: str) -> None:
    assert _places(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        # another state of the same country for a city the table knows the state of
        ("Crews in Denver restored power on Monday.", "Crews in Denver, Texas, restored power on Monday."),
        ("The plant in Frankfurt will close.", "The plant in Frankfurt, Bavaria, will close."),
        # the original's own state put for another
        (
            "The storm knocked out power in Austin, Texas, on Sunday.",
            "The storm knocked out power in Austin, Minnesota, on Sunday.",
        ),
    ],
)
def test_a_wrong_part_added_is_still_reported(original: str, suspect: str) -> None:
    assert _places(original, suspect)


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("In Malmo, police said two men were arrested.", "In Malmo, Norway, police said two men were arrested."),
        ("Police in Malmo said two men were arrested.", "In Malmo, Norway, the police said two men were arrested."),
        ("In Geneva, negotiators met on Monday.", "In Geneva, Austria, negotiators met on Monday."),
    ],
)
def test_a_wrong_country_closed_by_a_comma_after_an_opening_city_is_medium(original: str, suspect: str) -> None:
    found = _places(original, suspect)
    assert any(f.startswith("medium place moved") for f in found), found


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("In Malmo, police said two men were arrested.", "In Malmo, Sweden, police said two men were arrested."),
        (
            "Argentina beat France on penalties in the World Cup final in Doha on Sunday.",
            "In Doha, Argentina, the champions, beat France on penalties in the World Cup final.",
        ),
        (
            "Argentina beat France on penalties in the World Cup final in Doha on Sunday.",
            "In Doha, Argentina, on Sunday, beat France on penalties in the World Cup final.",
        ),
        ("Russia accused the West of escalating the war, speaking in Berlin.", "In Berlin, Russia accused the West."),
    ],
)
def test_the_right_country_or_a_subject_after_an_opening_city_is_quiet(original: str, suspect: str) -> None:
    assert not [f for f in _places(original, suspect) if "place moved" in f]


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        ("Police in Plano said the suspect fled.", "Police in Plano, Texas, said the suspect fled."),
        ("In Plano, police said the suspect fled.", "In Plano, Texas, police said the suspect fled."),
        ("The factory in Shrewsbury will close.", "The factory in Shrewsbury, England, will close."),
    ],
)
def test_a_part_added_to_a_city_the_table_does_not_know_is_quiet(original: str, suspect: str) -> None:
    assert _places(original, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        # the original names another state of the country in the same sentence
        (
            "Police in Springfield said the suspect had fled the Ohio city.",
            "Police in Springfield, Illinois, said the suspect had fled the city.",
        ),
        # the city itself is new
        ("Police said the suspect fled.", "Police in Plano, Texas, said the suspect fled."),
    ],
)
def test_a_part_added_against_the_original_or_with_a_new_city_is_reported(original: str, suspect: str) -> None:
    assert _places(original, suspect)


def test_a_list_of_countries_after_an_opening_city_is_no_place_moved() -> None:
    found = _places(
        "Iran, the United States and Russia agreed on Monday to resume talks in Vienna.",
        "In Vienna, Iran, the United States and Russia agreed on Monday to resume talks.",
    )
    assert not [f for f in found if "place moved" in f]
