"""A charge restated in the active voice by whoever brought it ("Rotterdam prosecutors have charged
Vandermolen ... with diverting") or as what it is about ("charged over €4.2m pension transfers") is still a
charge, not a fact; the charge dropped ("diverted") is still allegation_as_fact. And "over" after a word of
legal action before an amount set before a noun says "about", not "more than" (qa26 P7)."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.numbers import extract_quantities

SOURCE = """A former chief financial officer of Halvorsen Logistics has been charged with diverting €4.2 million \
from the company's pension fund, prosecutors in Rotterdam said on Thursday.

Pieter Vandermolen, 58, appeared before the district court on 11 March. He has denied all wrongdoing.

The trial is scheduled to begin on 22 September."""
DERIVED = """Rotterdam prosecutors have charged Pieter Vandermolen, the former finance chief of Halvorsen Logistics, \
with diverting €4.2 million from the company pension fund.

Vandermolen denies wrongdoing. The trial is scheduled to begin on 22 September."""

HEADLINED = "Former finance chief charged with diverting €4.2 million from pension fund\n\n" + SOURCE


def _subtypes(source: str, derived: str) -> list[tuple[str, str]]:
    return [(f.subtype, f.severity) for f in compare(source, derived).findings if f.type in ("hedge_changed",)]


def test_active_voice_charge_is_no_allegation_as_fact() -> None:
    assert [s for s in _subtypes(SOURCE, DERIVED) if s[0] == "allegation_as_fact"] == []


@pytest.mark.parametrize(
    "deed",
    [
        "Pieter Vandermolen, the former finance chief of Halvorsen Logistics, diverted",
        # a task the board gave him is no charge: the diverting is told as done
        "The board had charged Pieter Vandermolen, the former finance chief of Halvorsen Logistics, with "
        "overseeing the fund, and he diverted",
    ],
)
def test_charge_dropped_is_still_allegation_as_fact(deed: str) -> None:
    derived = DERIVED.replace(
        "Rotterdam prosecutors have charged Pieter Vandermolen, the former finance chief of Halvorsen Logistics, "
        "with diverting",
        deed,
    )
    assert ("allegation_as_fact", "high") in _subtypes(SOURCE, derived)


def test_headline_charged_over_an_amount_keeps_the_charge_and_the_figure() -> None:
    derived = "Ex-finance chief charged over €4.2m pension transfers\n\n" + DERIVED
    report = compare(HEADLINED, derived)
    assert [f for f in report.findings if f.subtype in ("allegation_as_fact", "qualifier")] == []


def test_headline_deed_without_the_charge_is_allegation_as_fact() -> None:
    derived = "Ex-finance chief diverted €4.2m from pension fund\n\n" + DERIVED
    report = compare(HEADLINED, derived)
    assert any(f.subtype == "allegation_as_fact" and f.severity == "high" for f in report.findings)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Ex-finance chief charged over €4.2m pension transfers", None),
        ("A lawyer was arrested over $5 million fraud at the port", None),
        # a price, a headline's bare amount and a count of people: "over" is "more than"
        ("The bank charged over €50 in fees", "over"),
        ("Ex-finance chief charged over €4.2m", "over"),
        ("Police arrested over 100 people", "over"),
        ("The firm made over €4.2m pension payments", "over"),
    ],
)
def test_over_after_legal_action_is_about(text: str, qualifier: str | None) -> None:
    (q,) = extract_quantities(text)
    assert q.qualifier == qualifier
    assert q.text.startswith("over") == (qualifier == "over")
