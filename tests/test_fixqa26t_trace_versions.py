# ruff: noqa: E501 - the stories are as qa26 wrote them, one paragraph a line
"""Of two versions of one story, the one published first is the source: times on one day count (qa26 P13).

A summary traced among an earnings story and a faithful paraphrase of it published 4 h later on the same day
named the paraphrase (its wording is a little closer: reuse 89% against 80%) and called the original "a version
of" it: ``_root_first`` read only the printed days, and on one day it asks the earlier text to hold more names and
figures of its own. The counterparts: with the stamps the other way round, the paraphrase is the source; with days
alone (no times), the closer wording still decides, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storytrace.article import Article
from storytrace.settings import DEFAULT_SETTINGS
from test_fixqa26t_independent_report import ORIGINAL as REPORTED_ORIGINAL

LEXICAL = DEFAULT_SETTINGS.with_(use_embeddings=False)

# qa26's earnings story, without its publication line (each test here stamps its own times)
ORIGINAL = REPORTED_ORIGINAL.replace("\n\nPublished 5 February 2026 07:00 UTC", "")

PARAPHRASE = """Price increases lift Norland Foods' annual profit by 18% despite lower volumes

Norland Foods on Thursday posted an 18% increase in operating profit for the full year, with higher prices on its frozen meals and snacks more than compensating for a drop in the amount it sold.

The group, whose shares trade in Oslo, said 2025 operating profit came to 2.31 billion Norwegian crowns, against 1.96 billion the previous year, while revenue climbed 6.4% to 28.7 billion crowns.

Volumes slipped 3.1% across the business. Sweden saw the steepest decline after the company lost a supply deal with a big supermarket chain in the spring.

According to chief executive Ingrid Solheim, the figures showed that the company's brands were resilient. "Consumers are still choosing our products even when they pay a little more, and that gives us confidence going into 2026," she said on a call with analysts.

The board has proposed a dividend of 4.50 crowns a share, up from 3.80 crowns a year ago.

For 2026, Norland expects operating profit to increase by 5% to 8%, although finance director Lars Eikeland warned that the outlook hinged on volatile cocoa and dairy costs.

"We are not assuming any relief on input costs in our guidance," Eikeland said.

Norland plans to shut its Drammen bakery by the end of 2026, affecting about 140 jobs, and unions said they would ask management for talks.

Fjordbank analysts had expected operating profit of 2.25 billion crowns.

In early Oslo trading, Norland's shares gained 4.2%.

The group added that it was weighing a sale of its Danish beverages unit but had not reached a decision."""

SUMMARY = """Norland Foods lifts profit and dividend

Norland Foods said 2025 operating profit rose 18% to 2.31 billion crowns on higher prices, even though volumes fell 3.1%. It raised its dividend to 4.50 crowns a share and expects profit growth of 5% to 8% this year. The shares gained 4.2%."""


def _trace(make_index: Callable[..., Any], original_time: str, paraphrase_time: str) -> Any:
    index = make_index(
        Article(text=ORIGINAL, id="original", outlet="Wire", published=original_time),
        Article(text=PARAPHRASE, id="paraphrase", outlet="Daily", published=paraphrase_time),
    )
    suspect = Article(text=SUMMARY, id="summary", outlet="Brief", published="2026-02-05T13:00:00Z")
    result = index.trace(suspect, settings=LEXICAL)
    rows = {c.id: c for c in result.candidates}
    assert rows["original"].qualifies and rows["paraphrase"].qualifies
    return result


def test_the_original_published_hours_before_its_paraphrase_is_the_source(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, "2026-02-05T07:00:00Z", "2026-02-05T11:20:00Z")
    rows = {c.id: c for c in result.candidates}
    assert rows["paraphrase"].report.scores.reuse > rows["original"].report.scores.reuse
    assert result.source == "original"
    assert rows["paraphrase"].version_of == "original" and rows["original"].version_of is None


def test_stamped_the_other_way_round_the_paraphrase_is_the_source(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, "2026-02-05T11:20:00Z", "2026-02-05T07:00:00Z")
    assert result.source == "paraphrase"


def test_on_one_day_without_times_the_closer_wording_decides(make_index: Callable[..., Any]) -> None:
    result = _trace(make_index, "2026-02-05", "2026-02-05")
    assert result.source == "paraphrase"
