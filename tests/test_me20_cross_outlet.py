"""``--cross-outlet`` filters the pairs reported, not the evidence (like ``--max-lag``): an outlet's own rewrite
of its original and another outlet's rewrite of it are siblings, not copy and source."""

from __future__ import annotations

import json
from pathlib import Path

from storytrace.cli import main

_STORY = [
    "The harbour board of Quillmouth approved a 14 million pound seawall on Tuesday evening.",
    "Engineers from Halvard Marine said the wall would protect 320 homes along Tidewater Road.",
    "Construction is expected to begin in March and to last about eighteen months.",
    "Councillor Brenna Achterberg called the vote a turning point for the flooded town.",
    "Residents had petitioned for stronger defences after the storms of the previous winter.",
    "The board will publish the full tender documents on its website next week.",
]


def _relations(tmp_path: Path, *extra: str) -> dict[tuple[str, str], str]:
    update = [*_STORY, "A 2019 survey by Marlow Coastal found erosion of 3.5 metres a year along the eastern dunes."]
    blog = [*_STORY, "Opposition leader Gwen Pasternak demanded an independent audit of the 14 million pound budget."]
    records = [
        {"id": "orig", "text": " ".join(_STORY), "outlet": "Wire", "published": "2024-03-01T08:00:00Z"},
        {"id": "update", "text": " ".join(update), "outlet": "Wire", "published": "2024-03-04T08:00:00Z"},
        {"id": "blog", "text": " ".join(blog), "outlet": "Blog", "published": "2024-03-05T08:00:00Z"},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / ("out" + "".join(extra))
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1", *extra]) == 0
    rows = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    return {(p["source_id"], p["derived_id"]): p["relation"] for p in rows}


def test_an_outlets_own_original_left_out_of_the_report_still_makes_its_rewrites_siblings(tmp_path: Path) -> None:
    whole = _relations(tmp_path)
    assert whole[("orig", "update")] in ("derived", "partially_derived")
    assert whole[("update", "blog")] == "sibling"
    cross = _relations(tmp_path, "--cross-outlet")
    assert ("orig", "update") not in cross  # one outlet's pair: not reported
    assert cross[("orig", "blog")] in ("derived", "partially_derived")
    assert cross[("update", "blog")] == "sibling"
