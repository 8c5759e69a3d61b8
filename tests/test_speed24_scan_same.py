"""benchmarks/scan_same.py --bytes: two scans agree only when pairs.jsonl is byte-identical (a speed change
must not move a score in its last digit or reorder the records); without it, the engines' tolerance stays."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import scan_same

PAIR = {
    "schema": "storytrace.pair/1",
    "source_id": "a",
    "derived_id": "b",
    "relation": "derived",
    "direction_confidence": 0.9,
    "scores": {"reuse": 0.9418, "verbatim": 0.8203, "coverage": 0.8763, "similarity": 0.7714, "candidate": 0.75},
    "findings": {"number_changed": 1},
    "method": "lexical",
}


def _scan_out(root: Path, name: str, pairs: list[dict[str, object]]) -> Path:
    out = root / name
    out.mkdir()
    (out / "pairs.jsonl").write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
    (out / "clusters.jsonl").write_text('{"members": ["a", "b"]}\n', encoding="utf-8")
    (out / "outlets.csv").write_text("outlet,copies\n", encoding="utf-8")
    return out


def test_bytes_tells_a_score_moved_below_the_tolerance(tmp_path: Path) -> None:
    scores = dict(PAIR["scores"], reuse=0.9418001)  # type: ignore[arg-type]
    a = _scan_out(tmp_path, "a", [PAIR])
    b = _scan_out(tmp_path, "b", [dict(PAIR, scores=scores)])
    assert scan_same.main([str(a), str(b)]) == 0
    assert scan_same.main([str(a), str(b), "--bytes"]) == 1


def test_bytes_accepts_identical_outputs(tmp_path: Path) -> None:
    other = dict(PAIR, source_id="c", derived_id="d", relation="partially_derived")
    a = _scan_out(tmp_path, "a", [PAIR, other])
    b = _scan_out(tmp_path, "b", [PAIR, other])
    assert scan_same.main(["--bytes", str(a), str(b)]) == 0
    c = _scan_out(tmp_path, "c", [other, PAIR])  # the same records in another order
    assert scan_same.main([str(a), str(c)]) == 0
    assert scan_same.main([str(a), str(c), "--bytes"]) == 1
