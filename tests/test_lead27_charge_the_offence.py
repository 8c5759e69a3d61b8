"""A charge told actively with a determiner before the offence ("charged a man with the murder") keeps the allegation
(found by fixrev27c after fixrev27a narrowed "charge ... with" to an offence right after "with")."""

from __future__ import annotations

from storytrace import compare

SOURCE = (
    "A man has been charged with the murder of a woman in Halifax, West Yorkshire Police said. Detective Chief "
    "Inspector Sarah Kaye said the investigation was continuing."
)
TAIL = " Detective Chief Inspector Sarah Kaye said the investigation was continuing."


def _allegations(derived: str) -> list[str]:
    return [
        f.detail
        for f in compare(SOURCE, derived).findings
        if f.type == "hedge_changed" and f.severity in ("high", "medium") and "allegation" in f.detail
    ]


def test_the_charging_body_telling_the_charge_with_the_offence_is_quiet() -> None:
    assert _allegations("West Yorkshire Police have charged a man with the murder of a woman in Halifax." + TAIL) == []


def test_the_deed_told_as_fact_is_still_an_allegation_presented_as_fact() -> None:
    assert _allegations("A man murdered a woman in Halifax, West Yorkshire Police said." + TAIL)
