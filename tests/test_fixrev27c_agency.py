"""A later copy is never named the source by the agency-update rule (review rev27c, R5/R6).

trace27 read a candidate stamped hours after the suspect as an agency's update of the story the suspect copied
when its outlet's name ended in "Wire" or named a listed agency. Two later copies were named the source of the
scoop they copied: "The Daily Wire" (an opinion site) republishing a newspaper's story with two paragraphs
appended, and PA Media re-publishing a member paper's story and crediting the paper. Now an agency is one by a
listed name or by the copy's credit, and a later text that names the suspect's outlet took the story from it.
Each case sits beside its counterpart the rule still names (an agency's update that credits no one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.article import Article
from storytrace.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# the bundled seawall story without its wire dateline credit: the newspaper Harbor Daily's own scoop
SCOOP = (EXAMPLES / "original.txt").read_text(encoding="utf-8").replace(" (Coastline Wire)", "")
MORE = (
    "\n\nGovernor Lena Marsh is expected to sign the bill next week, her office said in a statement, clearing the "
    "way for work to begin in the spring.\n"
)
CREDIT = "\n\nThe story was first reported by the Harbor Daily on Thursday afternoon.\n"
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)


def _trace(make_index: Callable[..., Any], candidate: str, candidate_outlet: str) -> Any:
    index = make_index(Article(text=candidate, id="story", outlet=candidate_outlet, published="2024-03-14T16:30:00Z"))
    return index.trace(
        Article(text=SCOOP, id="suspect", outlet="Harbor Daily", published="2024-03-14T14:00:00Z"), settings=LEXICAL
    )


def _direction(result: Any) -> str:
    return str(next(c for c in result.candidates if c.id == "story").report.verdict.direction)


def test_a_wire_like_name_is_no_agency(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, SCOOP + MORE, "The Daily Wire")
    assert _direction(result) == "reversed"
    assert result.source is None
    assert result.stamped_later == ("story",)


def test_a_listed_agency_update_is_still_the_source(make_index: Callable[..., Any]) -> None:
    # counterpart: the same later text under a listed agency's name, crediting no one, is its update
    result = _trace(make_index, SCOOP + MORE, "PA Media")
    assert _direction(result) == "unclear"
    assert result.source == "story"


def test_an_agency_crediting_the_suspects_outlet_is_no_source(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, SCOOP + CREDIT + MORE, "PA Media")
    assert _direction(result) == "reversed"
    assert result.source is None
    assert result.stamped_later == ("story",)


def test_a_named_wire_credited_by_the_copy_is_still_the_source(make_index: Callable[..., Any]) -> None:
    # counterpart: an agency no list holds, which the copy credits in its dateline, updated its story
    credited = SCOOP.replace("PORT CALLOWAY", "PORT CALLOWAY (Coastline Wire)", 1)
    assert credited != SCOOP
    index = make_index(
        Article(text=credited + MORE, id="story", outlet="Coastline Wire", published="2024-03-14T16:30:00Z")
    )
    result = index.trace(
        Article(text=credited, id="suspect", outlet="Harbor Daily", published="2024-03-14T14:00:00Z"),
        settings=LEXICAL,
    )
    assert _direction(result) == "unclear"
    assert result.source == "story"
