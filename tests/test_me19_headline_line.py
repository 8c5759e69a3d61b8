"""A plain-text suspect that opens with its headline, against a page whose headline stands apart from its text.

The suspect's first line is a headline: it must be checked as one (against the original's headline and text),
not as a body sentence that the original's lead half supports, nor as one sentence with the lead.
"""

from __future__ import annotations

import pytest

from storytrace import compare
from storytrace.align import align
from storytrace.article import Article
from storytrace.settings import Settings
from storytrace.text import analyse

BODY = (
    "Around 3,000 people in Linford were told to leave their homes on Tuesday after part of the Harrow "
    "Reservoir dam collapsed following days of heavy rain, emergency services said.\n\n"
    "Water began pouring through a 20-metre breach in the dam's eastern wall at about 11am, according to the "
    "Environment Agency, which issued a severe flood warning for the River Lin.\n\n"
    "Rest centres have been opened at two schools in the town, and the council said no injuries had been "
    "reported so far.\n\n"
    "Engineers from the water company are expected to inspect the structure once the level in the reservoir "
    "has fallen."
)
ORIGINAL = Article(text=BODY, title="Linford dam: thousands told to leave homes after reservoir wall collapses")
LEXICAL = Settings(use_embeddings=False)


def _findings(headline: str) -> list[tuple[str, str, str]]:
    report = compare(ORIGINAL, headline + "\n\n" + BODY)
    return [(f.type, f.severity, f.detail) for f in report.findings if f.severity in ("high", "medium")]


def test_a_faithful_headline_line_is_no_added_claim() -> None:
    assert _findings("Thousands flee as Linford dam bursts") == []


def test_a_headline_line_that_changes_a_figure_is_reported_as_a_headline_finding() -> None:
    found = _findings("30,000 flee as Linford dam collapses")
    assert any(kind == "number_changed" and detail.startswith("headline") for kind, _, detail in found), found


def test_the_line_is_no_headline_when_the_original_has_its_headline_in_its_text() -> None:
    # Two plain texts: both headlines are body sentences, aligned and checked as such (unchanged behaviour).
    original = Article(text="Thousands told to leave Linford homes as dam wall collapses\n\n" + BODY)
    report = compare(original, "30,000 flee as Linford dam collapses\n\n" + BODY, settings=LEXICAL)
    assert any(f.type == "number_changed" and not f.detail.startswith("headline") for f in report.findings)


@pytest.mark.parametrize("closed", [False, True])
def test_a_line_of_its_own_without_a_stop_joins_no_split(closed: bool) -> None:
    # "Linford dam bursts" restates the lead in brief; it does not carry half of it. A real sentence of its own
    # paragraph that the next one continues still may.
    first = "Thousands flee homes in Linford as the Harrow Reservoir dam collapses after heavy rain" + (
        "." if closed else ""
    )
    derived = analyse(
        Article(text=first + "\n\nEmergency services said about 3,000 people were told to leave on Tuesday.")
    )
    source = analyse(Article(text=BODY))
    links = align(source, derived, settings=LEXICAL).links
    grouped = [link for link in links if len(link.derived) > 1]
    assert bool(grouped) is closed


def test_a_headline_line_finding_points_into_the_suspect_text() -> None:
    suspect = "30,000 flee as Linford dam collapses\n\n" + BODY
    report = compare(ORIGINAL, suspect)
    spans = [f.derived for f in report.findings if f.type == "number_changed" and f.detail.startswith("headline")]
    assert spans and spans[0] is not None
    assert "30,000" in suspect[spans[0][0] : spans[0][1]]


def test_a_long_first_line_without_a_stop_is_the_lead_not_a_headline() -> None:
    # A lead that lost its full stop keeps its body findings (the allegation stated as fact, with its span).
    original = Article(
        title="Springfield mayor accused of taking bribes",
        text="Police say the mayor of Springfield, John Carter, took $20,000 in bribes, according to court papers "
        "filed on Tuesday.\n\n" + BODY,
    )
    suspect = (
        "The mayor of Springfield, John Carter, took $200,000 in bribes, court papers filed on Tuesday show\n\n" + BODY
    )
    found = compare(original, suspect, settings=LEXICAL).findings
    figure = [f for f in found if f.type == "number_changed"]
    assert figure and not figure[0].detail.startswith("headline") and figure[0].derived is not None
