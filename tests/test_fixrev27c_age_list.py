"""Ages in a list of people go with the name before them (review rev27c, R3).

fq27a read "Pieter Vandermolen, 58, appeared ... and was released ..." as no list (qa26 P7) by starting any list
after the last age. A list of victims with their ages ("Daniel Price, 45, Helen Price, 43, and their neighbour
Mark Ellis, 52") was cut the same way, and a rewrite dropping "Helen Price, 43," went unreported. Now, when every
piece ends in a name once its age is read off, each age goes with its name and each name is an item; otherwise the
age still starts the list after it. The counterparts: the full list retold stays quiet, and P7's sentence is no
list (tests/test_fq27a_age_apposition.py).
"""

from __future__ import annotations

from storytrace import compare
from storytrace.article import article_from_text

ORIGINAL = """Three killed in M62 crash named

Published 20 April 2026 10:00 UTC

Police have named the three people who died in a crash on the M62 near Huddersfield on Saturday.

The victims were named as Daniel Price, 45, Helen Price, 43, and their neighbour Mark Ellis, 52.

A lorry driver, 38, was arrested on suspicion of causing death by dangerous driving.

The motorway was closed for nine hours."""


def _dropped(suspect: str) -> list[str | None]:
    report = compare(article_from_text(ORIGINAL, id="original"), article_from_text(suspect, id="suspect"))
    return [
        f.before
        for f in report.findings
        if f.type == "fact_omitted" and f.subtype == "list_item" and f.severity in ("medium", "high")
    ]


def test_a_victim_dropped_from_a_list_with_ages_is_reported() -> None:
    assert _dropped(ORIGINAL.replace("Helen Price, 43, and their", "and their")) == ["Helen Price, 43"]


def test_the_last_victim_dropped_is_reported() -> None:
    dropped = ORIGINAL.replace(
        "Daniel Price, 45, Helen Price, 43, and their neighbour Mark Ellis, 52.",
        "Daniel Price, 45, and Helen Price, 43.",
    )
    assert dropped != ORIGINAL
    assert _dropped(dropped) == ["their neighbour Mark Ellis"]


def test_the_whole_list_retold_stays_quiet() -> None:
    assert _dropped(ORIGINAL) == []
    retold = ORIGINAL.replace(
        "The victims were named as Daniel Price, 45, Helen Price, 43, and their neighbour Mark Ellis, 52.",
        "Those who died were Daniel Price, 45, Helen Price, 43, and their neighbour Mark Ellis, 52.",
    )
    assert retold != ORIGINAL
    assert _dropped(retold) == []
