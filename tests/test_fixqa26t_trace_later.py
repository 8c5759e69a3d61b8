"""A candidate the publication times put after the suspect is not its source (qa26 P12).

Trace named another outlet's report, published 1.5 h after the suspect on the same day and judged ``reversed``
from the times, as "source found": a same-day ``reversed`` (confidence 0.75) was read as a guess from the text.
The counterparts: a candidate published before the suspect, one on the suspect's day without a time, and one
stamped later whose text the suspect surely blurs (an update's stamp, compare leaves the direction ``unclear``)
are still named.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from storytrace.article import Article
from storytrace.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ORIGINAL = (EXAMPLES / "original.txt").read_text(encoding="utf-8")
LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)
SUSPECT_TIME = "2024-03-14T14:00:00Z"


def _blurred(text: str) -> str:
    # the suspect's own sure sign that it is the copy: the figures the candidate gives, made vague
    for figure in ("16 inches", "600 businesses", "14,000", "900", "310", "400"):
        text = text.replace(figure, "many" if figure[0].isdigit() and " " not in figure else "several")
    return text


def _trace(make_index: Callable[..., Any], candidate_time: str, suspect_text: str = ORIGINAL) -> Any:
    index = make_index(Article(text=ORIGINAL, id="report", outlet="Other Outlet", published=candidate_time))
    suspect = Article(text=suspect_text, id="suspect", outlet="Suspect Outlet", published=SUSPECT_TIME)
    return index.trace(suspect, settings=LEXICAL)


def _row(result: Any) -> Any:
    return next(c for c in result.candidates if c.id == "report")


def test_a_candidate_published_hours_after_the_suspect_is_no_source(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, "2024-03-14T15:30:00Z")
    row = _row(result)
    assert row.report.verdict.relation == "derived"
    assert row.report.verdict.direction == "reversed"
    assert not row.qualifies
    assert result.source is None


def test_a_candidate_published_before_the_suspect_is_its_source(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, "2024-03-14T12:00:00Z")
    assert _row(result).report.verdict.direction == "as_given"
    assert result.source == "report"


def test_a_same_day_candidate_without_a_time_is_still_a_source(make_index: Callable[..., Any]) -> None:
    # a day alone could be any hour of it: the times order nothing, and the same text gives no direction
    result = _trace(make_index, "2024-03-14")
    assert result.source == "report"


def test_a_later_stamp_on_the_text_the_suspect_blurs_is_still_its_source(make_index: Callable[..., Any]) -> None:
    # an update stamped after its copy: the suspect's blurred figures say it is the copy, compare leaves the
    # direction open, and the candidate stays the source (review rev20a)
    result = _trace(make_index, "2024-03-14T16:00:00Z", _blurred(ORIGINAL))
    assert _row(result).report.verdict.direction == "unclear"
    assert result.source == "report"
