"""rev25f 6: a comma inside a run of two-digit whole numbers ("aged 15,16 and 17") is a list's, not a decimal
comma, so a rewrite that only adds the missing space ("aged 15, 16 and 17") is quiet (it was a low "15,16 became
15" and a medium "16 appears nowhere"). A decimal comma before another figure ("grew 2,5 and 3 percent", "12,5%")
stays one decimal figure.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.numbers import extract_quantities
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
LEAD = "Police in Leeds were called to a park on Saturday night after reports of a fight, a spokesman said."
TAIL = "They were later released on bail pending further inquiries."


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Three boys aged 15,16 and 17 were arrested.", [3.0, 15.0, 16.0, 17.0]),
        ("Boys aged 15,16, 17 were held.", [15.0, 16.0, 17.0]),
        ("Sales grew 2,5 and 3 percent.", [2.5, 3.0]),
        ("Rates of 2,5, 3,1 and 4,2 per cent.", [2.5, 3.1, 4.2]),
        ("It rose 4,10 points.", [4.1]),
    ],
)
def test_a_list_comma_is_no_decimal_comma(text: str, values: list[float]) -> None:
    assert [q.value for q in extract_quantities(text)] == values


def test_a_spaced_list_is_quiet() -> None:
    report = compare(
        f"{LEAD} Three boys aged 15,16 and 17 were arrested. {TAIL}",
        f"{LEAD} Three boys aged 15, 16 and 17 were arrested. {TAIL}",
        settings=LEXICAL,
    )
    assert [f.detail for f in report.findings if f.severity != "low"] == []


def test_a_changed_age_in_the_list_is_found() -> None:
    report = compare(
        f"{LEAD} Three boys aged 15,16 and 17 were arrested. {TAIL}",
        f"{LEAD} Three boys aged 15, 18 and 17 were arrested. {TAIL}",
        settings=LEXICAL,
    )
    assert [f for f in report.findings if f.type.startswith("number")] != []
