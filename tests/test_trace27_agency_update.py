"""A news agency's story updated after an outlet copied it is still the copy's source (review trace27).

fixqa26t made a candidate the stamps put an hour or more after the suspect no source (qa26 P12: another outlet's
later report). An agency updates its story through the day and stamps the update, so an outlet's verbatim copy of
the first version carries the earlier stamp: the agency's story was listed "derived, reversed", not named, and no
report said why. Now, when the later candidate is an agency's (by its outlet's name, or credited by the suspect)
and holds the suspect word for word plus whole paragraphs of its own, compare leaves the direction ``unclear`` and
trace names it. The counterparts keep fixqa26t's rule: the same text under a newspaper's name, an agency's story
copied later by a newspaper that adds paragraphs, and an agency's later text with an edited paragraph are no
source, and every report says they are stamped later than the suspect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.article import Article
from storytrace.bylines import is_wire_outlet
from storytrace.cli import _render_trace
from storytrace.report.html import trace_to_html
from storytrace.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# the bundled seawall story, filed "PORT CALLOWAY (Coastline Wire) —": a wire's dateline credit
FIRST_VERSION = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
UPDATED = (
    FIRST_VERSION.rstrip()
    + "\n\nGovernor Lena Marsh signed the bill into law on Friday evening, her office said in a statement, clearing "
    "the way for work to begin in the spring.\n\nMarsh called the seawall \u201cthe most important investment in "
    "Port Calloway in sixty years\u201d and said the state would publish the first contracts by June 30.\n"
)
UNCREDITED = FIRST_VERSION.replace(" (Coastline Wire)", "")
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
COPIED_AT = "2024-03-14T14:00:00Z"
UPDATED_AT = "2024-03-14T16:30:00Z"


def _trace(
    make_index: Callable[..., Any], candidate: str, candidate_outlet: str, suspect: str, suspect_outlet: str
) -> Any:
    index = make_index(Article(text=candidate, id="story", outlet=candidate_outlet, published=UPDATED_AT))
    return index.trace(
        Article(text=suspect, id="suspect", outlet=suspect_outlet, published=COPIED_AT), settings=LEXICAL
    )


def _row(result: Any) -> Any:
    return next(c for c in result.candidates if c.id == "story")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_an_agency_update_stamped_after_its_copy_is_the_source(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, UPDATED, "Coastline Wire", FIRST_VERSION, "Harbor Daily")
    verdict = _row(result).report.verdict
    assert verdict.relation == "derived"
    assert verdict.direction == "unclear"
    assert any("updated its story after the suspect copied it" in e for e in verdict.evidence)
    assert result.source == "story"
    assert _row(result).not_source is None
    assert result.to_dict()["stamped_later"] == []


def test_an_agency_by_its_name_needs_no_credit_in_the_copy(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, UPDATED.replace(" (Coastline Wire)", ""), "Reuters", UNCREDITED, "Harbor Daily")
    assert _row(result).report.verdict.direction == "unclear"
    assert result.source == "story"


def test_a_newspaper_stamped_later_with_more_paragraphs_is_no_source(make_index: Callable[..., Any]) -> None:
    # the same texts under a newspaper's name the suspect does not credit: a later copy that added paragraphs
    result = _trace(make_index, UPDATED.replace(" (Coastline Wire)", ""), "Other Outlet", UNCREDITED, "Harbor Daily")
    row = _row(result)
    assert row.report.verdict.direction == "reversed"
    assert result.source is None
    assert row.not_source == "stamped_later"
    data = result.to_dict()
    assert data["stamped_later"] == ["story"]
    assert next(c for c in data["candidates"] if c["id"] == "story")["not_source"] == "stamped_later"
    said = "story is stamped later than the suspect, so it is not named as its source"
    assert said in _flat(_render_trace(result, to_file=True))
    assert said in _flat(trace_to_html(result))


def test_an_agency_story_copied_later_by_a_newspaper_is_no_source(make_index: Callable[..., Any]) -> None:
    # the suspect is the agency's first version; the later candidate a newspaper's copy with paragraphs added
    result = _trace(make_index, UPDATED, "Harbor Daily", FIRST_VERSION, "Coastline Wire")
    assert _row(result).report.verdict.direction == "reversed"
    assert result.source is None
    assert result.stamped_later == ("story",)


def test_the_same_text_stamped_later_is_no_source_even_from_an_agency(make_index: Callable[..., Any]) -> None:
    # nothing added: the later stamp is all there is to go by (fixqa26t)
    result = _trace(make_index, FIRST_VERSION, "Coastline Wire", FIRST_VERSION, "Harbor Daily")
    assert _row(result).report.verdict.direction == "reversed"
    assert result.source is None


def test_an_edited_paragraph_is_no_sign_of_an_update(make_index: Callable[..., Any]) -> None:
    # the later text adds a sentence inside a paragraph the suspect copies: not whole paragraphs of an update
    edited = FIRST_VERSION.replace(
        "ending months of debate over how to shield the low-lying harbor town from increasingly violent storm surges.",
        "ending months of debate over how to shield the low-lying harbor town from increasingly violent storm surges. "
        "Governor Lena Marsh signed the bill into law on Friday evening, her office said in a statement.",
    )
    assert edited != FIRST_VERSION
    result = _trace(make_index, edited, "Coastline Wire", FIRST_VERSION, "Harbor Daily")
    assert _row(result).report.verdict.direction == "reversed"
    assert result.source is None


def test_agency_names() -> None:
    for outlet in ("Reuters", "The Associated Press", "AFP", "Agence France-Presse", "PA Media", "PR Newswire"):
        assert is_wire_outlet(outlet), outlet
    # a wire-like name is no agency unless listed (review rev27c): the copy's credit makes "Coastline Wire" one
    for outlet in ("Harbor Daily", "Wired", "The Times", "Other Outlet", "The Daily Wire", "Coastline Wire", "", None):
        assert not is_wire_outlet(outlet), outlet
