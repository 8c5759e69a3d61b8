"""rev25a R4 (and a LOW one, see the end): "Two tourists from Denmark ... near Malmo" retold "Two tourists ...
near Malmo in southern Sweden" drops a nationality said as "<people> from <country>" and locates the place the
original names: no place changed, as for "Two Danish tourists". The tourists' country told as another
("tourists from Norway"), or the place's own country changed ("near Malmo in Denmark" -> "in Sweden"), is still a
high place change.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

ORIGINAL = "Two tourists from Denmark were hurt when their hire car hit a tree near Malmo on Tuesday, police said."


def _places(original: str, suspect: str) -> list[str]:
    return [f.severity for f in compare(original, suspect).findings if f.type == "entity_changed"]


def test_people_from_a_country_dropped_while_the_place_is_located_is_no_change() -> None:
    suspect = (
        "Two tourists were hurt when their hire car hit a tree near Malmo in southern Sweden on Tuesday, police said."
    )
    assert _places(ORIGINAL, suspect) == []


@pytest.mark.parametrize(
    ("original", "suspect"),
    [
        (ORIGINAL, ORIGINAL.replace("from Denmark", "from Norway")),
        (
            ORIGINAL.replace("tourists from Denmark", "tourists").replace("near Malmo", "near Malmo in Denmark"),
            ORIGINAL.replace("tourists from Denmark", "tourists").replace(
                "near Malmo", "near Malmo in southern Sweden"
            ),
        ),
    ],
)
def test_a_country_put_for_another_is_still_high(original: str, suspect: str) -> None:
    assert "high" in _places(original, suspect)


# rev25a (LOW): "the European Parliament" is a body of its own, so "MPs" for it is another body again, while
# "MEPs" for it, or "MPs" for a national "Parliament", is the same one.
PARLIAMENT = "{} will vote on the bill next week, officials said."


@pytest.mark.parametrize(
    ("body", "members", "changed"),
    [
        ("The European Parliament", "MPs", True),
        ("The European Parliament", "MEPs", False),
        ("Parliament", "MPs", False),
    ],
)
def test_the_european_parliament_is_no_national_one(body: str, members: str, changed: bool) -> None:
    assert ("high" in _places(PARLIAMENT.format(body), PARLIAMENT.format(members))) is changed
