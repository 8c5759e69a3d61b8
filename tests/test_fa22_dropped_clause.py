"""A clause dropped from a sentence the suspect otherwise keeps (helper fa22): "Police arrested five people ...,
and three were charged with assault" retold without its last clause loses a figure the suspect gives nowhere.
It is a `fact_omitted` `clause` item when the clause gives a figure or a name; a clause of colour (", and the
crowd later dispersed"), a clause kept in other words or its figure moved to another sentence stay quiet. And
"charged with assault" retold "face assault charges" keeps the allegation.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)

HEAD = "Protest in city centre\n\n"
TAIL = " Shops in the area closed early. The council will meet on Monday to discuss the damage."
KEPT = "Police arrested five people after the protest turned violent on Saturday"


def _findings(source: str, derived: str) -> list[tuple[str, str | None, str, str | None]]:
    report = compare(HEAD + source + TAIL, HEAD + derived + TAIL, settings=LEXICAL)
    return [(f.type, f.subtype, f.severity, f.before) for f in report.findings]


@pytest.mark.parametrize(
    ("clause", "dropped"),
    [
        (", and three were charged with assault.", "three were charged with assault"),
        (", while 12 officers were injured.", "12 officers were injured"),
        (", and Mayor Ann Liu condemned the violence.", "Mayor Ann Liu condemned the violence"),
        ("; two others fled.", "two others fled"),
    ],
)
def test_a_clause_with_a_figure_or_a_name_dropped_is_told(clause: str, dropped: str) -> None:
    found = _findings(KEPT + clause, KEPT + ".")
    assert ("fact_omitted", "clause", "medium", dropped) in found


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # colour, no figure or name
        (KEPT + ", and the crowd later dispersed.", KEPT + "."),
        # the clause kept in other words
        (KEPT + ", and three were charged with assault.", KEPT + ", three of whom face assault charges."),
        # its figure given in another sentence of the suspect
        (KEPT + ", and three were charged with assault.", KEPT + ". Three of them were charged with assault."),
        # the same sentence kept whole
        (KEPT + ", and three were charged with assault.", "On Saturday, " + KEPT[:-12] + ", and three were charged."),
    ],
)
def test_a_clause_kept_moved_or_of_colour_is_quiet(source: str, derived: str) -> None:
    assert not [f for f in _findings(source, derived) if f[:2] == ("fact_omitted", "clause")]


def test_facing_charges_keeps_the_allegation() -> None:
    found = _findings(KEPT + ", and three were charged with assault.", KEPT + ", three of whom face assault charges.")
    assert not [f for f in found if f[1] == "allegation_as_fact"]


def test_the_charge_stated_as_a_deed_is_still_an_allegation_as_fact() -> None:
    found = _findings(KEPT + ", and three were charged with assault.", KEPT + ", and three assaulted officers.")
    assert ("hedge_changed", "allegation_as_fact", "high") in [f[:3] for f in found]
