"""Names with numbers in them (a Boeing 737-800, Windows 11) are names, not figures."""

from __future__ import annotations

from numbers13_context import findings_of as _findings
from storytrace.facts.numbers import extract_quantities

# --- names with numbers -------------------------------------------------------------------------------


def test_a_model_number_with_its_variant_is_one_name() -> None:
    text = "Then a Boeing 737-800 with 200 passengers landed."
    assert [(q.text, q.kind) for q in extract_quantities(text)] == [("737", "identifier"), ("200", "count")]


def test_a_name_before_was_or_is_stays_a_name() -> None:
    # "was" ends in an s like a plural, which made "11" a count and the rewrite's "Windows 11" a new figure
    assert [q.kind for q in extract_quantities("Sales rose after Windows 11 was released.")] == ["identifier"]
    assert [q.kind for q in extract_quantities("Then Route 66 is closed.")] == ["identifier"]
    assert [q.kind for q in extract_quantities("Officials said 66 passengers were hurt.")] == ["count"]


def test_a_model_name_shortened_is_not_a_new_figure() -> None:
    found = _findings(
        "The airline said a Boeing 737-800 with 200 passengers landed safely at the regional airport.",
        "The airline said a Boeing 737 carrying 200 passengers landed safely at the regional airport.",
        "number_changed",
    )
    assert found == []


def test_a_product_name_reworded_is_not_a_new_figure() -> None:
    found = _findings(
        "Sales of the new phone rose after Windows 11 was released, analysts said.",
        "Analysts said sales of the new phone rose after the release of Windows 11.",
        "number_changed",
    )
    assert found == []


def test_a_range_of_counts_is_still_a_range() -> None:
    assert [(q.value, q.high) for q in extract_quantities("He said 10-15 people came.")] == [(10.0, 15.0)]


def test_a_name_with_its_label_in_lower_case_is_not_a_new_figure() -> None:
    # factcc 173: "Flight 448 was" is a name, the summary's "flight 448 was" a count; the number is the same
    found = _findings(
        "Alaska Airlines Flight 448 was just barely on its way to Los Angeles when the pilot heard banging.",
        "Alaska Airlines flight 448 was barely on its way to Los Angeles when its pilot heard a banging.",
        "number_changed",
    )
    assert found == []
