"""``report.html`` of a scan: one self-contained page (inline CSS and SVG, no script, no network).

Every string that came from the corpus (ids, outlets, titles) is escaped; the page carries a
Content-Security-Policy that forbids script altogether, so nothing in an article can run.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:0;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;margin:28px 0 8px}
.muted{color:#57606a}.title{font-style:italic}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:1.5em}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
figure{background:#fff;border:1px solid #d0d7de;border-radius:8px;margin:0;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9em}
.scroll{overflow-x:auto}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
svg text{font:11px system-ui,sans-serif;fill:#1b1f24}
@media print{body{background:#fff}.grid{grid-template-columns:1fr}}
@media (max-width:800px){.grid{grid-template-columns:1fr}}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_BLUE, _ORANGE = "#0969da", "#bc4c00"
#: How far (px) the edges between two outlets that copy each other bow apart, at their middle.
_BOW = 22.0


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: float) -> str:
    """An axis number a reader takes in at a glance: lags run to thousands of hours, and "%.3g" wrote
    1320 as "1.32e+03"."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def histogram_svg(values: Sequence[float], *, bins: int, lo: float, hi: float, label: str, color: str = _BLUE) -> str:
    """A bar chart of ``values`` in ``bins`` equal bins over [lo, hi] (values outside are clamped)."""
    w, h, pad = 480, 200, 32
    counts = [0] * bins
    for v in values:
        k = int((min(max(v, lo), hi) - lo) / (hi - lo) * bins) if hi > lo else 0
        counts[min(k, bins - 1)] += 1
    top = max(counts) or 1
    bw = (w - 2 * pad) / bins
    bars = []
    for k, c in enumerate(counts):
        bh = (h - 2 * pad) * c / top
        x, y = pad + k * bw, h - pad - bh
        a, b = lo + (hi - lo) * k / bins, lo + (hi - lo) * (k + 1) / bins
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw - 1:.1f}" height="{bh:.1f}" fill="{color}">'
            f"<title>{_num(a)}\u2013{_num(b)}: {c}</title></rect>"
        )
    # a range that runs below zero (a lag where the derived article is dated before its source) marks zero
    zero = pad + (0 - lo) / (hi - lo) * (w - 2 * pad) if lo < 0 < hi else None
    zero_mark = ""
    if zero is not None:
        zero_mark = (
            f'<line x1="{zero:.1f}" y1="{pad}" x2="{zero:.1f}" y2="{h - pad + 4}" stroke="#57606a" '
            'stroke-dasharray="3 3"/>'
        )
        if pad + 24 < zero < w - pad - 24:  # clear of the end labels
            zero_mark += f'<text x="{zero:.1f}" y="{h - pad + 14}" text-anchor="middle">0</text>'
    axis = (
        f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#57606a"/>{zero_mark}'
        f'<text x="{pad}" y="{h - pad + 14}">{_num(lo)}</text>'
        f'<text x="{w - pad}" y="{h - pad + 14}" text-anchor="end">{_num(hi)}</text>'
        f'<text x="{w / 2}" y="{h - 4}" text-anchor="middle">{_e(label)}</text>'
        f'<text x="{pad - 4}" y="{pad}" text-anchor="end">{top}</text>'
    )
    return f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="{_e(label)} histogram">{"".join(bars)}{axis}</svg>'


def graph_svg(edges: Counter[tuple[str, str]], *, limit: int = 16) -> str:
    """Outlet-to-outlet graph: the ``limit`` outlets with most copy edges on a circle, arrows from the
    copied outlet to the copying one, width by number of derived articles."""
    if not edges:
        return '<p class="muted">No derived pairs, so no edges.</p>'
    weight: Counter[str] = Counter()
    for (a, b), c in edges.items():
        weight[a] += c
        weight[b] += c
    nodes = [n for n, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0]))[:limit]]
    size, r = 520, 180
    cx = cy = size / 2
    pos = {
        n: (
            cx + r * math.cos(2 * math.pi * k / len(nodes) - math.pi / 2),
            cy + r * math.sin(2 * math.pi * k / len(nodes) - math.pi / 2),
        )
        for k, n in enumerate(nodes)
    }
    top = max(edges.values())
    parts = [
        # sized in the drawing's units, not the line's: a marker scales with stroke-width by default, and the
        # heads of the thickest edges (6 px) grew to 36 px triangles that covered the outlets they pointed at
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="11" markerHeight="11" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#57606a"/>'
        "</marker></defs>"
    ]
    for (a, b), c in sorted(edges.items(), key=lambda x: x[1]):
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        width = 1 + 5 * c / top
        if a == b:
            parts.append(
                f'<circle cx="{x1 + 12:.1f}" cy="{y1 - 12:.1f}" r="10" fill="none" stroke="{_ORANGE}" '
                f'stroke-width="{width:.1f}" opacity=".6"><title>{_e(a)} \u2192 itself: {c}</title></circle>'
            )
            continue
        dx, dy = x2 - x1, y2 - y1
        d = math.hypot(dx, dy) or 1
        # Two outlets that copy each other: each edge bows to its own side (to its left as drawn), else the two
        # lay on one line and only the heads told them apart, one hidden under the other.
        bow = _BOW if (b, a) in edges else 0.0
        mx, my = (x1 + x2) / 2 + dy / d * bow, (y1 + y2) / 2 - dx / d * bow
        ex, ey = x2 - mx, y2 - my
        e = math.hypot(ex, ey) or 1
        x2s, y2s = x2 - ex / e * 9, y2 - ey / e * 9
        parts.append(
            f'<path d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2s:.1f},{y2s:.1f}" fill="none" stroke="{_ORANGE}" '
            f'stroke-width="{width:.1f}" opacity=".6" marker-end="url(#arrow)">'
            f"<title>{_e(a)} \u2192 {_e(b)}: {c} derived</title></path>"
        )
    for n in nodes:
        x, y = pos[n]
        anchor = "start" if x >= cx else "end"
        tx = x + (10 if x >= cx else -10)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{_BLUE}"><title>{_e(n)}</title></circle>'
            f'<text x="{tx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{_e(n[:28])}</text>'
        )
    return (
        f'<svg viewBox="-120 0 {size + 240} {size}" role="img" aria-label="who copied whom, by outlet">'
        f"{''.join(parts)}</svg>"
    )


def lag_bins(lags: Sequence[float], bins: int = 20) -> tuple[float, float, int]:
    """``(lo, hi, bins)`` for the lag histogram: about ``bins`` equal bins from the least lag or 0 to the
    largest, 0 a bin edge. A negative lag (the derived article dated before its source: close times without a
    zone the text overruled, a date without a time against one with it) is shown below 0 where it is, not
    clamped into the first bin where it would pass for a quick copy."""
    least, most = min(0.0, min(lags, default=0.0)), max(1.0, max(lags, default=0.0))
    width = (most - least) / bins
    below, above = math.ceil(-least / width), math.ceil(most / width)
    return -below * width, above * width, below + above


def _best_only(pairs: Sequence[dict[str, Any]], best: Collection[tuple[str, str]] | None) -> list[dict[str, Any]]:
    """The copy pairs of ``best`` (source id, derived id), each derived article's best source; with no
    ``best``, the copy pair of highest reuse of each derived article (ties: the first listed)."""
    copies = [p for p in pairs if p["relation"] != "sibling"]
    if best is not None:
        return [p for p in copies if (p["source_id"], p["derived_id"]) in best]
    chosen: dict[str, dict[str, Any]] = {}
    for p in copies:
        cur = chosen.get(p["derived_id"])
        if cur is None or (p["scores"].get("reuse") or 0.0) > (cur["scores"].get("reuse") or 0.0):
            chosen[p["derived_id"]] = p
    return list(chosen.values())


#: Rows of the report's pair table: a crawl's scan has tens of thousands of pairs, which pairs.jsonl holds.
PAIR_ROWS = 200
_RELATION_ORDER = {"derived": 0, "partially_derived": 1, "sibling": 2}


#: A title longer than this is cut (with "…") in the report's tables: pairs.jsonl keeps it whole.
TITLE_CHARS = 120


def _title(title: Any) -> str:
    """An article's title for a table cell, escaped (titles come from the articles), cut at ``TITLE_CHARS``."""
    text = " ".join(str(title).split()) if title is not None else ""
    if len(text) > TITLE_CHARS:
        text = text[: TITLE_CHARS - 1].rstrip() + "…"
    return f'<br><span class="title">{_e(text)}</span>' if text else ""


def _side(meta: dict[str, Any], fallback: Any) -> str:
    """An article in the pair table: its id (a file path or a crawl's URL tells a reader little), its title beside it
    (qa27: a researcher had to open pairs.jsonl to know which story a row was), and its outlet."""
    outlet = meta.get("outlet")
    return (
        f"{_e(meta.get('id', fallback))}"
        + _title(meta.get("title"))
        + (f'<br><span class="muted">{_e(outlet)}</span>' if outlet else "")
    )


def pair_table_rows(pairs: Sequence[dict[str, Any]], limit: int = PAIR_ROWS) -> tuple[str, str]:
    """The pair table's rows (every corpus string escaped) and a note saying how many pairs there are and, when
    more than ``limit``, that only the first ``limit`` are shown."""
    ordered = sorted(pairs, key=lambda p: (_RELATION_ORDER.get(p["relation"], 3), p["source_id"], p["derived_id"]))
    rows = []
    for p in ordered[:limit]:
        scores = p.get("scores") or {}
        reuse = scores.get("reuse")
        findings = ", ".join(f"{t} {n}" for t, n in sorted((p.get("findings") or {}).items(), key=lambda x: -x[1]))
        notes = []
        if p.get("common_source_id") is not None:
            notes.append(f"both from {p['common_source_id']}")
        if p.get("identical_text"):
            notes.append("identical text")
        notes.extend(p.get("warnings") or [])
        lag = p.get("lag_hours")
        rows.append(
            f"<tr><td>{_e(p['relation'])}</td><td>{_side(p.get('source_meta') or {}, p['source_id'])}</td>"
            f"<td>{_side(p.get('derived_meta') or {}, p['derived_id'])}</td>"
            f'<td class="num">{_e(p.get("direction_confidence"))}</td>'
            f'<td class="num">{"" if lag is None else _e(lag)}</td>'
            f'<td class="num">{"" if reuse is None else _e(round(reuse, 3))}</td>'
            f"<td>{_e(findings)}</td><td>{_e('; '.join(notes))}</td></tr>"
        )
    if not rows:
        return '<tr><td colspan="8" class="muted">none</td></tr>', "No pairs."
    n = len(pairs)
    note = f"{n} pair{'s' if n != 1 else ''}."
    if n > limit:
        note = f"The first {limit} of {n} pairs; all are in pairs.jsonl."
    return "".join(rows), note


def overview_html(
    *,
    summary: dict[str, Any],
    pairs: Sequence[dict[str, Any]],
    clusters: Sequence[dict[str, Any]],
    outlets: Sequence[dict[str, Any]],
    edges: Counter[tuple[str, str]],
    best: Collection[tuple[str, str]] | None = None,
) -> str:
    """The page. ``best``: (source id, derived id) of each derived article's best source, as ``outlets`` and
    ``edges`` count them (``families.best_sources``); the histograms and the findings table count the same
    way, each derived article once."""
    relations = Counter(p["relation"] for p in pairs)
    copies = _best_only(pairs, best)
    lags = [p["lag_hours"] for p in copies if p.get("lag_hours") is not None]
    early = sum(1 for v in lags if v < 0)
    reuse = [p["scores"]["reuse"] for p in copies if p["scores"].get("reuse") is not None]
    findings: Counter[str] = Counter()
    for p in copies:
        findings.update(p["findings"])
    cards = [
        ("articles", summary.get("articles", 0)),
        # articles, not pairs: a derived article judged against two sources, or held under two ids, is one
        ("derived articles (each once)", summary.get("derived_articles", len(copies))),
        ("derived pairs (one per source, repeats included)", relations["derived"]),
        ("partially derived", relations["partially_derived"]),
        ("sibling pairs", relations["sibling"]),
        ("story families", len(clusters)),
        ("skipped records", summary.get("bad_records", 0)),
    ]
    if summary.get("same_article_pairs"):
        # counted among the derived pairs above (pairs.jsonl lists them), but no copy in the outlet figures
        cards.append(("of them one article under two ids", summary["same_article_pairs"]))
    if summary.get("stamps_in_doubt"):
        # a misdated copy can pass for the original: the pairs say why in their note
        cards.append(("pairs whose stamps the texts contradict", summary["stamps_in_doubt"]))
    if summary.get("not_judged"):
        cards.append(("pairs too long to judge", summary["not_judged"]))
    lag_lo, lag_hi, lag_n = lag_bins(lags)
    early_note = f"; {early} dated before {'its' if early == 1 else 'their'} source, left of 0" if early else ""
    rows_outlets = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{_e(o.get(k, ""))}</td>'
            if k not in ("outlet", "from_outlets")
            else f"<td>{_e(o.get(k, ''))}</td>"
            for k in (
                "outlet",
                "articles",
                "derived",
                "share_derived",
                "originals_copied",
                "from_outlets",
                "unclear_direction",
                "median_lag_hours",
                "findings_per_derived",
                "omissions_per_derived",
                "share_quotes_altered",
            )
        )
        + "</tr>"
        for o in outlets[:50]
    )
    titles = {
        p[f"{side}_id"]: (p.get(f"{side}_meta") or {}).get("title") for p in pairs for side in ("source", "derived")
    }
    rows_clusters = "".join(
        f"<tr><td class=num>{c['cluster']}</td><td>{_e(c['original_id'])}{_title(titles.get(c['original_id']))}</td>"
        f"<td class=num>{c['size']}</td>"
        f"<td class=num>{c['derived']}</td><td class=num>{c['siblings']}</td>"
        f"<td>{_e(', '.join(c['outlets'][:6]))}</td></tr>"
        for c in clusters[:30]
    )
    rows_findings = (
        "".join(f"<tr><td>{_e(t)}</td><td class=num>{n}</td></tr>" for t, n in findings.most_common())
        or '<tr><td colspan="2" class="muted">none</td></tr>'
    )
    rows_pairs, pairs_note = pair_table_rows(pairs)
    stages = ", ".join(f"{_e(k)} {v:.1f} s" for k, v in summary.get("stage_seconds", {}).items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>storytrace scan</title><style>{_CSS}</style></head>
<body><main>
<h1>storytrace scan</h1>
<p class="muted">Which articles reuse which, in {_e(summary.get("articles", 0))} articles. Stages: {stages}.
Files beside this page: pairs.jsonl, clusters.jsonl, outlets.csv.</p>
<div class="cards">{"".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)}</div>
<div class="grid">
<figure><figcaption>Lag: hours from its best source to each derived article ({len(lags)} derived articles with both
dates{early_note})</figcaption>
{histogram_svg(lags, bins=lag_n, lo=lag_lo, hi=lag_hi, label="hours after the source")}</figure>
<figure><figcaption>Reuse: share of each derived article that comes from its best source ({len(copies)} derived
articles)</figcaption>
{histogram_svg(reuse, bins=20, lo=0.0, hi=1.0, label="reuse", color=_ORANGE)}</figure>
</div>
<h2>Who copied whom (by outlet)</h2>
<figure>{graph_svg(edges)}</figure>
<h2>Outlets</h2>
<div class="scroll">
<table><thead><tr><th>outlet</th><th>articles</th><th>derived</th><th>share derived</th>
<th>originals copied</th><th>from</th><th>of them direction unclear</th><th>median lag (h)</th>
<th>findings / derived (omissions apart)</th><th>omissions / derived</th><th>share with altered quotes</th></tr></thead>
<tbody>{rows_outlets}</tbody></table>
</div>
<p class="muted"><b>derived</b>: this outlet's articles copied or rewritten from another article of the corpus,
each once, with its best source (the one it reuses most). <b>share derived</b>: derived / articles.
<b>originals copied</b>: this outlet's articles that are some derived article's best source, each once however
often copied. <b>from</b>: the outlets of those best sources. <b>median lag</b>: the median of the hours from each
derived article's best source to it (day-level, whole days times 24, when a stamp has no time with its UTC offset;
negative when it is dated before its source). An article held under two ids of one outlet counts once.</p>
<h2>Largest story families</h2>
<div class="scroll">
<table><thead><tr><th>#</th><th>likely original</th><th>articles</th><th>derived</th><th>sibling pairs</th>
<th>outlets</th></tr></thead><tbody>{rows_clusters}</tbody></table>
</div>
<h2>Article pairs</h2>
<p class="muted">The lines of pairs.jsonl, the likely original first: copies before siblings (two rewrites of a
common original), then by id. {pairs_note}</p>
<div class="scroll">
<table><thead><tr><th>relation</th><th>source (likely original)</th><th>derived</th><th>direction confidence</th>
<th>lag (h)</th><th>reuse</th><th>findings</th><th>note</th></tr></thead><tbody>{rows_pairs}</tbody></table>
</div>
<h2>Findings in derived articles</h2>
<p class="muted">Each derived article once, against its best source (highest reuse), as in the outlets table and
the graph.</p>
<div class="scroll">
<table><thead><tr><th>finding</th><th>count</th></tr></thead><tbody>{rows_findings}</tbody></table>
</div>
</main></body></html>
"""
