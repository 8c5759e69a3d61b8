"""How severe a change inside a quotation is: a reversal of meaning is never graded below a near-synonym."""

from __future__ import annotations

import pytest

from storytrace.align import align
from storytrace.article import article_from_text
from storytrace.facts.quotes import quote_findings
from storytrace.finding import Finding
from storytrace.text import analyse

FIRE = (
    'Officials said the fire had spread overnight. "The situation is serious but under control," fire chief '
    "Gemma Ashworth said. About 200 homes were evacuated."
)


def _quote_findings(source: str, derived: str) -> list[Finding]:
    a = align(analyse(article_from_text(source)), analyse(article_from_text(derived)), embed=None)
    return quote_findings(a)


@pytest.mark.parametrize(
    "new",
    [
        "serious and out of control",  # function words only, and the meaning turned round
        "serious because under control",
        "serious but manageable",  # a near-synonym
    ],
)
def test_a_change_of_meaning_inside_a_quote_is_high(new: str) -> None:
    (f,) = _quote_findings(FIRE, FIRE.replace("serious but under control", new))
    assert (f.type, f.subtype, f.severity) == ("quote_altered", "words_changed", "high")


@pytest.mark.parametrize(("old", "new"), [("The situation is", "This situation is"), ("is serious", "was serious")])
def test_a_change_of_grammar_inside_a_quote_stays_medium(old: str, new: str) -> None:
    (f,) = _quote_findings(FIRE, FIRE.replace(old, new))
    assert (f.subtype, f.severity) == ("words_changed", "medium")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("serious but under control", "serious and under control"),  # review rev19q: a conjunction of wording
    ],
)
def test_a_change_of_wording_words_inside_a_quote_is_not_high(old: str, new: str) -> None:
    found = _quote_findings(FIRE, FIRE.replace(old, new))
    assert found and all(f.severity != "high" for f in found), found
