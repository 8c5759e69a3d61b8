"""``scan``: every derived pair in a corpus, story families, who copied whom, figures per outlet.

    >>> from storytrace.scan import scan
    >>> result = scan(["corpus.jsonl"], "out/")          # local engine, all cores
    >>> result.pairs, result.stage_seconds

The same library functions run on one machine (``engine="local"``) and on Apache Spark
(``engine="spark"``, the ``spark`` extra); see scan/pipeline.py for the stages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storytrace.scan.pipeline import ScanConfig, ScanFilters, ScanResult, parse_lag, run_scan

__all__ = ["ScanConfig", "ScanFilters", "ScanResult", "parse_lag", "scan"]


def scan(
    inputs: Sequence[str],
    out: str | Path,
    *,
    engine: str = "local",
    config: ScanConfig | None = None,
    to: str | None = None,
    resume: bool = False,
    workers: int | None = None,
    master: str = "local[*]",
    progress: Any = lambda _msg: None,
) -> ScanResult:
    """Scan ``inputs`` into the directory ``out`` (pairs.jsonl, clusters.jsonl, outlets.csv, report.html)."""
    if engine == "local":
        from storytrace.scan.local import LocalEngine

        return run_scan(
            inputs, out, engine=LocalEngine(workers), config=config, to=to, resume=resume, progress=progress
        )
    if engine == "spark":
        from storytrace.scan.spark import SparkEngine

        with SparkEngine(master=master) as spark:
            return run_scan(inputs, out, engine=spark, config=config, to=to, resume=resume, progress=progress)
    raise ValueError(f"unknown engine {engine!r} (local or spark)")
