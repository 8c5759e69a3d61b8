"""QA22's R9, decided (session 23, helper fm23): "dozens" stops short of a hundred. "The quake killed 140 people"
retold as "killed dozens of people" shrinks the toll by an order of magnitude (a reader hears two digits), as
"about 300" -> "thousands" swells one; "more than 60 aftershocks" -> "dozens of aftershocks" is faithful (61 and
up is several dozen), and so is a count near a hundred given loosely ("nearly 100", "some 100")."""

from __future__ import annotations

import pytest

from storytrace import compare

TOLL = "The quake killed {} people in Malatya on Monday, the disaster agency AFAD said."


def _numbers(old: str, new: str) -> list[tuple[str | None, str]]:
    return [
        (f.subtype, f.severity)
        for f in compare(TOLL.format(old), TOLL.format(new)).findings
        if f.type == "number_changed"
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [("140", "dozens of"), ("more than 150", "dozens of"), ("at least 130", "dozens of"), ("dozens of", "140")],
)
def test_a_hundred_or_more_told_as_dozens_is_a_changed_figure(old: str, new: str) -> None:
    assert _numbers(old, new) == [("changed", "high")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("more than 60", "dozens of"),
        ("nearly 100", "dozens of"),
        ("some 100", "dozens of"),
        ("99", "dozens of"),
        # rev23m: up to 120 is literally eight to ten dozen, and 20-23 is a loose but common "dozens"
        ("105", "dozens of"),
        ("more than 100", "dozens of"),
        ("22", "dozens of"),
        ("dozens of", "80"),
        ("140", "scores of"),
    ],
)
def test_dozens_for_a_count_under_a_hundred_is_quiet(old: str, new: str) -> None:
    assert _numbers(old, new) == []


def test_more_than_60_aftershocks_as_dozens_stays_quiet() -> None:
    # QA22's own R9 sentence: kept quiet on purpose
    source = "The quake was followed by more than 60 aftershocks, AFAD said."
    derived = "The quake was followed by dozens of aftershocks, AFAD said."
    assert [f for f in compare(source, derived).findings if f.type == "number_changed"] == []
