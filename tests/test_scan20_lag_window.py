"""``--max-lag`` filters the pairs reported, not the evidence: two rewrites inside the window of an original
outside it are siblings, not copy and source (issue 5, user repro "Blog C from Daily B")."""

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


def _records() -> list[dict[str, str]]:
    y = [*_STORY, "A 2019 survey by Marlow Coastal found erosion of 3.5 metres a year along the eastern dunes."]
    z = [*_STORY, "Opposition leader Gwen Pasternak demanded an independent audit of the 14 million pound budget."]
    return [
        {"id": "orig", "text": " ".join(_STORY), "outlet": "Wire", "published": "2024-03-01T08:00:00Z"},
        {"id": "daily", "text": " ".join(y), "outlet": "Daily", "published": "2024-03-04T08:00:00Z"},
        {"id": "blog", "text": " ".join(z), "outlet": "Blog", "published": "2024-03-05T08:00:00Z"},
    ]


def _relations(tmp_path: Path, *extra: str) -> dict[tuple[str, str], str]:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    out = tmp_path / ("out" + "".join(extra))
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1", *extra]) == 0
    rows = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    return {(p["source_id"], p["derived_id"]): p["relation"] for p in rows}


def test_a_lag_window_that_leaves_the_original_out_does_not_make_one_rewrite_the_others_source(
    tmp_path: Path,
) -> None:
    whole = _relations(tmp_path)
    assert whole[("orig", "daily")] in ("derived", "partially_derived")
    assert whole[("orig", "blog")] in ("derived", "partially_derived")
    assert whole[("daily", "blog")] == "sibling"
    # 3 and 4 days after the original, one day apart: only the rewrites' pair is inside a 2-day window, and
    # it is what it is without the window
    window = _relations(tmp_path, "--max-lag", "2d")
    assert window == {("daily", "blog"): "sibling"}
    out = tmp_path / "out--max-lag2d"
    clusters = [json.loads(line) for line in (out / "clusters.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["derived"] for c in clusters] == [0]  # no copy edge inside the window
