"""rev25a R8: a run of hundreds of digits (grouped with dots or commas, or not at all) read as float inf ended
compare() with OverflowError. Such a run is no figure: it is skipped and the rest of the comparison stands; a
real large figure changed is still reported.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.facts.numbers import extract_quantities
from storytrace.settings import Settings

LEXICAL = Settings(use_embeddings=False)
LEAD = "The council met on Monday."


@pytest.mark.parametrize("run", ["1" + ".234" * 110, "1" + ",234" * 110, "1" * 400, "1" * 400 + " million"])
def test_a_huge_digit_run_is_no_figure_and_no_crash(run: str) -> None:
    report = compare(f"{LEAD} John Smith {run} was there.", f"{LEAD} John Smith 5 was there.", settings=LEXICAL)
    assert report.findings is not None
    assert extract_quantities(f"John Smith {run} was there.") == []


def test_a_large_real_figure_changed_is_still_reported() -> None:
    original = f"{LEAD} The new bridge will cost 1,234,567,890 dollars, officials said."
    report = compare(original, original.replace("1,234,567,890", "2,234,567,890"), settings=LEXICAL)
    assert any(f.type == "number_changed" for f in report.findings)
