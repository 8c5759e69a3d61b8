"""report.html counts each derived article once, with its best source, in every figure (QA session 20)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from storytrace.scan.overview import histogram_svg, lag_bins, overview_html


def _pair(src: str, der: str, reuse: float, lag: float | None, findings: dict[str, int]) -> dict[str, Any]:
    return {
        "source_id": src,
        "derived_id": der,
        "relation": "derived",
        "lag_hours": lag,
        "scores": {"reuse": reuse},
        "findings": findings,
    }


# emo copies both the wire and its verbatim syndicated copy: two copy pairs, one derived article
PAIRS = [
    _pair("wire", "synd", 1.0, 2.0, {}),
    _pair("wire", "emo", 0.61, 48.0, {"claim_added": 20, "quote_altered": 1}),
    _pair("synd", "emo", 0.6, 46.0, {"claim_added": 20, "quote_altered": 1}),
    {**_pair("emo", "other", 0.3, 5.0, {"claim_added": 4}), "relation": "sibling"},
]
OUTLET = {"outlet": "Wire", "articles": 1, "derived": 0, "share_derived": 0.0, "originals_copied": 1}


def _findings_table(page: str) -> dict[str, int]:
    table = page.split("<h2>Findings in derived articles</h2>", 1)[1]
    return {t: int(n) for t, n in re.findall(r"<tr><td>([a-z_]+)</td><td class=num>(\d+)</td></tr>", table)}


def test_findings_and_histograms_count_each_derived_article_once() -> None:
    page = overview_html(
        summary={"articles": 4},
        pairs=PAIRS,
        clusters=[],
        outlets=[OUTLET],
        edges=Counter({("Wire", "Syndi"): 1, ("Wire", "Buzz"): 1}),
        best={("wire", "synd"), ("wire", "emo")},
    )
    assert _findings_table(page) == {"claim_added": 20, "quote_altered": 1}
    assert "(2 derived articles with both" in page and "(2 derived\narticles)" in page
    assert "Each derived article once, against its best source" in page
    # without ``best`` the page picks the same: the pair of highest reuse
    assert _findings_table(overview_html(summary={}, pairs=PAIRS, clusters=[], outlets=[], edges=Counter())) == {
        "claim_added": 20,
        "quote_altered": 1,
    }


def test_the_outlets_table_has_the_csv_originals_copied_column() -> None:
    page = overview_html(summary={}, pairs=[], clusters=[], outlets=[OUTLET], edges=Counter())
    assert "<th>originals copied</th>" in page
    row = page.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", row)[:5] == ["Wire", "1", "0", "0.0", "1"]


def test_a_negative_lag_is_shown_below_zero_not_clamped() -> None:
    lo, hi, bins = lag_bins([-3.0, 5.0, 40.0])
    assert lo < -3.0 <= lo + (hi - lo) / bins and hi >= 40.0
    width = (hi - lo) / bins
    assert abs(round(-lo / width) * width + lo) < 1e-9  # 0 is a bin edge
    svg = histogram_svg([-3.0, 5.0, 40.0], bins=bins, lo=lo, hi=hi, label="hours after the source")
    titles = re.findall(r"<title>([^<]*): (\d+)</title>", svg)
    assert titles[0][0].startswith("-") and titles[0][1] == "1"  # the first bin, below 0, holds the -3
    assert ">0</text>" in svg
    assert lag_bins([5.0, 40.0])[0] == 0.0
    page = overview_html(
        summary={},
        pairs=[_pair("a", "b", 0.9, -3.0, {}), _pair("a", "c", 0.9, 6.0, {})],
        clusters=[],
        outlets=[],
        edges=Counter(),
    )
    assert "1 dated before its source, left of 0" in page
