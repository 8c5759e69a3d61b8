"""Low false alarms on a faithful paraphrase (qa26 P14): a figure before a comparative "likely" ("21% less
likely") is a measured result, not a hedge; "older than 75" is the bound "over 75" says; "could be jailed for
up to six years" is the possibility "faces up to six years" states. Each beside a change that stays flagged."""

from __future__ import annotations

import pytest

from hedges_context import hedges
from storytrace import compare
from storytrace.facts.numbers import extract_quantities

STUDY = "Participants who walked at least 30 minutes a day had a 21% lower risk of being diagnosed with dementia."


@pytest.mark.parametrize(
    "derived",
    [
        "Participants who walked at least 30 minutes a day were 21% less likely to be diagnosed with dementia.",
        "Participants who walked at least 30 minutes a day were half as likely to be diagnosed with dementia.",
    ],
)
def test_measured_likelihood_is_no_hedge(derived: str) -> None:
    assert hedges(STUDY, derived) == []


def test_likely_without_a_figure_is_still_a_hedge() -> None:
    derived = "Participants who walked at least 30 minutes a day were likely to have a lower risk of dementia."
    assert [(f.subtype, f.severity) for f in hedges(STUDY, derived)] == [("certainty_decreased", "low")]


AGES = """Researchers followed 61,420 adults in Denmark for an average of nine years.

The link appeared weaker among participants over 75, and the researchers said the findings for that group \
were not statistically significant.

In total, 2,987 participants were diagnosed with dementia during follow-up."""


def _qualifier_findings(derived: str) -> list[tuple[str, str]]:
    return [(f.subtype, f.detail) for f in compare(AGES, derived).findings if f.type == "number_changed"]


def test_older_than_is_over() -> None:
    derived = AGES.replace(
        "The link appeared weaker among participants over 75,",
        "Among participants older than 75 the link looked weaker,",
    )
    assert _qualifier_findings(derived) == []


def test_younger_than_for_over_is_still_flagged() -> None:
    derived = AGES.replace(
        "The link appeared weaker among participants over 75,",
        "Among participants younger than 75 the link looked weaker,",
    )
    assert [s for s, _ in _qualifier_findings(derived)] == ["qualifier"]


def test_older_than_reads_as_a_bound() -> None:
    (q,) = extract_quantities("among participants older than 75")
    assert (q.text, q.qualifier) == ("older than 75", "older than")


PENALTY = "If convicted, Vandermolen faces up to six years in prison, prosecutors said on Thursday."


def test_could_be_jailed_for_a_penalty_range_is_no_hedge() -> None:
    derived = "Vandermolen could be jailed for up to six years if he is convicted, prosecutors said on Thursday."
    assert hedges(PENALTY, derived) == []


def test_could_be_jailed_for_a_sentence_imposed_is_still_a_hedge() -> None:
    source = "Vandermolen was jailed for six years on Thursday after the court convicted him, prosecutors said."
    derived = "Vandermolen could be jailed for six years on Thursday after the court convicted him, prosecutors said."
    assert [(f.subtype, f.severity) for f in hedges(source, derived)] == [("certainty_decreased", "low")]
