"""The candidates stage takes every pair, whatever ``--max-lag`` and ``--cross-outlet`` say: those filters decide
what is reported, after judging (the pair filter the candidates stage once had was never given a filter since
session 20, and is gone)."""

from __future__ import annotations

import json
from pathlib import Path

from storytrace.cli import main
from storytrace.scan.stages import StageDir

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _corpus(tmp_path: Path) -> Path:
    original, rewrite = ((EXAMPLES / name).read_text(encoding="utf-8") for name in ("original.txt", "rewrite.txt"))
    records = [
        # one outlet, three days apart: a pair both filters leave out of the report
        {"id": "orig", "text": original, "outlet": "Wire", "published": "2024-03-01T08:00:00Z"},
        {"id": "again", "text": rewrite, "outlet": "Wire", "published": "2024-03-04T08:00:00Z"},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _candidates(tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    out = tmp_path / ("out" + "".join(extra))
    assert (
        main(["scan", str(_corpus(tmp_path)), "--out", str(out), "--workers", "1", "--to", "candidates", *extra]) == 0
    )
    return StageDir(out).read_candidates()


def test_the_pair_filters_leave_the_candidates_as_they_are(tmp_path: Path) -> None:
    whole = _candidates(tmp_path)
    assert [(r["a"], r["b"]) for r in whole] == [(0, 1)]
    assert _candidates(tmp_path, "--max-lag", "1d", "--cross-outlet") == whole
