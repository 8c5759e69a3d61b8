"""Review fix (fixaudit): a capitalised "May" or "March" in an added sentence is a date whatever lower-case
uses ("workers may lose their jobs", "protesters march") either text has."""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.article import Article

_BASE = (
    "The city council voted on Tuesday to approve a new budget for the coming year. "
    "The budget raises spending on public schools by 4 percent. "
    "Mayor Helen Ortiz said the plan would protect core services. "
    "Council member Raj Patel voted against the plan, citing rising debt. "
    "The new budget takes effect in July."
)


def _added_sentence(last: str, source: str = _BASE) -> list[str]:
    result = compare(Article(id="src", text=source), Article(id="sus", text=_BASE + " " + last))
    return [f.severity + " " + f.detail for f in result.findings if f.type == "claim_added"]


@pytest.mark.parametrize(
    ("last", "month"),
    [
        ("The plant will close in May, and workers may lose their jobs.", "May"),
        ("The plant will close in March, officials say, as protesters march.", "March"),
    ],
)
def test_a_capitalised_month_is_a_date_whatever_lower_case_uses(last: str, month: str) -> None:
    (found,) = _added_sentence(last)
    assert found.startswith("high"), found
    assert f"({month})" in found


def test_the_originals_modal_may_does_not_give_the_month() -> None:
    source = _BASE + " Officials may review it."
    (found,) = _added_sentence("The plant will close in May.", source)
    assert "(May)" in found


def test_a_may_opening_a_sentence_is_no_date() -> None:
    found = _added_sentence("May the plan succeed, the workers may hope.")
    assert not any("(may)" in f.lower() for f in found)
