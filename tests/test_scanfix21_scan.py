"""scanfix21: `scan --resume` takes report-only filters (--max-lag, --cross-outlet) the first run did not ask for,
and a date without a time of day gives a day-level lag, never a precise negative one from a stand-in midnight."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storytrace.cli import main
from storytrace.scan.families import ArticleMeta, lag_hours
from storytrace.scan.pipeline import ScanFilters
from storytrace.scan.stages import StageDir

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _meta(published: str | None) -> ArticleMeta:
    return ArticleMeta(0, "x", None, published, {})


@pytest.mark.parametrize(
    ("source", "derived", "lag"),
    [
        # the QA case: a wire story at 09:00 and its rewrite dated by day alone, the same day (was -9.0)
        ("2025-03-14T09:00:00+00:00", "2025-03-14", 0.0),
        ("2025-03-14", "2025-03-14T09:00:00+00:00", 0.0),
        ("2025-03-14T23:30:00+00:00", "2025-03-16", 48.0),
        # the day as written: 23:00 in New York on the 13th is the 13th there
        ("2025-03-13T23:00:00-05:00", "2025-03-14", 24.0),
        ("2025-03-15", "2025-03-14", -24.0),
        # both times known: hours, as before
        ("2025-03-14T09:00:00+00:00", "2025-03-14T13:30:00+00:00", 4.5),
        ("2025-03-14T09:00:00+00:00", None, None),
    ],
)
def test_a_date_without_a_time_gives_a_day_level_lag(source: str, derived: str | None, lag: float | None) -> None:
    assert lag_hours(_meta(source), _meta(derived)) == lag


def _corpus(path: Path) -> Path:
    """A wire story timed at 09:00 and a rewrite of it by the same outlet, dated by day alone the same day."""
    rows = [
        {
            "id": "wire-1",
            "text": (EXAMPLES / "original.txt").read_text(encoding="utf-8"),
            "outlet": "Wire",
            "published": "2024-03-14T09:00:00+00:00",
        },
        {
            "id": "wire-2",
            "text": (EXAMPLES / "rewrite.txt").read_text(encoding="utf-8"),
            "outlet": "Wire",
            "published": "2024-03-14",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _pairs(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]


def test_resume_takes_report_only_filters_and_a_same_day_pair_has_no_negative_lag(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "c.jsonl"), tmp_path / "out"
    assert main(["scan", str(corpus), "--out", str(out), "--to", "candidates", "--workers", "1"]) == 0
    # the filters only choose what is reported: the stage written without them serves
    assert main(["scan", str(corpus), "--out", str(out), "--resume", "--cross-outlet", "--max-lag", "1h"]) == 0
    assert _pairs(out) == []  # one outlet's pair, left out by --cross-outlet
    # and dropped again on the next resume, from the same judged pairs
    assert main(["scan", str(corpus), "--out", str(out), "--resume", "--max-lag", "1h"]) == 0
    (pair,) = _pairs(out)
    assert {pair["source_id"], pair["derived_id"]} == {"wire-1", "wire-2"}
    assert pair["relation"] in ("derived", "partially_derived")
    assert pair["lag_hours"] == 0.0  # the same day; a stand-in midnight made it -9.0


def test_a_scan_whose_manifest_recorded_the_report_only_filters_still_resumes(tmp_path: Path) -> None:
    """Before scanfix21 the request recorded --max-lag and --cross-outlet: such a scan resumes with any of them,
    while a different --since still asks for another scan."""
    corpus, out = _corpus(tmp_path / "c.jsonl"), tmp_path / "out"
    assert main(["scan", str(corpus), "--out", str(out), "--to", "candidates", "--workers", "1"]) == 0
    stages = StageDir(out)
    manifest = json.loads(stages.manifest_path.read_text(encoding="utf-8"))
    assert set(manifest["request"]["filters"]) == {"since", "until"}
    manifest["request"]["filters"].update({"max_lag_hours": 720.0, "cross_outlet": True})
    stages.manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert (
        main(["scan", str(corpus), "--out", str(out), "--resume", "--since", "2024-03-01", "--to", "candidates"]) == 2
    )
    assert main(["scan", str(corpus), "--out", str(out), "--resume", "--to", "candidates"]) == 0


# --- rev21s: --max-lag on a day-level lag filters on the smallest lag the two days allow -------------------------


@pytest.mark.parametrize(
    ("source", "derived", "max_lag", "kept"),
    [
        # a wire story at 23:00 and its rewrite dated the next day may be an hour apart: a 12-hour window keeps it
        ("2024-03-14T23:00:00+00:00", "2024-03-15", 12.0, True),
        ("2024-03-14", "2024-03-15", 1.0, True),
        ("2024-03-15", "2024-03-14", 1.0, True),
        ("2024-03-14T09:00:00+00:00", "2024-03-14", 0.5, True),
        # three days apart are at least two days apart
        ("2024-03-14T23:00:00+00:00", "2024-03-17", 47.0, False),
        ("2024-03-14T23:00:00+00:00", "2024-03-17", 48.0, True),
        ("2024-03-17", "2024-03-14", 47.0, False),
        # both times known: hours, as before
        ("2024-03-14T23:00:00+00:00", "2024-03-15T12:00:00+00:00", 12.0, False),
        ("2024-03-14T23:00:00+00:00", "2024-03-15T10:00:00+00:00", 12.0, True),
    ],
)
def test_max_lag_on_a_date_without_a_time_works_at_day_granularity(
    source: str, derived: str, max_lag: float, kept: bool
) -> None:
    assert ScanFilters(max_lag_hours=max_lag).keeps_pair(_meta(source), _meta(derived)) is kept


def test_a_scan_with_max_lag_12h_keeps_a_rewrite_dated_the_day_after_a_late_wire_story(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "c.jsonl"), tmp_path / "out"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    rows[0]["published"], rows[1]["published"] = "2024-03-14T23:00:00+00:00", "2024-03-15"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["scan", str(corpus), "--out", str(out), "--workers", "1", "--max-lag", "12h"]) == 0
    (pair,) = _pairs(out)
    assert (pair["source_id"], pair["derived_id"]) == ("wire-1", "wire-2")
    assert pair["lag_hours"] == 24.0  # reported as the day-level lag it is
    # dated two days after, it is at least a day later: outside a 12-hour window
    rows[1]["published"] = "2024-03-16"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out2 = tmp_path / "out2"
    assert main(["scan", str(corpus), "--out", str(out2), "--workers", "1", "--max-lag", "12h"]) == 0
    assert _pairs(out2) == []
