"""fixrev27d (rev27d 8): the leader table reads a common surname only with its first name ("Cameron", "Harper",
"Morrison", "Carney", "Kurz", "Kohl" are common or shared), as its comment says, and knows the current Austrian
and Japanese heads of government; the US states a story's seat check reads come from the place table."""

from __future__ import annotations

import re

import pytest

from storytrace.facts.cues import _US_STATES, _leader_country


@pytest.mark.parametrize(
    ("named", "country"),
    [
        ("Prime Minister David Cameron", "United Kingdom"),
        ("Prime Minister Stephen Harper", "Canada"),
        ("Prime Minister Scott Morrison", "Australia"),
        ("Prime Minister Mark Carney", "Canada"),
        ("Chancellor Sebastian Kurz", "Austria"),
        ("Chancellor Helmut Kohl", "Germany"),
        ("Chancellor Christian Stocker", "Austria"),
        ("Prime Minister Sanae Takaichi", "Japan"),
    ],
)
def test_a_leader_with_the_first_name_is_known(named: str, country: str) -> None:
    assert _leader_country(named) == country


@pytest.mark.parametrize(
    "named", ["Mr Cameron", "Coach Harper", "Ms Morrison", "Governor Carney", "Professor Kurz", "Chef Kohl"]
)
def test_a_common_surname_alone_is_no_leader(named: str) -> None:
    assert _leader_country(named) is None


def test_the_us_states_come_from_the_place_table() -> None:
    states = re.compile(rf"^(?:{_US_STATES})$")
    assert states.match("Texas") and states.match("West Virginia") and states.match("New York State")
    # a country too, the US itself, the city: no state a story names for the US
    assert not states.match("Georgia") and not states.match("Washington") and not states.match("New York")
